import { defaultShapeUtils, EmbedShapeUtil, type TLAnyShapeUtilConstructor } from 'tldraw'
import { customShapeUtils } from '../shapes/index.ts'

/**
 * Embeds are turned off: every default embed (YouTube, Figma, Maps…) is an iframe to an
 * outside host, and Catchball must not call any. A pasted link becomes a plain bookmark.
 */
const EmbedWithoutOutsideHosts = EmbedShapeUtil.configure({ embedDefinitions: [] })

/** For <Tldraw shapeUtils>: tldraw adds its defaults and replaces them by type. */
export const tldrawShapeUtils: readonly TLAnyShapeUtilConstructor[] = [
  EmbedWithoutOutsideHosts,
  ...customShapeUtils,
]

/** For the store's schema: the full list, defaults included, with the same replacements. */
export const storeShapeUtils: readonly TLAnyShapeUtilConstructor[] = [
  ...defaultShapeUtils.filter((util) => util.type !== EmbedWithoutOutsideHosts.type),
  ...tldrawShapeUtils,
]
