/** A log or comment time, short and in the reader's locale ("14:05", or with the date). */
export function formatWhen(iso: string): string {
  const when = new Date(iso)
  if (Number.isNaN(when.getTime())) return ''
  const today = new Date().toDateString() === when.toDateString()
  return today
    ? when.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })
    : when.toLocaleString([], { dateStyle: 'short', timeStyle: 'short' })
}
