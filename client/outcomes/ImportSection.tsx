import { useState, type ChangeEvent } from 'react'
import { useBoard } from '../board/BoardContext.tsx'
import {
  importFormatOf,
  importProblemsOf,
  problemLocation,
  type ImportProblem,
} from './importFile.ts'
import { importCards, OutcomesApiError } from './outcomesApi.ts'

type ImportState =
  | { kind: 'idle' }
  | { kind: 'busy'; fileName: string }
  | { kind: 'done'; fileName: string; imported: number }
  | { kind: 'failed'; fileName: string; message: string; problems: ImportProblem[] }

/**
 * Import OKRs from a JSON export (the published schema) or a CSV export's columns. The
 * server checks the whole file first: a malformed one imports nothing and every problem
 * is listed with its row or path. Imported cards get their shapes from ensureCardShapes.
 */
export function ImportSection() {
  const { session } = useBoard()
  const [state, setState] = useState<ImportState>({ kind: 'idle' })

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.currentTarget.files?.[0]
    // Clear the picker so choosing the same (fixed) file again fires a change.
    event.currentTarget.value = ''
    if (!file) return
    setState({ kind: 'busy', fileName: file.name })
    try {
      const content = await file.text()
      const format = importFormatOf(file.name, content)
      const result = await importCards(session.boardId, session.token, format, content)
      setState({ kind: 'done', fileName: file.name, imported: result.imported })
    } catch (failure) {
      setState({
        kind: 'failed',
        fileName: file.name,
        message: failure instanceof Error ? failure.message : String(failure),
        problems: failure instanceof OutcomesApiError ? importProblemsOf(failure.details) : [],
      })
    }
  }

  return (
    <section className="cb-outcomes__section" aria-labelledby="cb-import-heading">
      <h3 className="cb-outcomes__heading" id="cb-import-heading">
        Import
      </h3>
      <p className="cb-outcomes__text">
        Add OKRs from a JSON or CSV export. A file with problems imports nothing.
      </p>
      <input
        type="file"
        accept=".json,.csv,application/json,text/csv"
        className="cb-outcomes__file"
        data-testid="import-file"
        aria-label="Choose a JSON or CSV file to import"
        disabled={state.kind === 'busy'}
        onChange={(event) => void onFile(event)}
      />
      {state.kind === 'busy' && <p className="cb-outcomes__text">Importing {state.fileName}…</p>}
      {state.kind === 'done' && (
        <p className="cb-outcomes__ok" role="status" data-testid="import-result">
          Imported {state.imported} card{state.imported === 1 ? '' : 's'} from {state.fileName}.
        </p>
      )}
      {state.kind === 'failed' && (
        <div className="cb-outcomes__error" role="alert" data-testid="import-errors">
          <p>
            {state.fileName}: {state.message}
          </p>
          {state.problems.length > 0 && (
            <ul className="cb-outcomes__problems">
              {state.problems.map((problem, index) => (
                <li key={index}>
                  <strong>{problemLocation(problem)}</strong>: {problem.message}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  )
}
