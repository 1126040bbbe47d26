/**
 * Gentle quality hints on a card (shared/qualityHints.ts): a small bulb with the first
 * hint, every hint in the tooltip. They never block anything; the export counts them.
 */
export function QualityHints(props: {
  cardId: string
  hints: string[]
  /** Only the bulb and the number of hints (the tooltip still lists them). */
  compact?: boolean
}) {
  const { cardId, hints, compact = false } = props
  if (hints.length === 0) return null
  const more = hints.length > 1 ? ` +${hints.length - 1}` : ''
  return (
    <span
      className="cb-hints"
      data-testid={`quality-hints-${cardId}`}
      data-count={hints.length}
      title={hints.map((hint) => `• ${hint}`).join('\n')}
      aria-label={`Suggestions: ${hints.join('; ')}`}
      role="note"
    >
      <BulbIcon />
      {compact ? (
        <span className="cb-hints__more">{hints.length}</span>
      ) : (
        <>
          <span className="cb-hints__text">{hints[0]}</span>
          {more && <span className="cb-hints__more">{more}</span>}
        </>
      )}
    </span>
  )
}

function BulbIcon() {
  return (
    <svg className="cb-hints__icon" viewBox="0 0 16 16" width="12" height="12" aria-hidden="true">
      <path
        d="M8 1.5a4.5 4.5 0 0 0-2.6 8.2c.4.3.6.7.6 1.1V12h4v-1.2c0-.4.2-.8.6-1.1A4.5 4.5 0 0 0 8 1.5ZM6 13.2h4v.8a1 1 0 0 1-1 1H7a1 1 0 0 1-1-1v-.8Z"
        fill="currentColor"
      />
    </svg>
  )
}
