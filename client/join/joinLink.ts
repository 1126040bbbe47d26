/**
 * Share links look like `<origin>/b/<boardId>#join=<roleToken>`. The token sits in the hash
 * so it is never sent to the server in a request line or written to access logs.
 */
export function readJoinToken(hash: string = window.location.hash): string | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''))
  const token = params.get('join')
  return token && token.length > 0 ? token : null
}

export function buildJoinLink(boardId: string, roleToken: string, origin = window.location.origin) {
  return `${origin}/b/${encodeURIComponent(boardId)}#join=${encodeURIComponent(roleToken)}`
}

/** Drop the token from the address bar (and history) once it has been used. */
export function clearJoinHash(): void {
  const { pathname, search } = window.location
  window.history.replaceState(window.history.state, '', `${pathname}${search}`)
}
