import {
  T,
  createShapePropsMigrationIds,
  createShapePropsMigrationSequence,
  type RecordProps,
  type TLShape,
  type TLShapeId,
} from 'tldraw'
import { cardShapeId } from '../../shared/ids.ts'

/** The tldraw shape type of an OKR card. Part of the board document contract. */
export const OKR_CARD_TYPE = 'okr-card'

declare module 'tldraw' {
  export interface TLGlobalShapePropsMap {
    [OKR_CARD_TYPE]: {
      w: number
      h: number
      /** The card's key in the board document's `cards` map, where its content lives. */
      cardId: string
    }
  }
}

export type OkrCardShape = TLShape<typeof OKR_CARD_TYPE>

export const okrCardShapeProps: RecordProps<OkrCardShape> = {
  w: T.positiveNumber,
  h: T.positiveNumber,
  cardId: T.string,
}

/**
 * Versions of the shape's props. Records are stored in the board document and read by
 * every client that ever opens the board, so any later change to the props (a rename, a
 * new field) must add a step here rather than change the validators alone.
 */
export const okrCardVersions = createShapePropsMigrationIds(OKR_CARD_TYPE, {
  Initial: 1,
})

export const okrCardShapeMigrations = createShapePropsMigrationSequence({
  sequence: [
    {
      // Version 1 is the first shape of the props: nothing to convert yet. It is here so
      // version 2 has something to follow and old documents are recognised.
      id: okrCardVersions.Initial,
      up: (props: Record<string, unknown>) => props,
      down: (props: Record<string, unknown>) => props,
    },
  ],
})

export function isOkrCardShape(shape: { type: string } | undefined | null): shape is OkrCardShape {
  return shape?.type === OKR_CARD_TYPE
}

/** `cardShapeId` (shared/ids.ts) typed as a tldraw shape id. */
export function okrCardShapeId(cardId: string): TLShapeId {
  return cardShapeId(cardId) as TLShapeId
}
