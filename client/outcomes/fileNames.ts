/**
 * File names for downloads. Exports from the server name themselves (Content-Disposition);
 * images made in the browser take the board title, cleaned the way the server does it.
 */
export function safeFileStem(title: string, fallback = 'board'): string {
  return (
    title
      .replace(/[^A-Za-z0-9_-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || fallback
  )
}

/** `filename="…"` (or RFC 5987 `filename*=UTF-8''…`) from a Content-Disposition header. */
export function filenameFromDisposition(header: string | null): string | null {
  if (!header) return null
  const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header)
  if (extended) {
    try {
      return sanitizeFileName(decodeURIComponent(extended[1].trim()))
    } catch {
      // Malformed percent-encoding: fall through to the plain parameter.
    }
  }
  const quoted = /filename\s*=\s*"([^"]*)"/.exec(header)
  const plain = /filename\s*=\s*([^;"\s]+)/.exec(header)
  const name = quoted?.[1] ?? plain?.[1]
  return name ? sanitizeFileName(name) : null
}

/** No folders in a name a server gave us: keep its last path segment only. */
function sanitizeFileName(name: string): string | null {
  const last = name.split(/[\\/]/).pop()?.trim() ?? ''
  return last === '' || last === '.' || last === '..' ? null : last
}

/** `<title>-board.png`: the image of the board. */
export function boardImageFileName(title: string, format: 'png' | 'svg'): string {
  return `${safeFileStem(title)}-board.${format}`
}
