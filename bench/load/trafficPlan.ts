import type { Histogram } from './histogram.ts'

/** What the main thread and the traffic workers tell each other (structured-clone data). */

export interface TrafficClient {
  /** Global index; its awareness clientID is index + 1. */
  index: number
  /** Full ws:// URL: room and (for Catchball) token included. */
  url: string
  writer: boolean
}

export interface TrafficSettings {
  /** Room of every client, by global index (both workers get the whole table). */
  roomOf: number[]
  /** Cursor moves per second per client (0: none). */
  cursorHz: number
  /** Edits per second per writer. */
  editHz: number
  /** Sockets opened at once while connecting. */
  connectConcurrency: number
  connectTimeoutMs: number
  /** After sending stops: wait at most this long for everything expected to arrive. */
  drainMaxMs: number
  /**
   * Send every awareness message received back to the server, as the stock y-websocket
   * provider does with the changes it hears of (yjs issue 732; the board page no longer does).
   */
  echoAwareness: boolean
}

export interface WorkerInit {
  clients: TrafficClient[]
  settings: TrafficSettings
}

export interface ReadyMessage {
  type: 'ready'
  connectMs: number
  failed: number
}

export interface StartMessage {
  type: 'start'
  /** clockMs() at which the load begins; sends before measureFrom carry seq 0 (warm-up). */
  startAt: number
  measureFrom: number
  endAt: number
}

export interface SendingDoneMessage {
  type: 'sendingDone'
  /** Last measured cursor seq / edit seq per global index (0 for clients not in this worker). */
  cursorSeq: number[]
  editSeq: number[]
  cursorSlotsSkipped: number
  editSlotsSkipped: number
  /** Event-loop utilization of this worker during the load (1 = saturated). */
  eventLoopUtilization: number
}

export interface ExpectMessage {
  type: 'expect'
  cursorSeq: number[]
  editSeq: number[]
}

export interface WorkerResults {
  type: 'results'
  cursor: Histogram
  doc: Histogram
  /** Σ over receiver/sender pairs of the highest measured seq seen (superseded ones count). */
  cursorCovered: number
  /** Distinct measured cursor states actually received. */
  cursorReceived: number
  cursorExpected: number
  /** Receiver/sender pairs in which the sender's last cursor state arrived. */
  cursorPairsFinal: number
  cursorPairs: number
  editsReceived: number
  editsExpected: number
  /** From the end of sending until everything expected had arrived (or the drain limit). */
  drainMs: number
  complete: boolean
  messagesReceived: number
  bytesReceived: number
  socketsClosedEarly: number
}
