import type { Role } from './BoardContext.tsx'
import { CopyLinkRow } from './CopyLinkRow.tsx'

const ROWS: { role: Role; label: string; description: string }[] = [
  {
    role: 'participant',
    label: 'Participant',
    description: 'Can write cards, move things and vote.',
  },
  { role: 'viewer', label: 'Viewer', description: 'Can look and follow, but not change anything.' },
  {
    role: 'facilitator',
    label: 'Facilitator',
    description: 'Runs the workshop. Share only with co-facilitators.',
  },
]

/** Links from the server are relative unless it has a PUBLIC_URL: make them shareable. */
function absolute(link: string | undefined): string | null {
  return link ? new URL(link, window.location.origin).href : null
}

/** The three role links with copy buttons (landing page after creation, Share dialog). */
export function ShareLinks({ links }: { links: Partial<Record<Role, string>> }) {
  return (
    <div className="cb-share-links">
      {ROWS.map((row) => (
        <CopyLinkRow
          key={row.role}
          label={row.label}
          description={row.description}
          link={absolute(links[row.role])}
        />
      ))}
    </div>
  )
}
