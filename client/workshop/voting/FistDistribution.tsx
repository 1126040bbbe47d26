import { answerCount, fistVerdict, verdictLabel, type FistCounts } from './consensus.ts'

/** How many answered 0..5 on a card, as six small bars, with the verdict beside them. */
export function FistDistribution(props: { cardId: string; counts: FistCounts | undefined }) {
  const counts = props.counts ?? ([0, 0, 0, 0, 0, 0] as const)
  const most = Math.max(1, ...counts)
  const verdict = fistVerdict(counts)
  return (
    <span className="cb-fist" data-testid={`fist-result-${props.cardId}`} data-verdict={verdict}>
      <span
        className="cb-fist__bars"
        title={counts.map((n, answer) => `${answer}: ${n}`).join(' · ')}
        aria-label={`Answers 0 to 5: ${counts.join(', ')}`}
      >
        {counts.map((n, answer) => (
          <span key={answer} className="cb-fist__bar" data-answer={answer}>
            <span className="cb-fist__fill" style={{ height: `${(n / most) * 100}%` }} />
          </span>
        ))}
      </span>
      <span className={`cb-verdict cb-verdict--${verdict}`} data-testid={`verdict-${props.cardId}`}>
        {verdictLabel[verdict]}
      </span>
      <span className="cb-fist__count">{answerCount(counts)}</span>
    </span>
  )
}
