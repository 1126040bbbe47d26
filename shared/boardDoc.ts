import * as Y from 'yjs'
import {
  cardSchema,
  type Card,
  type CardFields,
  type CardKind,
  type CatchballEntry,
  type Comment,
} from './cardSchema.ts'
import { randomId } from './ids.ts'
import { applyTextDiff } from './textDiff.ts'

/**
 * Accessors for the board document (room `<boardId>`). Every reader and writer goes
 * through here so the document's shape is written down once; see the README's
 * "Board document" section for the contract.
 */
export const BOARD_SCHEMA_VERSION = 1

export type CardMap = Y.Map<unknown>

export const getMeta = (doc: Y.Doc) => doc.getMap<unknown>('meta')
export const getCards = (doc: Y.Doc) => doc.getMap<CardMap>('cards')
export const getComments = (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>('comments')
export const getCatchballLog = (doc: Y.Doc) => doc.getArray<CatchballEntry>('catchball')
/** The tldraw store's records, as `{ key, val }` pairs for y-utility's YKeyValue. */
export const getCanvasArray = (doc: Y.Doc) =>
  doc.getArray<{ key: string; val: Record<string, unknown> }>('canvas')

export function initBoardMeta(doc: Y.Doc, title: string, template = 'blank'): void {
  const meta = getMeta(doc)
  doc.transact(() => {
    if (!meta.has('schemaVersion')) meta.set('schemaVersion', BOARD_SCHEMA_VERSION)
    if (!meta.has('title')) meta.set('title', title)
    // Lets the first client lay out the template's canvas (e.g. the PDCA frames).
    if (!meta.has('template')) meta.set('template', template)
  })
}

export interface NewCard extends Partial<CardFields> {
  id?: string
  kind: CardKind
  title?: string
  notes?: string
  createdBy?: string
}

export function defaultCardFields(kind: CardKind, now: string): CardFields {
  return {
    kind,
    parentId: null,
    team: '',
    owner: '',
    status: 'draft',
    holder: '',
    metric: kind === 'keyResult' ? { from: 0, to: 100, current: 0, unit: '%' } : null,
    milestone: false,
    confidence: 5,
    grade: null,
    dueDate: null,
    updatedAt: now,
  }
}

/** Create a card (one transaction). Returns its id. */
export function createCard(doc: Y.Doc, input: NewCard): string {
  const id = input.id ?? randomId()
  const now = new Date().toISOString()
  const { title = '', notes = '', createdBy = '', id: _ignored, ...fields } = input
  void _ignored
  const values: Record<string, unknown> = {
    ...defaultCardFields(input.kind, now),
    ...fields,
    createdBy,
    createdAt: now,
    updatedAt: now,
  }
  doc.transact(() => {
    const card = new Y.Map<unknown>()
    for (const [key, value] of Object.entries(values)) card.set(key, value)
    card.set('title', new Y.Text(title))
    card.set('notes', new Y.Text(notes))
    getCards(doc).set(id, card)
  })
  return id
}

export function getCardMap(doc: Y.Doc, id: string): CardMap | undefined {
  return getCards(doc).get(id)
}

export function getCardText(doc: Y.Doc, id: string, field: 'title' | 'notes'): Y.Text | null {
  const value = getCardMap(doc, id)?.get(field)
  return value instanceof Y.Text ? value : null
}

/** Replace a card's title or notes by applying the minimal diff (keeps concurrent typing). */
export function setCardText(doc: Y.Doc, id: string, field: 'title' | 'notes', next: string): void {
  const text = getCardText(doc, id, field)
  if (!text) return
  doc.transact(() => {
    applyTextDiff(text, next)
    getCardMap(doc, id)?.set('updatedAt', new Date().toISOString())
  })
}

export function updateCard(doc: Y.Doc, id: string, patch: Partial<CardFields>): void {
  const card = getCardMap(doc, id)
  if (!card) return
  doc.transact(() => {
    for (const [key, value] of Object.entries(patch)) {
      if (value !== undefined && card.get(key) !== value) card.set(key, value)
    }
    card.set('updatedAt', new Date().toISOString())
  })
}

export function deleteCard(doc: Y.Doc, id: string): void {
  doc.transact(() => {
    getCards(doc).delete(id)
    // Children lose their parent rather than disappearing with it.
    for (const [childId, child] of getCards(doc)) {
      if (child.get('parentId') === id) getCards(doc).get(childId)?.set('parentId', null)
    }
  })
}

/** A card as plain data, defaults filled in for missing fields (documents may be older). */
export function readCard(id: string, card: CardMap): Card {
  const text = (field: string) => {
    const value = card.get(field)
    return value instanceof Y.Text ? value.toString() : typeof value === 'string' ? value : ''
  }
  const kind = (card.get('kind') as CardKind) ?? 'objective'
  const defaults = defaultCardFields(kind, '')
  const plain: Record<string, unknown> = { ...defaults, createdBy: '', createdAt: '' }
  for (const [key, value] of card.entries()) {
    if (!(value instanceof Y.AbstractType)) plain[key] = value
  }
  return {
    ...(plain as Omit<Card, 'id' | 'title' | 'notes'>),
    id,
    title: text('title'),
    notes: text('notes'),
  }
}

/** Every card that passes validation, plus the ids and problems of those that do not. */
export function readAllCards(doc: Y.Doc): {
  cards: Card[]
  invalid: { id: string; problems: string[] }[]
} {
  const cards: Card[] = []
  const invalid: { id: string; problems: string[] }[] = []
  for (const [id, map] of getCards(doc)) {
    const parsed = cardSchema.safeParse(readCard(id, map))
    if (parsed.success) cards.push(parsed.data)
    else
      invalid.push({
        id,
        problems: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`),
      })
  }
  return { cards, invalid }
}

export function addComment(
  doc: Y.Doc,
  comment: Omit<Comment, 'id' | 'createdAt' | 'resolved'>,
): string {
  const id = randomId()
  doc.transact(() => {
    const map = new Y.Map<unknown>()
    for (const [key, value] of Object.entries({
      ...comment,
      createdAt: new Date().toISOString(),
      resolved: false,
    })) {
      map.set(key, value)
    }
    getComments(doc).set(id, map)
  })
  return id
}
