import type { CardKind, CardStatus } from '../../shared/cardSchema.ts'

/** Colours of the kind badges and card edges: distinct hues, readable with white text. */
export const cardKindColor: Record<CardKind, string> = {
  objective: '#4338ca',
  keyResult: '#0f766e',
  initiative: '#b45309',
  action: '#be123c',
}

/** Lower-case labels for badges ("key result"), as people say them. */
export const cardKindBadge: Record<CardKind, string> = {
  objective: 'objective',
  keyResult: 'key result',
  initiative: 'initiative',
  action: 'action',
}

export const cardStatusColor: Record<CardStatus, string> = {
  draft: '#6b7280',
  proposed: '#2563eb',
  returned: '#d97706',
  agreed: '#15803d',
  dropped: '#9ca3af',
}

export const titlePlaceholder: Record<CardKind, string> = {
  objective: 'What outcome do we want for our customers?',
  keyResult: 'How will we measure it?',
  initiative: 'What will we do to move the key result?',
  action: 'Countermeasure',
}
