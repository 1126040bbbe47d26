import { atom, Box, computed, type Editor, type TLShape, type TLUiActionsContextType } from 'tldraw'
import { describe, expect, it } from 'vitest'
import {
  FIRST_SLICE,
  GRADUAL_ABOVE_SHAPES,
  nextSlice,
  shapesWaitingToShow,
  showEveryShapeNow,
  showTheRestGradually,
  visibilityWhileOpening,
  zoomToFitShowsEveryShape,
  type FrameClock,
} from '../../client/board/openBigBoardGradually.ts'

/**
 * Opening a board with hundreds of cards, the page draws the cards in view (and a margin
 * around it) in the first frame and the rest a slice per frame after it. The editor is a
 * small fake over tldraw's reactive atoms: cards on a grid, 40 a row, 260 × 160 apart, as a
 * big board's import lays them out; the view is a 1280 × 720 screen at 100 %.
 */
const COLUMNS = 40
const CARD = { w: 240, h: 140 }
const SCREEN = new Box(0, 0, 1280, 720)

function boardOpened(cards: number) {
  const shapes = Array.from({ length: cards }, (_, i) => ({
    id: `shape:card-${i}`,
    x: (i % COLUMNS) * 260,
    y: Math.floor(i / COLUMNS) * 160,
  })) as unknown as TLShape[]
  const byId = new Map(shapes.map((shape) => [shape.id, shape]))
  const view = atom('view', SCREEN)
  const editor = {
    getCurrentPageShapesSorted: () => shapes,
    getShapePageBounds: (id: string) => {
      const shape = byId.get(id as TLShape['id'])
      return shape ? new Box(shape.x, shape.y, CARD.w, CARD.h) : undefined
    },
    getViewportPageBounds: () => view.get(),
  } as unknown as Editor
  const isShown = (shape: TLShape) => visibilityWhileOpening(shape, editor) === 'inherit'
  /** The ranks (z-order) of the cards drawn now. */
  const shownRanks = () => shapes.flatMap((shape, rank) => (isShown(shape) ? [rank] : []))
  /** A card added to the board after it opened (someone else's, far away). */
  const addCard = (i: number) => {
    const shape = { id: `shape:new-${i}`, x: 9000, y: 9000 } as unknown as TLShape
    byId.set(shape.id, shape)
    return shape
  }
  return { editor, shapes, view, isShown, shownRanks, addCard }
}

/** Animation frames on demand: `frame(ms)` runs the frame requested, `ms` after the last. */
function frameClock() {
  let now = 0
  let pending: { handle: number; callback: () => void } | null = null
  let handles = 0
  const clock: FrameClock = {
    request(callback) {
      pending = { handle: ++handles, callback }
      return handles
    },
    cancel(handle) {
      if (pending?.handle === handle) pending = null
    },
    now: () => now,
  }
  const frame = (ms = 16) => {
    const due = pending
    if (!due) throw new Error('no frame was requested')
    pending = null
    now += ms
    due.callback()
  }
  return { clock, frame, waitingForFrame: () => pending !== null }
}

