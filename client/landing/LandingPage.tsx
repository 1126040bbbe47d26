import { useState } from 'react'
import type { CreatedBoard } from '../api.ts'
import { CreateBoardForm } from './CreateBoardForm.tsx'
import { JoinAsFacilitatorForm } from './JoinAsFacilitatorForm.tsx'

/** `/`: create a board, copy its links, join it as facilitator. */
export function LandingPage({ onOpenBoard }: { onOpenBoard: (boardId: string) => void }) {
  const [created, setCreated] = useState<CreatedBoard | null>(null)
  return (
    <main className="cb-screen cb-landing">
      <p className="cb-landing__brand">Catchball</p>
      {created ? (
        <JoinAsFacilitatorForm board={created} onJoined={onOpenBoard} />
      ) : (
        <CreateBoardForm onCreated={setCreated} />
      )}
    </main>
  )
}
