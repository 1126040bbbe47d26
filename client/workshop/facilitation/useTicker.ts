import { useEffect, useState } from 'react'

/**
 * Re-renders every `intervalMs` while `active`, returning a counter. A quarter second keeps
 * the displayed second within 1 s of every other screen without burning a laptop's battery.
 */
export function useTicker(active: boolean, intervalMs = 250): number {
  const [tick, setTick] = useState(0)
  useEffect(() => {
    if (!active) return
    const id = window.setInterval(() => setTick((n) => n + 1), intervalMs)
    return () => window.clearInterval(id)
  }, [active, intervalMs])
  return tick
}
