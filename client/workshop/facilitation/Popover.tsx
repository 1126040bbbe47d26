import { useEffect, useRef, type ReactNode } from 'react'

/**
 * A small panel that drops below its trigger (header menus). It closes on Escape and on a
 * click anywhere else, and sits above the canvas but is opened only on request, so it never
 * hides tldraw's UI for long.
 */
export function Popover(props: {
  open: boolean
  onOpenChange: (open: boolean) => void
  trigger: ReactNode
  label: string
  children: ReactNode
  align?: 'start' | 'end'
}) {
  const { open, onOpenChange } = props
  const root = useRef<HTMLSpanElement>(null)

  useEffect(() => {
    if (!open) return
    const onPointerDown = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) onOpenChange(false)
    }
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onOpenChange(false)
    }
    document.addEventListener('pointerdown', onPointerDown)
    document.addEventListener('keydown', onKeyDown)
    return () => {
      document.removeEventListener('pointerdown', onPointerDown)
      document.removeEventListener('keydown', onKeyDown)
    }
  }, [open, onOpenChange])

  return (
    <span className="cb-popover" ref={root}>
      {props.trigger}
      {open && (
        <div
          className={`cb-popover__panel cb-popover__panel--${props.align ?? 'start'}`}
          role="dialog"
          aria-label={props.label}
        >
          {props.children}
        </div>
      )}
    </span>
  )
}
