import { BaseBoxShapeUtil, resizeBox, type TLResizeInfo } from 'tldraw'
import { getCardMap, readCard } from '../../shared/boardDoc.ts'
import type { Card } from '../../shared/cardSchema.ts'
import { getBoardOfEditor } from './boardRegistry.ts'
import { cardKindBadge } from './cardKindStyle.ts'
import { cardSizeByKind } from './cardSizes.ts'
import {
  OKR_CARD_TYPE,
  okrCardShapeMigrations,
  okrCardShapeProps,
  type OkrCardShape,
} from './okrCardShape.ts'
import { OkrCardSvg } from './OkrCardSvg.tsx'
import { OkrCardView } from './OkrCardView.tsx'

/** Below this a card's fields no longer fit; resizing stops there. */
const MIN_CARD_SIZE = { minWidth: 200, minHeight: 140 }

/**
 * The `okr-card` shape: an OKR card on the canvas. Its id is always
 * `cardShapeId(cardId)`, so a card has at most one shape; layout lives here, content in
 * the board document's `cards` map.
 */
export class OkrCardShapeUtil extends BaseBoxShapeUtil<OkrCardShape> {
  static override type = OKR_CARD_TYPE
  static override props = okrCardShapeProps
  static override migrations = okrCardShapeMigrations

  override getDefaultProps(): OkrCardShape['props'] {
    return { ...cardSizeByKind.objective, cardId: '' }
  }

  // The card's fields are edited in place, not through tldraw's "editing" state.
  override canEdit(): boolean {
    return false
  }

  override canResize(): boolean {
    return true
  }

  override isAspectRatioLocked(): boolean {
    return false
  }

  // Rotated form fields are hard to use and read; cards stay upright.
  override hideRotateHandle(): boolean {
    return true
  }

  override onResize(shape: OkrCardShape, info: TLResizeInfo<OkrCardShape>) {
    return resizeBox(shape, info, MIN_CARD_SIZE)
  }

  override component(shape: OkrCardShape) {
    return <OkrCardView shape={shape} />
  }

  override getIndicatorPath(shape: OkrCardShape): Path2D {
    const path = new Path2D()
    path.roundRect(0, 0, shape.props.w, shape.props.h, 10)
    return path
  }

  /** Used by tldraw for search and screen readers. */
  override getText(shape: OkrCardShape): string | undefined {
    return this.readCard(shape)?.title
  }

  override getAriaDescriptor(shape: OkrCardShape): string | undefined {
    const card = this.readCard(shape)
    return card ? `${cardKindBadge[card.kind]}: ${card.title}` : undefined
  }

  override toSvg(shape: OkrCardShape) {
    return <OkrCardSvg card={this.readCard(shape)} w={shape.props.w} h={shape.props.h} />
  }

  private readCard(shape: OkrCardShape): Card | null {
    const board = getBoardOfEditor(this.editor)
    const map = board ? getCardMap(board.doc, shape.props.cardId) : undefined
    return map ? readCard(shape.props.cardId, map) : null
  }
}
