import { defaultShapeUtils, EmbedShapeUtil, type TLAnyShapeUtilConstructor } from 'tldraw'
import { customShapeUtils } from '../shapes/index.ts'
import {
  ArrowShapeWithPatternOnDemand,
  DrawShapeWithPatternOnDemand,
  GeoShapeWithPatternOnDemand,
} from './patternFillOnDemand.tsx'

/**
 * Embeds are turned off: every default embed (YouTube, Figma, Maps…) is an iframe to an
 * outside host, and Catchball must not call any. A pasted link becomes a plain bookmark.
 */
const EmbedWithoutOutsideHosts = EmbedShapeUtil.configure({ embedDefinitions: [] })

/** For <Tldraw shapeUtils>: tldraw adds its defaults and replaces them by type. */
export const tldrawShapeUtils: readonly TLAnyShapeUtilConstructor[] = [
  EmbedWithoutOutsideHosts,
  GeoShapeWithPatternOnDemand,
  DrawShapeWithPatternOnDemand,
  ArrowShapeWithPatternOnDemand,
  ...customShapeUtils,
]

const replacedTypes = new Set(tldrawShapeUtils.map((util) => util.type))

/** For the store's schema: the full list, defaults included, with the same replacements. */
export const storeShapeUtils: readonly TLAnyShapeUtilConstructor[] = [
  ...defaultShapeUtils.filter((util) => !replacedTypes.has(util.type)),
  ...tldrawShapeUtils,
]
