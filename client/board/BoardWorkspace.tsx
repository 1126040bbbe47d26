import { useMemo, useState } from 'react'
import type { Editor } from 'tldraw'
import { BoardContext, type BoardContextValue, type Session } from './BoardContext.tsx'
import { BoardCanvas } from './BoardCanvas.tsx'
import type { BoardConnection } from './boardConnection.ts'
import { BoardHeader } from './BoardHeader.tsx'
import { storeShapeUtils } from './canvasShapeUtils.ts'
import { LoadingScreen } from './ErrorScreen.tsx'
import { createSessionUser } from './sessionUser.ts'
import { ShareDialog } from './ShareDialog.tsx'
import { SidePanel } from './SidePanel.tsx'
import { useAfterFirstFrame } from './useAfterFirstFrame.ts'
import { useBoardTitle } from './useBoardTitle.ts'
import type { ConnectionStatus } from './useConnectionState.ts'
import { useYjsStore } from './useYjsStore.ts'

/** The board once its document is ready: header, canvas, side panel, share dialog. */
export function BoardWorkspace(props: {
  session: Session
  connection: BoardConnection
  status: ConnectionStatus
  apiTitle: string | null
}) {
  const { session, connection, status, apiTitle } = props
  const readOnly = session.role === 'viewer'
  const sessionUser = useMemo(() => createSessionUser(session), [session])
  const store = useYjsStore({
    connection,
    readOnly,
    users: sessionUser.users,
    shapeUtils: storeShapeUtils,
  })
  const board = useMemo<BoardContextValue>(
    () => ({
      session,
      doc: connection.doc,
      controlDoc: connection.controlDoc,
      awareness: connection.awareness,
      readOnly,
    }),
    [session, connection, readOnly],
  )
  const title = useBoardTitle(connection.doc, apiTitle)
  const [editor, setEditor] = useState<Editor | null>(null)
  const canvasPainted = useAfterFirstFrame(editor !== null)
  const [panelOpen, setPanelOpen] = useState(true)
  const [shareOpen, setShareOpen] = useState(false)

  return (
    <BoardContext.Provider value={board}>
      <div className="cb-board" data-role={session.role}>
        <BoardHeader
          title={title}
          role={session.role}
          name={session.name}
          status={status}
          editor={editor}
          panelOpen={panelOpen}
          onTogglePanel={() => setPanelOpen((open) => !open)}
          onShare={session.role === 'facilitator' ? () => setShareOpen(true) : null}
        />
        <div className="cb-board__body">
          <div className="cb-board__canvas">
            {store ? (
              <BoardCanvas
                store={store}
                user={sessionUser.user}
                board={board}
                connection={connection}
                onEditorChange={setEditor}
              />
            ) : (
              <LoadingScreen message="Opening the canvas…" />
            )}
          </div>
          {panelOpen && (
            <SidePanel
              editor={editor}
              canvasPainted={canvasPainted}
              onClose={() => setPanelOpen(false)}
            />
          )}
        </div>
        {shareOpen && <ShareDialog boardId={session.boardId} onClose={() => setShareOpen(false)} />}
      </div>
    </BoardContext.Provider>
  )
}
