/**
 * Board templates: chosen at creation, they seed the agenda (control document) and, for
 * the PDCA retrospective, the Plan / Do / Check / Adjust frames.
 */
export const boardTemplateIds = ['catchball', 'pdca', 'dots', 'blank'] as const
export type BoardTemplateId = (typeof boardTemplateIds)[number]

export interface AgendaPhase {
  id: string
  title: string
  /** What is expected of participants in this phase, shown to everyone. */
  instructions: string
}

const phase = (id: string, title: string, instructions: string): AgendaPhase => ({
  id,
  title,
  instructions,
})

export const agendaTemplates: Record<BoardTemplateId, { label: string; agenda: AgendaPhase[] }> = {
  catchball: {
    label: 'Catchball workshop',
    agenda: [
      phase('check-in', 'Check-in', 'Say who you are and what you want from today.'),
      phase('customer-ideal', 'Customer ideal', 'Write what would make our customers smile.'),
      phase('propose', 'Propose', 'Leadership proposes objectives; teams draft key results.'),
      phase(
        'catchball',
        'Catchball rounds',
        'Throw cards back and forth with feedback until both sides agree.',
      ),
      phase('vote', 'Vote', 'Place your dots on the objectives that matter most.'),
      phase('consensus', 'Consensus', 'Show your fist-of-five on each candidate.'),
      phase('agree', 'Agree', 'Mark the agreed OKRs; the facilitator finalizes.'),
    ],
  },
  pdca: {
    label: 'PDCA retrospective',
    agenda: [
      phase('plan', 'Plan', 'Recall what we planned: the key results of this cycle.'),
      phase('do', 'Do', 'Note what we actually did.'),
      phase(
        'check',
        'Check',
        'Grade each key result from 0.0 to 1.0 (0.7 is a good stretch outcome).',
      ),
      phase('adjust', 'Adjust', 'Find the causes and propose countermeasures.'),
      phase(
        'actions',
        'Actions',
        'Agree actions with owners and due dates, linked to key results.',
      ),
    ],
  },
  dots: {
    label: 'Dot-voting',
    agenda: [
      phase('collect', 'Collect', 'Add the candidates.'),
      phase('vote', 'Vote', 'Place your dots.'),
      phase('results', 'Results', 'Review the ranking.'),
    ],
  },
  blank: { label: 'Blank board', agenda: [phase('work', 'Work', 'Work on the board together.')] },
}
