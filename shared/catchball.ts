import { diffWords } from 'diff'
import type * as Y from 'yjs'
import {
  addComment,
  getCardMap,
  getCatchballLog,
  getComments,
  readCard,
  updateCard,
} from './boardDoc.ts'
import {
  commentKinds,
  type Card,
  type CardKind,
  type CardStatus,
  type CatchballEntry,
  type Comment,
} from './cardSchema.ts'

/**
 * Catchball on the board document: throwing a card between teams or levels, round
 * numbers, and feedback comments tied to a round. Pure document logic (no React, no
 * sockets) so the client, tests and any future server-side check share one set of rules.
 *
 * Rules, in one place:
 * - Only objectives and key results travel; agreed and dropped cards are settled and stay.
 * - A card's **round** is the number of throws so far: 0 while it is being drafted, 1 after
 *   the first throw, … A throw creates round `current + 1` (the number of throws of this
 *   card so far + 1). Two throws of one card racing on two offline clients can both get the
 *   same round; the history then shows both and the next throw continues after them.
 * - **Status** follows the round: odd rounds are `proposed` (the ball goes out as a
 *   proposal), even rounds are `returned` (it comes back with feedback). Deriving it from the
 *   round instead of flipping the previous status keeps two clients in agreement whatever
 *   order they saw the throws in.
 * - The ball is held by `holder`, or by the owning `team` while the card was never thrown.
 */

export const throwableKinds: readonly CardKind[] = ['objective', 'keyResult']
const settledStatuses: readonly CardStatus[] = ['agreed', 'dropped']

/** A log entry as this module writes it: the contract's fields plus who threw (a name). */
export type CatchballThrow = CatchballEntry & { by?: string }

/** Who holds the ball: the last team thrown to, else the team that owns the card. */
export function holderOf(card: Pick<Card, 'holder' | 'team'>): string {
  return card.holder.trim() || card.team.trim()
}

/** Teams are typed by people: "Team A " and "team a" are the same team. */
export function sameTeam(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase()
}

export function statusForRound(round: number): CardStatus {
  return round % 2 === 1 ? 'proposed' : 'returned'
}

/** Why this card cannot be thrown at all (kind, status), or null when it can. */
export function whyCardCannotBeThrown(card: Pick<Card, 'kind' | 'status'>): string | null {
  if (!throwableKinds.includes(card.kind)) {
    return 'Only objectives and key results are thrown in catchball.'
  }
  if (settledStatuses.includes(card.status)) {
    return `This card is ${card.status}: it is settled and no longer thrown. Change its status first to reopen it.`
  }
  return null
}

/** Every entry of the catchball log as plain data, skipping anything malformed. */
export function readCatchballLog(doc: Y.Doc): CatchballThrow[] {
  return getCatchballLog(doc)
    .toArray()
    .filter(
      (entry): entry is CatchballThrow =>
        typeof entry === 'object' &&
        entry !== null &&
        typeof entry.cardId === 'string' &&
        typeof entry.round === 'number',
    )
}

/** The throws of one card, oldest round first (log order breaks ties). */
export function throwsOfCard<Entry extends CatchballEntry>(
  log: readonly Entry[],
  cardId: string,
): Entry[] {
  return log.filter((entry) => entry.cardId === cardId).toSorted((a, b) => a.round - b.round)
}

/** The card's current round: the highest round thrown so far, 0 if it was never thrown. */
export function currentRound(log: readonly CatchballEntry[], cardId: string): number {
  let round = 0
  for (const entry of log) if (entry.cardId === cardId) round = Math.max(round, entry.round)
  return round
}

export interface ThrowInput {
  cardId: string
  /** The team or level that receives the ball. */
  to: string
  /** Why it is thrown: what is asked of the receiver. Required. */
  message: string
  /** The throwing team, needed only when the card has neither a holder nor a team. */
  from?: string
  /** The person throwing (display name), kept in the log for the history. */
  by?: string
  /** Override the time, for tests. */
  at?: string
}

