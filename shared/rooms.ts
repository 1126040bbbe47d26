import { isValidId } from './ids.ts'

export type RoomKind = 'board' | 'control'

export interface RoomName {
  boardId: string
  kind: RoomKind
}

export type ParsedRoom =
  { ok: true; room: RoomName } | { ok: false; reason: 'malformed' | 'unknown' }

/**
 * Room names are `<boardId>` (board document) and `<boardId>/control` (control document).
 * A name made of valid id segments that names no room is "unknown" (4404); anything else
 * (`..`, `%`, empty or over-long segments) is "malformed" (4400).
 */
export function parseRoomName(name: string): ParsedRoom {
  const parts = name.split('/')
  if (parts.length > 2 || !parts.every(isValidId)) return { ok: false, reason: 'malformed' }
  if (parts.length === 1) return { ok: true, room: { boardId: parts[0], kind: 'board' } }
  if (parts[1] === 'control') return { ok: true, room: { boardId: parts[0], kind: 'control' } }
  return { ok: false, reason: 'unknown' }
}

export function roomName(boardId: string, kind: RoomKind): string {
  return kind === 'board' ? boardId : `${boardId}/control`
}
