/**
 * How much one socket may send the server: a token bucket for messages and one for bytes.
 * Each fills at its rate up to its burst. A message is taken when there is a whole message
 * and at least one byte left; its full size is then charged, so a message larger than the
 * byte burst (up to `maxPayload`) still gets through, and the debt it leaves is paid back
 * before the next one.
 *
 * The socket session does not close a sender that runs out: it holds that sender's further
 * messages and pauses reading its socket until the buckets refill, so nothing is lost and
 * TCP backpressure slows the sender down. A script creating cards in a loop is delayed, not
 * cut off; a flood from one participant no longer takes the server from everyone else.
 */
export interface InboundRates {
  messagesPerSecond: number
  messageBurst: number
  bytesPerSecond: number
  byteBurst: number
}

export class InboundBudget {
  private messages: number
  private bytes: number
  private filledAt: number

  constructor(
    private readonly rates: InboundRates,
    now: number,
  ) {
    this.messages = rates.messageBurst
    this.bytes = rates.byteBurst
    this.filledAt = now
  }

  /**
   * Milliseconds until a message may be taken; 0 means now. A rate of 0 means no limit.
   */
  waitMs(now: number): number {
    this.refill(now)
    const { messagesPerSecond, bytesPerSecond } = this.rates
    const messageWait = messagesPerSecond > 0 ? ((1 - this.messages) / messagesPerSecond) * 1000 : 0
    const byteWait = bytesPerSecond > 0 ? ((1 - this.bytes) / bytesPerSecond) * 1000 : 0
    return Math.max(0, Math.ceil(Math.max(messageWait, byteWait)))
  }

  /** Charge one message of `size` bytes (call only when `waitMs` is 0). */
  take(size: number): void {
    if (this.rates.messagesPerSecond > 0) this.messages -= 1
    if (this.rates.bytesPerSecond > 0) this.bytes -= size
  }

  private refill(now: number): void {
    const seconds = Math.max(0, now - this.filledAt) / 1000
    this.filledAt = now
    const { messagesPerSecond, messageBurst, bytesPerSecond, byteBurst } = this.rates
    this.messages = Math.min(messageBurst, this.messages + seconds * messagesPerSecond)
    this.bytes = Math.min(byteBurst, this.bytes + seconds * bytesPerSecond)
  }
}