export type ThrowResult = { ok: true; entry: CatchballThrow } | { ok: false; reason: string }

/**
 * Throw a card: in one transaction the holder becomes `to`, the status follows the new
 * round, and a log entry records the title and notes as they were at the throw (so the
 * history can diff them later). Nothing is written when the throw is not allowed.
 */
export function throwCard(doc: Y.Doc, input: ThrowInput): ThrowResult {
  const map = getCardMap(doc, input.cardId)
  if (!map) return { ok: false, reason: 'This card no longer exists.' }
  const card = readCard(input.cardId, map)
  const blocked = whyCardCannotBeThrown(card)
  if (blocked) return { ok: false, reason: blocked }
  const to = input.to.trim()
  const from = holderOf(card) || (input.from ?? '').trim()
  const message = input.message.trim()
  if (!to) return { ok: false, reason: 'Choose the team or level to throw to.' }
  if (!from) return { ok: false, reason: 'Say which team is throwing: the card has no team yet.' }
  if (sameTeam(to, from)) return { ok: false, reason: `${from} already holds the ball.` }
  if (!message) return { ok: false, reason: 'Write a message: what should they look at?' }

  const round = currentRound(readCatchballLog(doc), input.cardId) + 1
  const entry: CatchballThrow = {
    cardId: input.cardId,
    from,
    to,
    round,
    message,
    at: input.at ?? new Date().toISOString(),
    titleAtThrow: card.title,
    notesAtThrow: card.notes,
    ...(input.by ? { by: input.by } : {}),
  }
  doc.transact(() => {
    updateCard(doc, input.cardId, { holder: to, status: statusForRound(round) })
    getCatchballLog(doc).push([entry])
  })
  return { ok: true, entry }
}

// ---------- Feedback comments ----------

export type CommentKind = Comment['kind']
export { commentKinds }

/** Every comment on the board as plain data (id included), oldest first. */
export function readComments(doc: Y.Doc): Comment[] {
  const comments: Comment[] = []
  for (const [id, map] of getComments(doc)) {
    const cardId = map.get('cardId')
    if (typeof cardId !== 'string') continue
    const kind = map.get('kind')
    const round = map.get('round')
    comments.push({
      id,
      cardId,
      author: String(map.get('author') ?? ''),
      text: String(map.get('text') ?? ''),
      kind: commentKinds.includes(kind as CommentKind) ? (kind as CommentKind) : 'feedback',
      round: typeof round === 'number' && round >= 0 ? Math.floor(round) : 0,
      createdAt: String(map.get('createdAt') ?? ''),
      resolved: map.get('resolved') === true,
    })
  }
  return comments.toSorted(byCreation)
}

function byCreation(a: Comment, b: Comment): number {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? -1 : 1
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}

export function commentsOfCard(comments: readonly Comment[], cardId: string): Comment[] {
  return comments.filter((comment) => comment.cardId === cardId)
}

/** Comments that still ask for something: unresolved, praise aside. */
export function openFeedbackCount(comments: readonly Comment[], cardId: string): number {
  return comments.filter((c) => c.cardId === cardId && !c.resolved && c.kind !== 'praise').length
}

/** Comments grouped by the round they were written in, rounds ascending. */
export function commentsByRound(comments: readonly Comment[]): Map<number, Comment[]> {
  const groups = new Map<number, Comment[]>()
  for (const comment of comments.toSorted(byCreation)) {
    const group = groups.get(comment.round) ?? []
    group.push(comment)
    groups.set(comment.round, group)
  }
  return new Map([...groups].toSorted(([a], [b]) => a - b))
}

export interface NewCardComment {
  cardId: string
  author: string
  text: string
  kind: CommentKind
}

