import type { TLUiOverrides } from 'tldraw'
import { cardKindLabel } from '../../shared/cardSchema.ts'
import { cardToolIcon } from './cardToolIcons.tsx'
import { cardToolId, cardToolShortcut, toolCardKinds } from './cardTools.ts'

/**
 * Registers the card tools with tldraw's UI (labels, icons, keyboard shortcuts). The
 * toolbar buttons themselves are in toolbar.tsx. `readonlyOk: false` hides them and
 * disables their shortcuts for viewers.
 */
export const uiOverrides: TLUiOverrides = {
  tools(editor, tools) {
    for (const kind of toolCardKinds) {
      const id = cardToolId(kind)
      tools[id] = {
        id,
        label: cardKindLabel[kind],
        icon: cardToolIcon(kind),
        kbd: cardToolShortcut[kind].kbd,
        readonlyOk: false,
        meta: { cardKind: kind },
        onSelect: () => editor.setCurrentTool(id),
      }
    }
    return tools
  },
}
