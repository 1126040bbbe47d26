import { useRef, type ComponentType } from 'react'
import {
  ArrowShapeUtil,
  DrawShapeUtil,
  GeoShapeUtil,
  useEditor,
  useValue,
  type Editor,
  type TLShapeUtilCanvasSvgDef,
} from 'tldraw'

/**
 * tldraw's hatched "pattern" fill needs images of the hatching, and tldraw draws them for
 * every zoom level up to 256× (canvases up to 2,048 px square) the moment the canvas
 * mounts: about a third of a second of the main thread on two cores, on every board
 * opened, before the first frame. OKR boards rarely hold a pattern-filled shape, so the
 * pattern definitions mount only once one is on the page, and stay mounted after. Until
 * the images exist, tldraw shows such a shape with a flat fill (its own fallback).
 */
const PATTERN_DEF_KEY_SUFFIX = ':pattern'

const gatedByComponent = new WeakMap<ComponentType, ComponentType>()

function hasPatternFill(editor: Editor): boolean {
  return editor
    .getCurrentPageShapes()
    .some((shape) => (shape.props as { fill?: unknown }).fill === 'pattern')
}

function mountedWithPatternFills(Definitions: ComponentType): ComponentType {
  let gated = gatedByComponent.get(Definitions)
  if (!gated) {
    gated = function PatternDefinitionsWhenUsed() {
      const editor = useEditor()
      const seen = useRef(false)
      const used = useValue('pattern fill in use', () => seen.current || hasPatternFill(editor), [
        editor,
      ])
      if (used) seen.current = true
      return used ? <Definitions /> : null
    }
    gatedByComponent.set(Definitions, gated)
  }
  return gated
}

function withPatternOnDemand(defs: TLShapeUtilCanvasSvgDef[]): TLShapeUtilCanvasSvgDef[] {
  return defs.map((def) =>
    def.key.endsWith(PATTERN_DEF_KEY_SUFFIX)
      ? { key: def.key, component: mountedWithPatternFills(def.component) }
      : def,
  )
}

// The three default shapes that can be pattern-filled, each the same but for that.
export class GeoShapeWithPatternOnDemand extends GeoShapeUtil {
  override getCanvasSvgDefs() {
    return withPatternOnDemand(super.getCanvasSvgDefs())
  }
}

export class DrawShapeWithPatternOnDemand extends DrawShapeUtil {
  override getCanvasSvgDefs() {
    return withPatternOnDemand(super.getCanvasSvgDefs())
  }
}

export class ArrowShapeWithPatternOnDemand extends ArrowShapeUtil {
  override getCanvasSvgDefs() {
    return withPatternOnDemand(super.getCanvasSvgDefs())
  }
}
