import type { ReactElement } from 'react'
import type { ToolCardKind } from './cardTools.ts'

const initials: Record<ToolCardKind, string> = {
  objective: 'O',
  keyResult: 'KR',
  initiative: 'I',
}

/**
 * Toolbar icons drawn inline (a card outline with the kind's initials), so they need no
 * icon file: the app serves every asset itself and tldraw's icon set has no OKR cards.
 * tldraw clones this element and adds its icon classes and label.
 */
export function cardToolIcon(
  kind: ToolCardKind,
): ReactElement<React.HTMLAttributes<HTMLDivElement>> {
  return (
    <div className="okr-tool-icon">
      <svg viewBox="0 0 20 20" width="18" height="18" aria-hidden="true">
        <rect
          x="1.5"
          y="3.5"
          width="17"
          height="13"
          rx="2.5"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.5"
        />
        <text
          x="10"
          y="13"
          textAnchor="middle"
          fontSize={initials[kind].length > 1 ? 7 : 8.5}
          fontWeight="700"
          fontFamily="sans-serif"
          fill="currentColor"
        >
          {initials[kind]}
        </text>
      </svg>
    </div>
  )
}
