import { useBoard } from '../../board/BoardContext.tsx'
import { useFocus } from './useFocus.ts'
import { usePrivateWriting } from './usePrivateWriting.ts'

/**
 * What the room is doing to your screen, said plainly in the header: your view follows
 * the facilitator, or private writing is on. Everyone sees these; they hold no controls.
 */
export function WorkshopBanners() {
  const { controlDoc, session } = useBoard()
  const focus = useFocus(controlDoc)
  const privateWriting = usePrivateWriting(controlDoc)
  const followed = !!focus && focus.by !== session.participantId
  const bringing = !!focus && focus.by === session.participantId
  return (
    <>
      {followed && (
        <span
          className="cb-banner cb-banner--follow"
          role="status"
          data-testid="following-facilitator"
        >
          Following the facilitator
        </span>
      )}
      {bringing && (
        <span
          className="cb-banner cb-banner--follow"
          role="status"
          data-testid="bringing-everyone"
          title="Everyone's view follows yours until you release them (Vote panel)"
        >
          Followed
        </span>
      )}
      {privateWriting && (
        <span
          className="cb-banner cb-banner--private"
          role="status"
          data-testid="private-writing-on"
          title="New cards by others stay hidden until the facilitator reveals them"
        >
          {session.role === 'facilitator' ? 'Private' : 'Private writing'}
        </span>
      )}
    </>
  )
}
