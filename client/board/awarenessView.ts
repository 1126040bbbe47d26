import type { Awareness } from 'y-protocols/awareness'

/**
 * A value read from awareness, for useSyncExternalStore, that is a new object only when its
 * key changes. Cursors change awareness ten times a second per person, and most views of it
 * (the people list, who is editing a card) change far less often: rendering them again for
 * every move kept pages busy in a crowded room.
 */
export function awarenessView<T>(
  awareness: Awareness,
  read: () => T,
  keyOf: (value: T) => string,
): { getSnapshot: () => T; subscribe: (onChange: () => void) => () => void } {
  let value = read()
  let key = keyOf(value)
  const refresh = (): boolean => {
    const next = read()
    const nextKey = keyOf(next)
    if (nextKey === key) return false
    value = next
    key = nextKey
    return true
  }
  return {
    getSnapshot: () => value,
    subscribe(onChange) {
      const handler = () => {
        if (refresh()) onChange()
      }
      // What changed before this subscription counts too.
      handler()
      awareness.on('change', handler)
      return () => awareness.off('change', handler)
    },
  }
}