/** Add a comment to the card's current round. Returns its id, or null for an empty text. */
export function addCardComment(doc: Y.Doc, comment: NewCardComment): string | null {
  const text = comment.text.trim()
  if (!text || !getCardMap(doc, comment.cardId)) return null
  const round = currentRound(readCatchballLog(doc), comment.cardId)
  return addComment(doc, { ...comment, text, round })
}

export function setCommentResolved(doc: Y.Doc, commentId: string, resolved: boolean): void {
  const map = getComments(doc).get(commentId)
  if (map && map.get('resolved') !== resolved) map.set('resolved', resolved)
}

// ---------- History: rounds with word-level diffs ----------

export interface TextChange {
  kind: 'same' | 'insert' | 'delete'
  text: string
}

/** Beyond this many word edits a diff is not worth reading: show it as replaced. */
const MAX_WORD_EDITS = 400

/** Word-level diff of two texts (jsdiff's diffWords), as runs of kept, added, removed text. */
export function wordDiff(before: string, after: string): TextChange[] {
  if (before === after) return before ? [{ kind: 'same', text: before }] : []
  const changes = diffWords(before, after, { maxEditLength: MAX_WORD_EDITS }) ?? [
    { value: before, added: false, removed: true, count: 1 },
    { value: after, added: true, removed: false, count: 1 },
  ]
  return changes
    .filter((change) => change.value !== '')
    .map((change) => ({
      kind: change.added ? 'insert' : change.removed ? 'delete' : 'same',
      text: change.value,
    }))
}

export interface TextChanges {
  title: TextChange[]
  /** Null when one side's notes are unknown (log entries written before notes were kept). */
  notes: TextChange[] | null
  changed: boolean
}

interface TextVersion {
  title: string
  notes?: string
}

export function changesBetween(before: TextVersion, after: TextVersion): TextChanges {
  const notesKnown = before.notes !== undefined && after.notes !== undefined
  return {
    title: wordDiff(before.title, after.title),
    notes: notesKnown ? wordDiff(before.notes ?? '', after.notes ?? '') : null,
    changed: before.title !== after.title || (notesKnown && before.notes !== after.notes),
  }
}

export interface HistoryRound extends CatchballThrow {
  /** Feedback written while this round's ball was out. */
  comments: Comment[]
  /** What changed from the previous round's text to this round's (null for the first). */
  changesSincePrevious: TextChanges | null
}

export interface CardHistory {
  rounds: HistoryRound[]
  /** Comments written before the first throw (round 0). */
  draftComments: Comment[]
  /** What changed since the last throw, up to the current text (null if never thrown). */
  changesSinceLastThrow: TextChanges | null
  currentRound: number
}

/**
 * A card's catchball history: every round with its throw, its comments, and the word
 * diff of title and notes against the previous round's text at throw; plus the diff of
 * the last throw against the card's current text (edits not thrown yet).
 */
export function buildCardHistory(
  card: Pick<Card, 'id' | 'title' | 'notes'>,
  log: readonly CatchballThrow[],
  comments: readonly Comment[],
): CardHistory {
  const throws = throwsOfCard(log, card.id)
  const byRound = commentsByRound(commentsOfCard(comments, card.id))
  const rounds = throws.map((entry, index): HistoryRound => {
    const previous = index > 0 ? throws[index - 1] : null
    return {
      ...entry,
      // Two throws racing into one round share its comments; list them under the first.
      comments: previous?.round === entry.round ? [] : (byRound.get(entry.round) ?? []),
      changesSincePrevious: previous
        ? changesBetween(textAtThrow(previous), textAtThrow(entry))
        : null,
    }
  })
  const last = throws.at(-1)
  return {
    rounds,
    draftComments: byRound.get(0) ?? [],
    changesSinceLastThrow: last ? changesBetween(textAtThrow(last), card) : null,
    currentRound: last?.round ?? 0,
  }
}

function textAtThrow(entry: CatchballThrow): TextVersion {
  return { title: entry.titleAtThrow, notes: entry.notesAtThrow }
}
