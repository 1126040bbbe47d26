import { getAssetUrlsByImport } from '@tldraw/assets/imports.vite'
import { useCallback, useMemo } from 'react'
import { Tldraw, type Editor, type TLComponents, type TLCurrentUser, type TLStore } from 'tldraw'
import {
  customTools,
  installCardBehaviours,
  toolbarComponents,
  uiOverrides,
} from '../shapes/index.ts'
import { installOutcomeBehaviours } from '../outcomes/installOutcomeBehaviours.ts'
import { exposeTestApi } from '../testApi.ts'
import { installWorkshopBehaviours } from '../workshop/installWorkshopBehaviours.ts'
import type { BoardContextValue } from './BoardContext.tsx'
import type { BoardConnection } from './boardConnection.ts'
import { tldrawShapeUtils } from './canvasShapeUtils.ts'
import { mirrorPeerPresence } from './mirrorPeerPresence.ts'
import {
  showTheRestGradually,
  visibilityWhileOpening,
  zoomToFitShowsEveryShape,
} from './openBigBoardGradually.ts'
import { keepLinksLocal } from './noOutsideRequests.ts'
import { publishPresence } from './publishPresence.ts'

// tldraw.css is imported by styles.css. Fonts, icons, translations and embed icons are bundled by Vite and served by our own
// server: tldraw never reaches its CDN.
const assetUrls = getAssetUrlsByImport()

// Pasted images are stored inline in the board document and must fit in one WebSocket
// message (the server's default maxPayload is 4 MiB; base64 adds a third).
const MAX_ASSET_BYTES = 2 * 1024 * 1024
const MAX_IMAGE_DIMENSION = 2000
const overrides = [uiOverrides, zoomToFitShowsEveryShape]

export function BoardCanvas(props: {
  store: TLStore
  user: TLCurrentUser
  board: BoardContextValue
  connection: BoardConnection
  onEditorChange: (editor: Editor | null) => void
}) {
  const { store, user, board, connection, onEditorChange } = props
  const components = useMemo<TLComponents>(() => ({ ...toolbarComponents }), [])

  const onMount = useCallback(
    (editor: Editor) => {
      if (board.readOnly) editor.updateInstanceState({ isReadonly: true })
      keepLinksLocal(editor)
      const cleanups = [
        installCardBehaviours(editor, board),
        installWorkshopBehaviours(editor, board),
        installOutcomeBehaviours(editor, board),
        publishPresence(editor, board.awareness, board.session),
        mirrorPeerPresence(editor, board.awareness),
        showTheRestGradually(editor),
        exposeTestApi({
          editor,
          doc: board.doc,
          controlDoc: board.controlDoc,
          awareness: board.awareness,
          session: board.session,
          boardProvider: connection.boardProvider,
          controlProvider: connection.controlProvider,
        }),
      ]
      onEditorChange(editor)
      return () => {
        onEditorChange(null)
        for (const cleanup of cleanups.toReversed()) cleanup()
      }
    },
    [board, connection, onEditorChange],
  )

  return (
    <Tldraw
      store={store}
      user={user}
      shapeUtils={tldrawShapeUtils}
      tools={customTools}
      overrides={overrides}
      components={components}
      assetUrls={assetUrls}
      maxAssetSize={MAX_ASSET_BYTES}
      maxImageDimension={MAX_IMAGE_DIMENSION}
      licenseKey={import.meta.env.VITE_TLDRAW_LICENSE_KEY as string | undefined}
      getShapeVisibility={visibilityWhileOpening}
      onMount={onMount}
    />
  )
}
