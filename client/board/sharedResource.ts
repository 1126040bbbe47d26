import { useCallback, useSyncExternalStore } from 'react'

/**
 * Long-lived things a component needs while mounted (sockets, a store bound to a document)
 * opened on first use and closed when the last user goes. Closing waits one macrotask, so
 * React's development double mount (mount → unmount → mount) reuses the same resource
 * instead of opening two WebSockets.
 */
export interface ResourceCache<K, V> {
  acquire(key: K): () => void
  peek(key: K): V | null
}

interface Entry<V> {
  value: V
  users: number
  closeTimer: ReturnType<typeof setTimeout> | null
}

export function createResourceCache<K, V>(
  open: (key: K) => V,
  close: (value: V) => void,
): ResourceCache<K, V> {
  const entries = new Map<K, Entry<V>>()
  return {
    acquire(key) {
      let entry = entries.get(key)
      if (!entry) {
        entry = { value: open(key), users: 0, closeTimer: null }
        entries.set(key, entry)
      }
      const held = entry
      if (held.closeTimer !== null) clearTimeout(held.closeTimer)
      held.closeTimer = null
      held.users++
      let released = false
      return () => {
        if (released) return
        released = true
        held.users--
        if (held.users > 0) return
        held.closeTimer = setTimeout(() => {
          if (held.users > 0 || entries.get(key) !== held) return
          entries.delete(key)
          close(held.value)
        }, 0)
      }
    },
    peek(key) {
      return entries.get(key)?.value ?? null
    },
  }
}

/** The resource for `key` while this component is mounted (null before the first commit). */
export function useResource<K, V>(cache: ResourceCache<K, V>, key: K | null): V | null {
  const subscribe = useCallback(
    // The cache has nothing to notify: acquiring creates the value synchronously and React
    // re-reads the snapshot right after subscribing.
    () => (key === null ? () => {} : cache.acquire(key)),
    [cache, key],
  )
  const getSnapshot = useCallback(() => (key === null ? null : cache.peek(key)), [cache, key])
  return useSyncExternalStore(subscribe, getSnapshot, getSnapshot)
}
