import { startTransition, useEffect, useState } from 'react'

/**
 * False until `ready` has been true for one painted frame, then true for good.
 *
 * Opening a big board, what people wait for is the canvas; anything else that is costly
 * to build (the outline reads every card) should start once the canvas is on screen, not
 * in the same frame. The switch is a transition, so React renders what it reveals in
 * slices the page can interrupt.
 */
export function useAfterFirstFrame(ready: boolean): boolean {
  const [after, setAfter] = useState(false)
  useEffect(() => {
    if (!ready || after) return
    let timer: ReturnType<typeof setTimeout> | undefined
    // An animation frame callback runs just before that frame paints; a timeout set from
    // it runs once it has.
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => startTransition(() => setAfter(true)), 0)
    })
    return () => {
      cancelAnimationFrame(frame)
      clearTimeout(timer)
    }
  }, [ready, after])
  return after
}
