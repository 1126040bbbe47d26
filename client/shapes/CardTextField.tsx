import { useEffect, useLayoutEffect, useRef, type KeyboardEvent } from 'react'
import type { Awareness } from 'y-protocols/awareness'
import type * as Y from 'yjs'
import { setCardText } from '../../shared/boardDoc.ts'
import {
  mapSelectionThroughDelta,
  type TextDeltaOp,
  type TextSelection,
} from '../cards/caretMapping.ts'
import { useCardText, type CardTextField as Field } from '../cards/useCardText.ts'
import {
  completeTitleFocusRequest,
  hasTitleFocusRequest,
  type FocusSurface,
} from './focusRequests.ts'
import { stopCanvasEvents } from './stopCanvasEvents.ts'

export interface CardTextFieldProps {
  doc: Y.Doc
  awareness: Awareness
  cardId: string
  field: Field
  readOnly: boolean
  surface: FocusSurface
  testId: string
  label: string
  placeholder?: string
  className?: string
  rows?: number
  /** Called after Enter finished a title (the field has blurred): where focus goes next. */
  onTitleDone?: () => void
}

/**
 * A title or notes editor bound to the card's Y.Text. Each keystroke is written as the
 * minimal diff (setCardText), so two people typing in the same title both keep their
 * words; when someone else's edit arrives, the local caret is moved through it instead
 * of jumping to the end. While focused, awareness says which card we are editing.
 */
export function CardTextField(props: CardTextFieldProps) {
  const { doc, awareness, cardId, field, readOnly, surface } = props
  const ref = useRef<HTMLTextAreaElement>(null)
  const pendingSelection = useRef<TextSelection | null>(null)
  const writingOwnEdit = useRef(false)
  const focused = useRef(false)

  const value = useCardText(doc, cardId, field, (delta: readonly TextDeltaOp[]) => {
    const element = ref.current
    // Our own keystroke already left the caret in the right place.
    if (writingOwnEdit.current || !element || element.ownerDocument.activeElement !== element) {
      return
    }
    // Several remote edits may arrive before React renders: map the caret already mapped.
    const selection = pendingSelection.current ?? {
      start: element.selectionStart,
      end: element.selectionEnd,
      direction: element.selectionDirection ?? 'none',
    }
    pendingSelection.current = mapSelectionThroughDelta(selection, delta)
  })

  // After a render that put a remote edit in the DOM (which moves the caret to the end),
  // put the caret back where it belongs. Other renders find nothing pending.
  useLayoutEffect(() => {
    const selection = pendingSelection.current
    pendingSelection.current = null
    if (selection && ref.current) {
      ref.current.setSelectionRange(selection.start, selection.end, selection.direction)
    }
  })

  useEffect(() => {
    if (field !== 'title' || readOnly || !hasTitleFocusRequest(surface, cardId)) return
    return focusSoon(ref, () => completeTitleFocusRequest(surface, cardId))
  }, [field, readOnly, surface, cardId])

  // A field removed while focused gets no blur event, so unmounting ends "editing" too.
  useEffect(
    () => () => {
      if (focused.current) clearEditing(awareness, cardId)
    },
    [awareness, cardId],
  )

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    stopCanvasEvents.onKeyDown(event)
    // A title is one paragraph that wraps: Enter finishes it instead of adding a line.
    if (field === 'title' && event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault()
      event.currentTarget.blur()
      props.onTitleDone?.()
    }
  }

  return (
    <textarea
      ref={ref}
      className={props.className}
      data-testid={props.testId}
      aria-label={props.label}
      placeholder={props.placeholder}
      rows={props.rows ?? 2}
      value={value}
      disabled={readOnly}
      spellCheck
      {...stopCanvasEvents}
      onKeyDown={onKeyDown}
      onChange={(event) => {
        writingOwnEdit.current = true
        try {
          setCardText(doc, cardId, field, event.currentTarget.value)
        } finally {
          writingOwnEdit.current = false
        }
      }}
      onFocus={() => {
        focused.current = true
        awareness.setLocalStateField('editingCardId', cardId)
      }}
      onBlur={() => {
        focused.current = false
        clearEditing(awareness, cardId)
      }}
    />
  )
}

function clearEditing(awareness: Awareness, cardId: string): void {
  if (awareness.getLocalState()?.editingCardId === cardId) {
    awareness.setLocalStateField('editingCardId', null)
  }
}

/**
 * Focus a field that has just mounted. A new shape may not be laid out (so not
 * focusable) on its first frame, and the click that created the card ends by focusing
 * the canvas, after this has run; so the focus is checked again for a few frames.
 */
function focusSoon(ref: { current: HTMLTextAreaElement | null }, onDone: () => void): () => void {
  let frame = 0
  let frames = 0
  const attempt = () => {
    const element = ref.current
    if (!element) return
    const focused = element.ownerDocument.activeElement === element
    if (!focused) element.focus({ preventScroll: true })
    // Done once it has held focus across a frame, or after a few tries.
    if ((focused && frames > 1) || ++frames > 10) return onDone()
    frame = requestAnimationFrame(attempt)
  }
  attempt()
  return () => cancelAnimationFrame(frame)
}
