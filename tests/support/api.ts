/** Small HTTP helpers over fetch for integration tests. */
export interface CreatedBoard {
  id: string
  title: string
  tokens: { facilitator: string; participant: string; viewer: string }
  links: { facilitator: string; participant: string; viewer: string }
}

export interface Joined {
  participantId: string
  name: string
  role: 'facilitator' | 'participant' | 'viewer'
  token: string
}

export async function request(
  baseUrl: string,
  method: string,
  path: string,
  body?: unknown,
  token?: string,
): Promise<{ status: number; json: any }> {
  const response = await fetch(baseUrl + path, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  })
  const text = await response.text()
  let json: any = null
  try {
    json = text ? JSON.parse(text) : null
  } catch {
    json = text
  }
  return { status: response.status, json }
}

export async function createBoard(
  baseUrl: string,
  title = 'Q3 OKR workshop',
  template?: string,
): Promise<CreatedBoard> {
  const { status, json } = await request(baseUrl, 'POST', '/api/boards', { title, template })
  if (status !== 201) throw new Error(`create board failed: ${status} ${JSON.stringify(json)}`)
  return json
}

export async function join(
  baseUrl: string,
  boardId: string,
  name: string,
  roleToken: string,
): Promise<Joined> {
  const { status, json } = await request(baseUrl, 'POST', `/api/boards/${boardId}/participants`, {
    name,
    token: roleToken,
  })
  if (status !== 201) throw new Error(`join failed: ${status} ${JSON.stringify(json)}`)
  return json
}
