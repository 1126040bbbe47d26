/** What we need of a Y.Map or Y.Array: being told that it changed. */
export interface Observable {
  observe(onChange: () => void): void
  unobserve(onChange: () => void): void
}

export interface SnapshotStore<T> {
  subscribe: (onChange: () => void) => () => void
  getSnapshot: () => T
}

/**
 * A useSyncExternalStore source over one Yjs type: `read` runs once per change (not once per
 * component), and every component gets the same snapshot object until the next change.
 * The Yjs observer is attached while at least one component listens.
 */
export function observedSnapshot<T>(type: Observable, read: () => T): SnapshotStore<T> {
  const listeners = new Set<() => void>()
  let cached: { value: T } | null = null
  const onYjsChange = () => {
    cached = null
    for (const listener of listeners) listener()
  }
  return {
    subscribe(onChange) {
      if (listeners.size === 0) type.observe(onYjsChange)
      listeners.add(onChange)
      return () => {
        listeners.delete(onChange)
        if (listeners.size === 0) {
          type.unobserve(onYjsChange)
          // Nobody watches any more: the next read must not trust a stale copy.
          cached = null
        }
      }
    },
    getSnapshot() {
      cached ??= { value: read() }
      return cached.value
    },
  }
}
