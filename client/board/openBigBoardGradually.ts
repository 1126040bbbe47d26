import {
  atom,
  Box,
  transact,
  unsafe__withoutCapture,
  type Atom,
  type Editor,
  type TLShape,
  type TLShapeId,
  type TLUiOverrides,
} from 'tldraw'

/**
 * Opening a big board, tldraw mounts every shape on the page in one go, in view or not: for
 * 1,000 cards that is over a second of React work before the first frame, during which the
 * page answers nothing. So a board opened with more than GRADUAL_ABOVE_SHAPES shapes shows
 * first what is in view (and a margin around it), then the rest in z-order, a slice per
 * animation frame, sized so each frame stays short enough to answer a click or a pan.
 *
 * Until its turn comes, a shape is hidden in tldraw's sense (`getShapeVisibility`): not
 * rendered, not hit, not in the page bounds. Anything that comes into view (a pan, a jump
 * from the outline, following someone) shows at once. Revealing in z-order moves the
 * z-index only of the shown shapes above the slice (those in view), so a slice re-renders
 * few of the shapes already shown; and each shape has its own flag, so a slice recomputes
 * only its own shapes' visibility.
 */
export const GRADUAL_ABOVE_SHAPES = 150
/** Around the view, this share of its size on each side is shown from the first frame. */
export const VIEW_MARGIN = 0.25
/** Shapes revealed by the first slice; later slices follow the frame time. */
export const FIRST_SLICE = 16
/** A frame longer than this delays input noticeably: the next slice is smaller. */
export const SLOW_FRAME_MS = 60
/** A frame shorter than this leaves room: the next slice is bigger. */
export const QUICK_FRAME_MS = 35
const MIN_SLICE = 8
const MAX_SLICE = 256

interface Reveal {
  /** Each shape on the page when the board opened, by z-order. */
  rankOf: Map<TLShapeId, number>
  /** By rank: shown wherever it is. */
  shown: Atom<boolean>[]
  /** Ranks below this are shown. */
  shownBelow: number
}

const revealByEditor = new WeakMap<Editor, Reveal | null>()

/** The plan for this editor, made once, from the page as it was when first asked. */
function revealFor(editor: Editor): Reveal | null {
  let reveal = revealByEditor.get(editor)
  if (reveal === undefined) {
    // Asked from inside tldraw's visibility cache: planning must not make every shape
    // depend on the whole page.
    reveal = unsafe__withoutCapture(() => planReveal(editor))
    revealByEditor.set(editor, reveal)
  }
  return reveal
}

function planReveal(editor: Editor): Reveal | null {
  const shapes = editor.getCurrentPageShapesSorted()
  if (shapes.length <= GRADUAL_ABOVE_SHAPES) return null
  return {
    rankOf: new Map(shapes.map((shape, rank) => [shape.id, rank])),
    shown: shapes.map((shape) => atom(`${shape.id} shown while opening`, false)),
    shownBelow: 0,
  }
}

/** tldraw's `getShapeVisibility`: hidden only while waiting for its turn out of view. */
export function visibilityWhileOpening(shape: TLShape, editor: Editor): 'inherit' | 'hidden' {
  const reveal = revealFor(editor)
  const rank = reveal?.rankOf.get(shape.id)
  // Shapes created after opening show as usual.
  if (!reveal || rank === undefined || reveal.shown[rank].get()) return 'inherit'
  return isNearView(editor, shape.id) ? 'inherit' : 'hidden'
}

function isNearView(editor: Editor, id: TLShapeId): boolean {
  const bounds = editor.getShapePageBounds(id)
  if (!bounds) return true
  const view = editor.getViewportPageBounds()
  const [marginX, marginY] = [view.w * VIEW_MARGIN, view.h * VIEW_MARGIN]
  const near = new Box(
    view.x - marginX,
    view.y - marginY,
    view.w + 2 * marginX,
    view.h + 2 * marginY,
  )
  return Box.Collides(near, bounds)
}

/** Shows the shapes of rank below `end` wherever they are, in one reactive change. */
function showUpTo(reveal: Reveal, end: number): void {
  transact(() => {
    for (let rank = reveal.shownBelow; rank < end; rank++) reveal.shown[rank].set(true)
    reveal.shownBelow = Math.max(reveal.shownBelow, end)
  })
}

/**
 * Shows every shape still waiting, now. tldraw leaves hidden shapes out of an exported
 * image, and an image of the board must have all of them.
 */
export function showEveryShapeNow(editor: Editor): void {
  const reveal = revealFor(editor)
  if (reveal) showUpTo(reveal, reveal.rankOf.size)
}

/**
 * tldraw's "Zoom to fit" (shift+1, menus) fits the shapes it shows: right after a big board
 * opens, it shows every shape first.
 */
export const zoomToFitShowsEveryShape: TLUiOverrides = {
  actions(editor, actions) {
    const fit = actions['zoom-to-fit']
    if (fit) {
      actions['zoom-to-fit'] = {
        ...fit,
        onSelect(source) {
          showEveryShapeNow(editor)
          return fit.onSelect(source)
        },
      }
    }
    return actions
  },
}

/** How many shapes are still waiting for their turn (0 once the board is fully open). */
export function shapesWaitingToShow(editor: Editor): number {
  const reveal = revealFor(editor)
  return reveal ? reveal.rankOf.size - reveal.shownBelow : 0
}

export interface FrameClock {
  request(callback: () => void): number
  cancel(handle: number): void
  now(): number
}

const animationFrames: FrameClock = {
  request: (callback) => requestAnimationFrame(callback),
  cancel: (handle) => cancelAnimationFrame(handle),
  now: () => performance.now(),
}

/** The next slice, from how long the frame that showed the last one took. */
export function nextSlice(slice: number, frameMs: number): number {
  if (frameMs > SLOW_FRAME_MS) return Math.max(MIN_SLICE, Math.floor(slice * 0.7))
  if (frameMs < QUICK_FRAME_MS) return Math.min(MAX_SLICE, Math.ceil(slice * 1.3))
  return slice
}

/**
 * Shows the shapes still waiting, a slice a frame, from the second frame on: the first
 * is the one that draws what is in view. Returns a stop for when the editor goes away.
 */
export function showTheRestGradually(editor: Editor, clock: FrameClock = animationFrames) {
  const reveal = revealFor(editor)
  if (!reveal) return () => {}
  const total = reveal.rankOf.size
  let slice = FIRST_SLICE
  let frames = 0
  let lastFrameAt = 0
  const step = () => {
    const at = clock.now()
    // Frame 0 is the first paint; from frame 2 on, the last frame drew the last slice.
    if (frames >= 2) slice = nextSlice(slice, at - lastFrameAt)
    if (frames >= 1) showUpTo(reveal, Math.min(total, reveal.shownBelow + slice))
    frames++
    lastFrameAt = at
    if (reveal.shownBelow < total) handle = clock.request(step)
  }
  let handle = clock.request(step)
  return () => clock.cancel(handle)
}
