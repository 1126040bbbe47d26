import type * as Y from 'yjs'
import { updateCard } from '../../shared/boardDoc.ts'
import type { Metric } from '../../shared/cardSchema.ts'
import type { OrderedCard } from '../cards/cardOrder.ts'
import { formatPercent, isMilestoneDone, keyResultProgress } from '../cards/progress.ts'
import { Checkbox, NumberInput, TextInput } from './CardInputs.tsx'

const DEFAULT_METRIC: Metric = { from: 0, to: 100, current: 0, unit: '%' }

/**
 * A key result's measure: either a metric (from → to, unit, current value) or a
 * milestone (done / not done), its confidence 0–10 and a progress bar.
 */
export function MetricEditor({
  doc,
  card,
  readOnly,
}: {
  doc: Y.Doc
  card: OrderedCard
  readOnly: boolean
}) {
  const metric = card.metric ?? DEFAULT_METRIC
  const setMetric = (patch: Partial<Metric>) =>
    updateCard(doc, card.id, { metric: { ...metric, ...patch } })
  const progress = keyResultProgress({ metric, milestone: card.milestone })
  const testId = (part: string) => `card-${part}-${card.id}`

  return (
    <div className="okr-card__metric">
      <div className="okr-card__row">
        <Checkbox
          className="okr-card__check"
          testId={testId('milestone')}
          label="Milestone"
          checked={card.milestone}
          disabled={readOnly}
          onChange={(milestone) => updateCard(doc, card.id, { milestone })}
        />
        {card.milestone && (
          <Checkbox
            className="okr-card__check"
            testId={testId('done')}
            label="Done"
            checked={isMilestoneDone(metric)}
            disabled={readOnly}
            // "Done" means the target is reached, so exports reading the metric agree.
            onChange={(done) => setMetric({ current: done ? metric.to : metric.from })}
          />
        )}
      </div>
      {!card.milestone && (
        <>
          <div className="okr-card__row">
            <NumberInput
              className="okr-card__number"
              testId={testId('metric-from')}
              label="From"
              value={metric.from}
              disabled={readOnly}
              onChange={(from) => setMetric({ from })}
            />
            <span aria-hidden="true">→</span>
            <NumberInput
              className="okr-card__number"
              testId={testId('metric-to')}
              label="To"
              value={metric.to}
              disabled={readOnly}
              onChange={(to) => setMetric({ to })}
            />
            <TextInput
              className="okr-card__unit"
              testId={testId('metric-unit')}
              label="Unit"
              placeholder="unit"
              maxLength={40}
              value={metric.unit}
              disabled={readOnly}
              onChange={(unit) => setMetric({ unit })}
            />
          </div>
          <div className="okr-card__row">
            <span className="okr-card__caption">Now</span>
            <NumberInput
              className="okr-card__number"
              testId={testId('metric-current')}
              label="Current value"
              value={metric.current}
              disabled={readOnly}
              onChange={(current) => setMetric({ current })}
            />
          </div>
        </>
      )}
      <div className="okr-card__row">
        <span className="okr-card__caption">Confidence</span>
        <NumberInput
          className="okr-card__number okr-card__number--small"
          testId={testId('confidence')}
          label="Confidence (0–10)"
          value={card.confidence}
          min={0}
          max={10}
          step={1}
          disabled={readOnly}
          onChange={(confidence) => updateCard(doc, card.id, { confidence })}
        />
        <span className="okr-card__caption">/ 10</span>
      </div>
      <div
        className="okr-card__progress"
        role="progressbar"
        aria-label="Progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round((progress ?? 0) * 100)}
        data-testid={testId('progress')}
      >
        <div className="okr-card__progress-bar" style={{ width: `${(progress ?? 0) * 100}%` }} />
        <span className="okr-card__progress-label">{formatPercent(progress ?? 0)}</span>
      </div>
    </div>
  )
}
