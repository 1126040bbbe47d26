/** Greedy word wrap to `maxLines` lines of at most `width` characters, with an ellipsis. */
export function wrapText(text: string, width: number, maxLines: number): string[] {
  const words = text.replace(/\s+/g, ' ').trim().split(' ')
  const lines: string[] = []
  let line = ''
  for (const word of words) {
    const candidate = line ? `${line} ${word}` : word
    if (candidate.length <= width) {
      line = candidate
      continue
    }
    if (line) lines.push(line)
    line = word.length > width ? `${word.slice(0, width - 1)}…` : word
    if (lines.length === maxLines) break
  }
  if (line && lines.length < maxLines) lines.push(line)
  if (lines.length === maxLines && lines.join(' ').length < text.trim().length) {
    const last = lines[maxLines - 1]
    lines[maxLines - 1] = last.length >= width ? `${last.slice(0, width - 1)}…` : `${last}…`
  }
  return lines.slice(0, maxLines)
}
