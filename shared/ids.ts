/** Every id in the public contract (boards, cards, rounds, participants) matches this. */
export const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/

export function isValidId(value: unknown): value is string {
  return typeof value === 'string' && ID_PATTERN.test(value)
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-'

/** A random url-safe id; 16 characters give 96 bits, plenty for cards and boards. */
export function randomId(length = 16): string {
  const bytes = new Uint8Array(length)
  globalThis.crypto.getRandomValues(bytes)
  let id = ''
  for (const byte of bytes) id += ALPHABET[byte & 63]
  return id
}

/** The tldraw shape that shows a card: derived from the card id so a card never gets two. */
export function cardShapeId(cardId: string): `shape:card-${string}` {
  return `shape:card-${cardId}`
}

export function cardIdFromShapeId(shapeId: string): string | null {
  return shapeId.startsWith('shape:card-') ? shapeId.slice('shape:card-'.length) : null
}
