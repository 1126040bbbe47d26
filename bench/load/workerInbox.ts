import type { MessagePort } from 'node:worker_threads'

/**
 * Inside a load worker: wait for the main thread's next message of a given type (messages
 * that arrive before anyone waits for them are kept). The main thread terminates the worker
 * at cleanup, so a wait that is never answered does not outlive the scenario.
 */
export function workerInbox(port: MessagePort) {
  const inbox: { type: string }[] = []
  const waiters = new Map<string, (message: unknown) => void>()
  port.on('message', (message: { type: string }) => {
    const waiter = waiters.get(message.type)
    if (waiter) {
      waiters.delete(message.type)
      waiter(message)
    } else inbox.push(message)
  })
  return function nextMessage<T>(type: string): Promise<T> {
    const i = inbox.findIndex((m) => m.type === type)
    if (i !== -1) return Promise.resolve(inbox.splice(i, 1)[0] as T)
    return new Promise((resolve) => waiters.set(type, resolve as (message: unknown) => void))
  }
}
