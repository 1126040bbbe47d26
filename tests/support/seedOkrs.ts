import type * as Y from 'yjs'
import { createCard, getCatchballLog } from '../../shared/boardDoc.ts'

/** A small, realistic OKR set with awkward text (quotes, commas, newlines, emoji). */
export function seedOkrs(doc: Y.Doc): Record<string, string> {
  const ids: Record<string, string> = {}
  doc.transact(() => {
    ids.company = createCard(doc, {
      id: 'obj-company',
      kind: 'objective',
      title: 'Win the smiles of more customers',
      notes: 'Customers told us: "answers take too long", and they leave.',
      team: 'Leadership',
      owner: 'Dana',
      status: 'agreed',
      order: 0,
    })
    ids.team = createCard(doc, {
      id: 'obj-support',
      kind: 'objective',
      title: 'Support that answers, today',
      notes: 'Line 1\nLine 2, with a comma',
      team: 'Support, EMEA',
      owner: 'Ana "the fixer" Lee',
      parentId: 'obj-company',
      status: 'agreed',
      order: 1,
    })
    ids.dropped = createCard(doc, {
      id: 'obj-dropped',
      kind: 'objective',
      title: 'Dropped idea',
      status: 'dropped',
    })
    ids.draft = createCard(doc, {
      id: 'obj-draft',
      kind: 'objective',
      title: 'Still a draft',
      status: 'draft',
    })
    ids.kr1 = createCard(doc, {
      id: 'kr-nps',
      kind: 'keyResult',
      title: 'Raise NPS 🚀',
      owner: 'Bo',
      parentId: 'obj-company',
      metric: { from: 20, to: 45, current: 28, unit: 'points' },
      confidence: 6,
      status: 'agreed',
      order: 0,
    })
    ids.kr2 = createCard(doc, {
      id: 'kr-reply',
      kind: 'keyResult',
      title: 'First reply under 4 h, "always"',
      owner: 'Cy',
      parentId: 'obj-support',
      metric: { from: 24, to: 4, current: 12, unit: 'hours' },
      confidence: 4,
      grade: 0.7,
      status: 'agreed',
      order: 0,
    })
    ids.krDropped = createCard(doc, {
      id: 'kr-dropped',
      kind: 'keyResult',
      title: 'Dropped KR',
      parentId: 'obj-support',
      status: 'dropped',
    })
    ids.initiative = createCard(doc, {
      id: 'ini-chat',
      kind: 'initiative',
      title: 'Live chat pilot',
      owner: 'Bo',
      parentId: 'kr-nps',
      status: 'proposed',
    })
    ids.action = createCard(doc, {
      id: 'act-rota',
      kind: 'action',
      title: 'Weekend rota',
      owner: 'Cy',
      dueDate: '2026-12-15',
      parentId: 'kr-reply',
      status: 'draft',
    })
    getCatchballLog(doc).push([
      {
        cardId: 'obj-support',
        from: 'Support',
        to: 'Leadership',
        round: 1,
        message: 'Draft',
        at: '2026-11-25T10:00:00.000Z',
        titleAtThrow: 'Support that answers',
      },
    ])
  })
  return ids
}
