import { Icon } from '../Icon.tsx'

/** The facilitation controls' icons (see Icon for why SVG). */
export function LockIcon(props: { size?: number }) {
  return (
    <Icon size={props.size}>
      <rect x="3" y="7" width="10" height="8" rx="1.5" fill="currentColor" />
      <path
        d="M5 7V5a3 3 0 0 1 6 0v2"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.8"
        strokeLinecap="round"
      />
    </Icon>
  )
}

export function StopwatchIcon(props: { size?: number }) {
  return (
    <Icon size={props.size}>
      <circle cx="8" cy="9.5" r="5.5" fill="none" stroke="currentColor" strokeWidth="1.6" />
      <path
        d="M8 9.5V6.5M6.5 1.5h3"
        stroke="currentColor"
        strokeWidth="1.6"
        strokeLinecap="round"
      />
    </Icon>
  )
}

export function PauseIcon(props: { size?: number }) {
  return (
    <Icon size={props.size}>
      <rect x="3.5" y="3" width="3" height="10" rx="1" fill="currentColor" />
      <rect x="9.5" y="3" width="3" height="10" rx="1" fill="currentColor" />
    </Icon>
  )
}

export function PlayIcon(props: { size?: number }) {
  return (
    <Icon size={props.size}>
      <path
        d="M4.5 2.8v10.4a.6.6 0 0 0 .9.5l8.2-5.2a.6.6 0 0 0 0-1L5.4 2.3a.6.6 0 0 0-.9.5z"
        fill="currentColor"
      />
    </Icon>
  )
}

export function ResetIcon(props: { size?: number }) {
  return (
    <Icon size={props.size}>
      <path
        d="M3 8a5 5 0 1 0 1.6-3.7"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.6"
        strokeLinecap="round"
      />
      <path
        d="M3 1.8v3.4h3.4"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.6"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </Icon>
  )
}
