import { Icon } from '../Icon.tsx'

/** Inline icons for catchball, sized with the text around them (see Icon for why SVG). */
export function BallIcon() {
  return (
    <Icon className="cb-ball-icon">
      <circle cx="8" cy="8" r="6.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
      <path
        d="M8 1.5c2 2 2.6 4.3 1.8 6.5M14.3 9.5c-2.6.6-5 0-6.5-1.5M3 12.5c.5-2.6 2.2-4.4 4.8-4.5"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.3"
        strokeLinecap="round"
      />
    </Icon>
  )
}

export function CommentIcon() {
  return (
    <Icon className="cb-ball-icon">
      <path
        d="M2.5 3.5h11v7h-6l-3 2.5v-2.5h-2z"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.4"
        strokeLinejoin="round"
      />
    </Icon>
  )
}
