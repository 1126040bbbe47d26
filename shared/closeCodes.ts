/**
 * WebSocket close codes the server uses. Codes 4400–4499 are in the range the stock
 * y-websocket client treats as final (it stops reconnecting), so a rejected socket does
 * not hammer the server.
 */
export const CloseCode = {
  /**
   * Malformed room id, a message that cannot be decoded, or updates that build on edits the
   * board never received, past the pending limit (server/rooms/PendingUpdateLimit.ts).
   */
  Malformed: 4400,
  /** Token missing, or not valid for this board. */
  Unauthorized: 4401,
  /** Unknown board or room. */
  NotFound: 4404,
  /** Message too large. (`ws` itself closes with 1009 above `maxPayload`.) */
  TooLarge: 4413,
  /** Rate limited, or the board is full. */
  RateLimited: 4429,
  /**
   * The board's stored document could not be loaded (corrupt update log). In the final
   * range on purpose: retrying cannot fix it; other boards are still served.
   */
  Unavailable: 4423,
} as const

export type CloseCodeValue = (typeof CloseCode)[keyof typeof CloseCode]

/** Human-readable close reasons, sent with the code (kept under the 123-byte limit). */
export const closeReason: Record<CloseCodeValue, string> = {
  [CloseCode.Malformed]: 'malformed room id or message',
  [CloseCode.Unauthorized]: 'token missing or not valid for this board',
  [CloseCode.NotFound]: 'unknown board or room',
  [CloseCode.TooLarge]: 'message too large',
  [CloseCode.RateLimited]: 'rate limited or board full',
  [CloseCode.Unavailable]: 'board storage unavailable (corrupt log)',
}
