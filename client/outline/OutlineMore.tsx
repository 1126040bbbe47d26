import { useEffect, useRef } from 'react'

/**
 * The end of a partly mounted outline: a button that mounts more, pressed by itself when
 * it scrolls into view, so reading down a long outline never stops at a wall.
 */
export function OutlineMore({ remaining, onMore }: { remaining: number; onMore: () => void }) {
  const ref = useRef<HTMLButtonElement>(null)
  useEffect(() => {
    const button = ref.current
    if (!button || typeof IntersectionObserver === 'undefined') return
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) onMore()
    })
    observer.observe(button)
    return () => observer.disconnect()
  }, [onMore])
  return (
    <button
      ref={ref}
      type="button"
      className="cb-outline__more"
      data-testid="outline-more"
      onClick={onMore}
    >
      Show {remaining} more…
    </button>
  )
}
