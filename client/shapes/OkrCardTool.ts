import { StateNode } from 'tldraw'
import { getBoardOfEditor, isBoardReadOnly } from './boardRegistry.ts'
import { cardToolId, parentKindForNewCard, type ToolCardKind } from './cardTools.ts'
import { createCardWithShape } from './createCardWithShape.ts'
import { singleSelectedCardOfKind } from './selectedCards.ts'

/**
 * Click on the canvas to add a card of the tool's kind there. A key result picks up the
 * objective that was selected when the tool was chosen (an initiative, the key result),
 * so "select an objective, press Shift+K, click" builds the tree as you place cards.
 */
abstract class OkrCardTool extends StateNode {
  abstract readonly kind: ToolCardKind
  /** The parent chosen by the selection at the time the tool was picked. */
  private parentAtEnter: string | null = null

  override onEnter() {
    this.editor.setCursor({ type: 'cross', rotation: 0 })
    this.parentAtEnter = this.selectedParent()
  }

  override onExit() {
    this.parentAtEnter = null
  }

  override onPointerDown() {
    const board = getBoardOfEditor(this.editor)
    if (!board || isBoardReadOnly(this.editor)) return
    createCardWithShape(this.editor, board, {
      kind: this.kind,
      point: this.editor.inputs.getCurrentPagePoint(),
      // The new card is selected after creation, so with the tool locked the second
      // key result would otherwise lose the objective.
      parentId: this.selectedParent() ?? this.parentAtEnter,
    })
    if (!this.editor.getInstanceState().isToolLocked) this.editor.setCurrentTool('select')
  }

  override onCancel() {
    this.editor.setCurrentTool('select')
  }

  private selectedParent(): string | null {
    const board = getBoardOfEditor(this.editor)
    const parentKind = parentKindForNewCard[this.kind]
    if (!board || !parentKind) return null
    return singleSelectedCardOfKind(this.editor, board, parentKind)
  }
}

export class ObjectiveCardTool extends OkrCardTool {
  static override id = cardToolId('objective')
  readonly kind = 'objective'
}

export class KeyResultCardTool extends OkrCardTool {
  static override id = cardToolId('keyResult')
  readonly kind = 'keyResult'
}

export class InitiativeCardTool extends OkrCardTool {
  static override id = cardToolId('initiative')
  readonly kind = 'initiative'
}

export const okrCardTools = [ObjectiveCardTool, KeyResultCardTool, InitiativeCardTool]
