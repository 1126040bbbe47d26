/**
 * Cursor and avatar colours. Picked from the participant id so a person keeps their colour
 * across reloads and devices without the server having to store it.
 */
const PALETTE = [
  '#e03131',
  '#1971c2',
  '#2f9e44',
  '#f08c00',
  '#9c36b5',
  '#0c8599',
  '#c2255c',
  '#5f3dc4',
  '#e8590c',
  '#66a80f',
  '#1098ad',
  '#d6336c',
]

export function colorForParticipant(participantId: string): string {
  let hash = 0
  for (let i = 0; i < participantId.length; i++) {
    hash = (hash * 31 + participantId.charCodeAt(i)) | 0
  }
  return PALETTE[Math.abs(hash) % PALETTE.length]
}
