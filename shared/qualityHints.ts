import type { Card } from './cardSchema.ts'

/**
 * Gentle, rule-based hints on card quality. They never block anything: the card shows
 * them and the export counts them.
 */
const TASK_VERBS =
  /^(implement|build|create|launch|deliver|write|migrate|install|fix|deploy|hire|set up|setup|do|make|finish|complete)\b/i

export function qualityHints(card: Card, siblings: { keyResultCount?: number } = {}): string[] {
  const hints: string[] = []
  if (!card.owner.trim()) hints.push('No owner yet')
  if (card.kind === 'keyResult' && !card.milestone) {
    if (!card.metric) hints.push('No number to measure')
    else if (card.metric.from === card.metric.to) hints.push('No target: "to" equals "from"')
  }
  if (card.kind === 'objective' && TASK_VERBS.test(card.title.trim())) {
    hints.push('Reads like a task: describe the outcome for customers instead')
  }
  if (card.kind === 'objective' && (siblings.keyResultCount ?? 0) > 5) {
    hints.push('More than five key results: focus on the few that matter')
  }
  return hints
}
