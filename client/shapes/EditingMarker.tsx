import type { Awareness } from 'y-protocols/awareness'
import { useCardEditors } from '../cards/useCardEditors.ts'

/** "✎ Alice" on a card while someone else is typing in it (from their awareness). */
export function EditingMarker({ awareness, cardId }: { awareness: Awareness; cardId: string }) {
  const editors = useCardEditors(awareness, cardId)
  if (editors.length === 0) return null
  return (
    <span className="okr-card__editing" data-testid={`card-editing-${cardId}`}>
      {editors.map((editor) => (
        <span
          key={editor.clientId}
          className="okr-card__editor"
          style={{ backgroundColor: editor.color }}
          title={`${editor.name} is editing this card`}
        >
          ✎ {editor.name}
        </span>
      ))}
    </span>
  )
}