describe('opening a big board', () => {
  it('shows a board of up to 150 shapes whole, with nothing left for later frames', () => {
    const board = boardOpened(GRADUAL_ABOVE_SHAPES)
    expect(board.shownRanks()).toHaveLength(GRADUAL_ABOVE_SHAPES)
    const { clock, waitingForFrame } = frameClock()
    showTheRestGradually(board.editor, clock)
    expect(waitingForFrame()).toBe(false)
    expect(shapesWaitingToShow(board.editor)).toBe(0)
  })

  it('draws the cards in and around the view first, not the far ones', () => {
    const board = boardOpened(1000)
    const shown = board.shownRanks()
    // 5 × 5 cards on the screen, a quarter of a screen more on each side.
    expect(shown.length).toBeGreaterThanOrEqual(25)
    expect(shown.length).toBeLessThan(80)
    expect(shown).toContain(0)
    expect(shown).toContain(COLUMNS * 2 + 4)
    // Just off the screen's right edge: there from the start, so a small pan shows it.
    expect(shown).toContain(5)
    expect(shown).not.toContain(999)
    expect(shown).not.toContain(COLUMNS * 20)
    expect(shapesWaitingToShow(board.editor)).toBe(1000)
  })

  it('shows the rest in z-order, a slice a frame after the first, until all are shown', () => {
    const board = boardOpened(1000)
    const inView = board.shownRanks()
    const { clock, frame, waitingForFrame } = frameClock()
    showTheRestGradually(board.editor, clock)

    frame()
    expect(board.shownRanks()).toEqual(inView)

    frame()
    const afterFirstSlice = board.shownRanks()
    const firstSlice = Array.from({ length: FIRST_SLICE }, (_, rank) => rank)
    expect(afterFirstSlice).toEqual(
      [...new Set([...firstSlice, ...inView])].toSorted((a, b) => a - b),
    )

    let frames = 2
    let shownBefore = afterFirstSlice.length
    while (waitingForFrame() && frames < 200) {
      frame()
      frames++
      const shown = board.shownRanks().length
      expect(shown).toBeGreaterThanOrEqual(shownBefore)
      shownBefore = shown
    }
    expect(board.shownRanks()).toHaveLength(1000)
    expect(shapesWaitingToShow(board.editor)).toBe(0)
    // 16 ms frames leave room: slices grow, so 1,000 cards take a few dozen frames.
    expect(frames).toBeLessThan(30)
    expect(waitingForFrame()).toBe(false)
  })

  it('shows less a frame while frames are slow and more while they are quick', () => {
    expect(nextSlice(100, 100)).toBeLessThan(100)
    expect(nextSlice(100, 10)).toBeGreaterThan(100)
    expect(nextSlice(100, 45)).toBe(100)

    const board = boardOpened(1000)
    const { clock, frame } = frameClock()
    showTheRestGradually(board.editor, clock)
    frame()
    frame()
    const perFrame = (ms: number) => {
      const before = shapesWaitingToShow(board.editor)
      frame(ms)
      return before - shapesWaitingToShow(board.editor)
    }
    const slow = [perFrame(120), perFrame(120), perFrame(120), perFrame(120)]
    expect(slow[3]).toBeLessThan(slow[0])
    expect(slow[3]).toBeGreaterThan(0)
    const quick = [perFrame(10), perFrame(10), perFrame(10)]
    expect(quick[2]).toBeGreaterThan(quick[0])
  })

  it('shows at once what a pan brings into view while the board is still opening', () => {
    const board = boardOpened(1000)
    const farCard = board.shapes[999]
    // tldraw reads visibility inside its reactive cache: the pan must reach it.
    const farCardShown = computed('far card shown', () => board.isShown(farCard))
    expect(farCardShown.get()).toBe(false)
    board.view.set(new Box(farCard.x - 400, farCard.y - 300, SCREEN.w, SCREEN.h))
    expect(farCardShown.get()).toBe(true)
    expect(board.isShown(board.shapes[0])).toBe(false)
  })

  it('shows cards added after the board opened at once, wherever they are', () => {
    const board = boardOpened(1000)
    expect(board.isShown(board.addCard(1))).toBe(true)
  })

  it('shows every card at once for an image of the board, and asks for no more frames', () => {
    const board = boardOpened(1000)
    const { clock, frame, waitingForFrame } = frameClock()
    showTheRestGradually(board.editor, clock)
    frame()
    frame()
    showEveryShapeNow(board.editor)
    expect(board.shownRanks()).toHaveLength(1000)
    expect(shapesWaitingToShow(board.editor)).toBe(0)
    frame()
    expect(waitingForFrame()).toBe(false)
  })

  it('shows every card before "Zoom to fit" fits what is shown', () => {
    const board = boardOpened(1000)
    const shownWhenFitting: number[] = []
    const actions = {
      'zoom-to-fit': {
        id: 'zoom-to-fit',
        label: 'action.zoom-to-fit',
        onSelect: () => void shownWhenFitting.push(board.shownRanks().length),
      },
    } as unknown as TLUiActionsContextType
    const overridden = zoomToFitShowsEveryShape.actions!(board.editor, actions, undefined as never)
    void overridden['zoom-to-fit'].onSelect('kbd')
    expect(shownWhenFitting).toEqual([1000])
  })

  it('stops asking for frames when the board closes', () => {
    const board = boardOpened(1000)
    const { clock, frame, waitingForFrame } = frameClock()
    const stop = showTheRestGradually(board.editor, clock)
    frame()
    frame()
    stop()
    expect(waitingForFrame()).toBe(false)
    expect(shapesWaitingToShow(board.editor)).toBe(1000 - FIRST_SLICE)
  })
})
