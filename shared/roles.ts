export const roles = ['facilitator', 'participant', 'viewer'] as const
export type Role = (typeof roles)[number]

/** Who may write which document (the server enforces it per connection). */
export function canWriteBoard(role: Role): boolean {
  return role === 'facilitator' || role === 'participant'
}

export function canWriteControl(role: Role): boolean {
  return role === 'facilitator'
}
