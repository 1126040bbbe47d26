import { z } from 'zod'

/**
 * Every setting and limit of the server, read from the environment and documented here.
 * The README's "Configuration" and "Resource limits" tables mirror this file.
 */
const int = (fallback: number) => z.coerce.number().int().nonnegative().default(fallback)
const bool = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0'])
    .default(fallback ? 'true' : 'false')
    .transform((value) => value === 'true' || value === '1')

export const configSchema = z.object({
  /** Interface to listen on. 127.0.0.1 keeps it private; 0.0.0.0 shares it on the network. */
  HOST: z.string().default('127.0.0.1'),
  /** TCP port. 0 picks a free one (tests). */
  PORT: int(8080),
  /** Where boards (lowdb JSON) and the Yjs update logs live. */
  DATA_DIR: z.string().default('./data'),
  /** Makes share links absolute (e.g. https://okr.example.com). Empty: links are relative. */
  PUBLIC_URL: z.string().default(''),
  /** Directory of the built client served at /. Empty disables static serving (API-only). */
  CLIENT_DIR: z.string().default('./dist'),
  /** Log level for Fastify's pino logger ('silent' in tests). */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),

  /** Largest WebSocket frame accepted; `ws` closes with 1009 above it. A whole 1,000-card board fits in far less. */
  WS_MAX_PAYLOAD_BYTES: int(4 * 1024 * 1024),
  /** Largest HTTP body (imports are the biggest legitimate bodies). */
  HTTP_BODY_LIMIT_BYTES: int(5 * 1024 * 1024),
  /** Connections in one board (both rooms count separately); one more gets 4429 and those inside are undisturbed. */
  MAX_CONNECTIONS_PER_ROOM: int(600),
  /** Frames buffered while a room loads from disk; a client flooding before load is closed with 4429. */
  MAX_PENDING_FRAMES: int(500),
  /** REST requests per client IP per minute. High enough for a 500-person workshop behind one NAT voting at once. */
  HTTP_RATE_LIMIT_PER_MINUTE: int(20_000),
  /** New WebSocket connections per client IP per minute (500 people × 2 rooms, plus reconnects). */
  WS_CONNECTIONS_PER_IP_PER_MINUTE: int(3000),

  /** Buffered log appends are written and fsynced at most this long after they arrive (budget: 100 ms). */
  LOG_FLUSH_INTERVAL_MS: int(50),
  /** Compact a board's update log into one state record past this size… */
  LOG_COMPACT_AFTER_BYTES: int(4 * 1024 * 1024),
  /** …or past this many records. */
  LOG_COMPACT_AFTER_RECORDS: int(2000),
  /** fsync every batch. Turning it off trades crash safety for speed (never in production). */
  LOG_FSYNC: bool(true),
  /** A room stays in memory this long after its last client leaves, so a reload is instant. */
  ROOM_UNLOAD_DELAY_MS: int(5_000),

  /** Awareness (cursor) fan-out tick: changes inside one tick go out as one message. */
  AWARENESS_TICK_MS: int(33),
  /**
   * Awareness messages the whole server sends per second before ticks stretch: past it, every
   * room's tick grows evenly (cursors move less often, edits are not slowed). 10,000 keeps
   * 300 people with moving cursors at the 33 ms tick and puts 1,000 at 100 ms. 0: never stretch.
   */
  AWARENESS_SENDS_PER_SECOND: int(10_000),
  /** The longest a stretched tick gets: 100 ms is 10 cursor updates a second. */
  AWARENESS_TICK_MAX_MS: int(100),
  /**
   * Updates a board holds unplaced because they build on edits it never received (Yjs keeps
   * them pending). Stock clients cause a few, for a moment, after a server crash; each one
   * held makes the next costlier. Past this the board drops them and closes the sender (4400).
   */
  MAX_PENDING_UPDATES: int(100),
  /** The same bound in bytes: what a board holds unplaced is sent to every newcomer. */
  MAX_PENDING_BYTES: int(64 * 1024),
  /**
   * What one socket may send, sustained: a participant's client sends at most ~60 messages a
   * second (cursor and edits, each throttled to 33 ms). Past the budget, the server reads
   * that socket's further messages more slowly (it pauses the socket); nothing is dropped
   * and nobody is closed. 0: no limit.
   */
  WS_MESSAGES_PER_SECOND: int(200),
  /** Messages a socket may send at once before the rate applies (a script adding 1,000 cards). */
  WS_MESSAGE_BURST: int(2000),
  /** Bytes one socket may send per second, sustained (pasted images are the big ones). 0: no limit. */
  WS_BYTES_PER_SECOND: int(2 * 1024 * 1024),
  /** Bytes a socket may send at once before the rate applies: two of the largest frames. */
  WS_BYTE_BURST: int(8 * 1024 * 1024),
  /** Participants a board accepts (joins beyond it get 429). */
  MAX_PARTICIPANTS_PER_BOARD: int(1000),
  /** Boards one instance holds. */
  MAX_BOARDS: int(10_000),
})

export type Config = z.infer<typeof configSchema>

/** Parse settings from an env-like object; throws a readable error listing bad settings. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const picked: Record<string, string> = {}
  for (const key of Object.keys(configSchema.shape)) {
    const value = env[key]
    if (value !== undefined && value !== '') picked[key] = value
  }
  const parsed = configSchema.safeParse(picked)
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)
    throw new Error(`Invalid configuration:\n  ${problems.join('\n  ')}`)
  }
  return parsed.data
}

/** Config for tests: port 0, loopback, silent, given data dir. */
export function testConfig(dataDir: string, overrides: Partial<Config> = {}): Config {
  return {
    ...loadConfig({}),
    PORT: 0,
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    CLIENT_DIR: '',
    ...overrides,
  }
}
