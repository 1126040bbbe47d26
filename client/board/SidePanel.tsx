import { useState } from 'react'
import type { Editor } from 'tldraw'
import { OutlinePanel, OutlinePending } from '../outline/OutlinePanel.tsx'
import { jumpToCard } from '../shapes/index.ts'
import { useBoard } from './BoardContext.tsx'
import { OutcomesPanel } from '../outcomes/OutcomesPanel.tsx'
import { CatchballPanel } from '../workshop/catchball/CatchballPanel.tsx'
import { WorkshopPanel } from '../workshop/WorkshopPanel.tsx'
import { ParticipantsPanel } from './ParticipantsPanel.tsx'
import { usePeopleCount } from './useAwarenessPeers.ts'

type Tab = 'outline' | 'people' | 'workshop' | 'catchball' | 'outcomes'

/**
 * The collapsible panel beside the canvas: the OKR outline and the people on the board.
 * Beside, not over, the canvas, so it never covers tldraw's UI or its watermark. The
 * outline reads every card: it is built once the canvas has painted (`canvasPainted`), so
 * a big board's cards are not kept off the screen by a list beside them.
 */
export function SidePanel(props: {
  editor: Editor | null
  canvasPainted: boolean
  onClose: () => void
}) {
  const { editor, canvasPainted, onClose } = props
  const [tab, setTab] = useState<Tab>('outline')
  const peopleCount = usePeopleCount(useBoard().awareness)

  const onJumpToCard = (cardId: string) => {
    if (editor) jumpToCard(editor, cardId)
  }

  return (
    <aside className="cb-side" aria-label="Board panel">
      <div className="cb-side__tabs" role="tablist">
        <TabButton id="outline" current={tab} onSelect={setTab} label="Outline" />
        <TabButton id="people" current={tab} onSelect={setTab} label={`People (${peopleCount})`} />
        <TabButton id="workshop" current={tab} onSelect={setTab} label="Vote" />
        <TabButton id="catchball" current={tab} onSelect={setTab} label="Catchball" />
        <TabButton id="outcomes" current={tab} onSelect={setTab} label="Outcomes" />
        <button
          type="button"
          className="cb-icon-button cb-side__close"
          aria-label="Hide panel"
          onClick={onClose}
        >
          »
        </button>
      </div>
      <div className="cb-side__body" role="tabpanel">
        {tab === 'people' && <ParticipantsPanel editor={editor} />}
        {tab === 'outline' &&
          (canvasPainted ? <OutlinePanel onJumpToCard={onJumpToCard} /> : <OutlinePending />)}
        {tab === 'workshop' && <WorkshopPanel editor={editor} />}
        {tab === 'catchball' && <CatchballPanel editor={editor} />}
        {tab === 'outcomes' && <OutcomesPanel editor={editor} />}
      </div>
    </aside>
  )
}

function TabButton(props: { id: Tab; current: Tab; label: string; onSelect: (tab: Tab) => void }) {
  const selected = props.id === props.current
  return (
    <button
      type="button"
      role="tab"
      aria-selected={selected}
      className={`cb-side__tab${selected ? ' cb-side__tab--selected' : ''}`}
      onClick={() => props.onSelect(props.id)}
    >
      {props.label}
    </button>
  )
}
