import type { ConnectionStatus } from './useConnectionState.ts'

const LABELS: Record<ConnectionStatus, { text: string; hint: string }> = {
  connected: { text: 'Connected', hint: 'Your changes reach everyone live.' },
  syncing: { text: 'Syncing…', hint: 'Catching up with the server.' },
  offline: {
    text: 'Offline',
    hint: 'Changes are kept on this device and sent when the connection returns.',
  },
}

export function StatusPill({ status }: { status: ConnectionStatus }) {
  const { text, hint } = LABELS[status]
  return (
    <span
      className={`cb-status cb-status--${status}`}
      title={hint}
      role="status"
      data-status={status}
    >
      <span className="cb-status__dot" aria-hidden="true" />
      {text}
    </span>
  )
}
