import type { Outcome, OutcomeKeyResult, OutcomeObjective } from './outcomeSchema.ts'

/**
 * Markdown export: reads well pasted into a wiki. Objectives as sections, key results as
 * a list with from → to, owners, alignment, then the decision record.
 */
const escape = (text: string) => text.replace(/([\\`*_[\]|<>#])/g, '\\$1').replace(/\r?\n/g, ' ')

function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toFixed(4)))
}

function keyResultLine(kr: OutcomeKeyResult): string {
  const measure = kr.milestone
    ? 'milestone'
    : kr.metric
      ? `${formatNumber(kr.metric.from)} → ${formatNumber(kr.metric.to)} ${escape(kr.metric.unit)} (now ${formatNumber(kr.metric.current)})`.replace(
          / +/g,
          ' ',
        )
      : 'no metric'
  const details = [
    measure,
    `confidence ${kr.confidence}/10`,
    kr.owner ? `owner: ${escape(kr.owner)}` : null,
    kr.grade !== null ? `grade ${kr.grade.toFixed(1)}` : null,
  ].filter(Boolean)
  const lines = [`- **${escape(kr.title) || '(untitled)'}**: ${details.join(' · ')}`]
  for (const initiative of kr.initiatives) {
    lines.push(
      `  - Initiative: ${escape(initiative.title)}${initiative.owner ? ` (${escape(initiative.owner)})` : ''}`,
    )
  }
  return lines.join('\n')
}

function objectiveSection(
  objective: OutcomeObjective,
  titles: Map<string, string>,
  index: number,
): string {
  const facts = [
    objective.team ? `**Team:** ${escape(objective.team)}` : null,
    objective.owner ? `**Owner:** ${escape(objective.owner)}` : null,
    objective.parentId
      ? `**Aligns to:** ${escape(titles.get(objective.parentId) ?? objective.parentId)}`
      : null,
    `**Votes:** ${objective.votes}`,
    objective.consensus
      ? `**Consensus:** ${objective.consensus.verdict} (fist of five: ${objective.consensus.distribution.join('/')})`
      : null,
    objective.catchballRounds > 0 ? `**Catchball throws:** ${objective.catchballRounds}` : null,
  ].filter(Boolean)
  const parts = [
    `## ${index + 1}. ${escape(objective.title) || '(untitled objective)'}`,
    '',
    facts.join(' · '),
  ]
  if (objective.notes.trim()) {
    parts.push(
      '',
      objective.notes
        .trim()
        .split(/\r?\n/)
        .map((line) => `> ${escape(line)}`)
        .join('\n'),
    )
  }
  parts.push('', '### Key results', '')
  parts.push(
    objective.keyResults.length > 0
      ? objective.keyResults.map(keyResultLine).join('\n')
      : '_No key results._',
  )
  return parts.join('\n')
}

export function outcomeToMarkdown(outcome: Outcome): string {
  const titles = new Map(outcome.objectives.map((o) => [o.id, o.title]))
  const out = [
    `# ${escape(outcome.board.title)}: agreed OKRs (version ${outcome.version})`,
    '',
    `Finalized ${outcome.createdAt} by ${escape(outcome.decisions.finalizedBy)}.${outcome.note ? ` ${escape(outcome.note)}` : ''}`,
    '',
  ]
  if (outcome.objectives.length === 0) out.push('_No objective was agreed._', '')
  outcome.objectives.forEach((objective, i) => out.push(objectiveSection(objective, titles, i), ''))
  if (outcome.actions.length > 0) {
    out.push('## Actions', '', '| Action | Owner | Due | Status |', '|---|---|---|---|')
    for (const action of outcome.actions) {
      out.push(
        `| ${escape(action.title)} | ${escape(action.owner)} | ${action.dueDate ?? ''} | ${action.status} |`,
      )
    }
    out.push('')
  }
  const d = outcome.decisions
  out.push('## Decision record', '')
  out.push(
    `- Participants: ${outcome.participants.map((p) => `${escape(p.name)} (${p.role})`).join(', ') || 'none'}`,
  )
  out.push(`- Catchball throws: ${d.catchballThrows}`)
  for (const round of d.rounds) {
    out.push(
      `- ${round.kind === 'dots' ? 'Dot vote' : 'Fist of five'} "${escape(round.title)}": ${round.voters} voters, ${round.status}`,
    )
  }
  out.push(`- Quality hints: ${d.qualityHintCount}`)
  if (d.invalidCards.length > 0)
    out.push(`- Cards left out (failed validation): ${d.invalidCards.map((c) => c.id).join(', ')}`)
  return `${out.join('\n')}\n`
}
