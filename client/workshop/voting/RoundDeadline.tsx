import { serverNow } from '../facilitation/serverClock.ts'
import { formatRemaining } from '../facilitation/timerLogic.ts'
import { useTicker } from '../facilitation/useTicker.ts'

/** " · closes in 03:12", on the server's clock (the server closes the round itself). */
export function RoundDeadline(props: { endsAt: string }) {
  useTicker(true, 1000)
  const left = Date.parse(props.endsAt) - serverNow()
  if (!Number.isFinite(left)) return null
  return (
    <span data-testid="round-deadline">
      {' '}
      · {left > 0 ? `closes in ${formatRemaining(left)}` : 'closing…'}
    </span>
  )
}
