import { useContext } from 'react'
import {
  DefaultToolbar,
  DefaultToolbarContent,
  TldrawUiButtonIcon,
  TldrawUiToolbarButton,
  useIsToolSelected,
  useReadonly,
  useTools,
  type DefaultToolbarProps,
  type TLComponents,
} from 'tldraw'
import { BoardContext } from '../board/BoardContext.tsx'
import { cardToolId, cardToolShortcut, toolCardKinds, type ToolCardKind } from './cardTools.ts'
// Vite bundles this side-effect import with the toolbar.
// oxlint-disable-next-line import/no-unassigned-import
import './toolbar.css'

/**
 * One button of a card tool. Drawn here rather than with TldrawUiMenuItem so it carries
 * a stable `data-testid="tool-<kind>"` (tldraw's own items are `tools.<id>`); it keeps
 * `data-value` and `aria-pressed`, which tldraw's overflowing toolbar reads.
 */
function CardToolButton({ kind }: { kind: ToolCardKind }) {
  const tools = useTools()
  const tool = tools[cardToolId(kind)]
  const isSelected = useIsToolSelected(tool)
  const isReadonly = useReadonly()
  const board = useContext(BoardContext)
  if (!tool || isReadonly || board?.readOnly) return null
  const label = typeof tool.label === 'string' ? tool.label : kind
  return (
    <TldrawUiToolbarButton
      type="tool"
      data-testid={`tool-${kind}`}
      data-value={tool.id}
      aria-pressed={isSelected ? 'true' : 'false'}
      isActive={isSelected}
      title={`${label} (${cardToolShortcut[kind].hint})`}
      onClick={() => tool.onSelect('toolbar')}
    >
      <TldrawUiButtonIcon icon={tool.icon} />
    </TldrawUiToolbarButton>
  )
}

/** tldraw's toolbar with the card tools first, so they stay visible on narrow screens. */
export function CardToolbar(props: DefaultToolbarProps) {
  return (
    <DefaultToolbar {...props}>
      {toolCardKinds.map((kind) => (
        <CardToolButton key={kind} kind={kind} />
      ))}
      <DefaultToolbarContent />
    </DefaultToolbar>
  )
}

export const toolbarComponents: Partial<TLComponents> = {
  Toolbar: CardToolbar,
}
