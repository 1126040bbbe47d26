import type { ReactNode } from 'react'

/**
 * A small inline SVG icon on a 16 × 16 grid. Symbols such as ⏱ or ⏸ need an emoji font the
 * machine may not have (and fonts may not come from outside hosts), so icons are plain SVG.
 * A `className` whose CSS sets a width (in em) sizes the icon with the text around it.
 */
export function Icon(props: { size?: number; className?: string; children: ReactNode }) {
  const size = props.size ?? 14
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 16 16"
      aria-hidden="true"
      focusable="false"
      className={props.className ?? 'cb-icon'}
    >
      {props.children}
    </svg>
  )
}
