import { useState } from 'react'
import { useBoard } from '../board/BoardContext.tsx'
import { fetchExport, type ExportFormat } from './outcomesApi.ts'
import { saveBlob } from './saveBlob.ts'

const formats: { format: ExportFormat; label: string; title: string }[] = [
  { format: 'md', label: 'Markdown', title: 'A readable document to paste into a wiki' },
  { format: 'csv', label: 'CSV', title: 'One row per key result, for spreadsheets and OKR tools' },
  {
    format: 'json',
    label: 'JSON',
    title: 'The full outcome set (schema: /api/schema/outcomes.json)',
  },
]

/** Markdown, CSV and JSON of one version, fetched with the token and saved as files. */
export function DownloadButtons({ version }: { version: number }) {
  const { session } = useBoard()
  const [busy, setBusy] = useState<ExportFormat | null>(null)
  const [error, setError] = useState<string | null>(null)

  const download = async (format: ExportFormat) => {
    setBusy(format)
    setError(null)
    try {
      const { blob, fileName } = await fetchExport(session.boardId, session.token, version, format)
      saveBlob(blob, fileName)
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure))
    } finally {
      setBusy(null)
    }
  }

  return (
    <div className="cb-outcomes__downloads">
      <span className="cb-outcomes__label">Download</span>
      <div className="cb-outcomes__buttons">
        {formats.map(({ format, label, title }) => (
          <button
            key={format}
            type="button"
            className="cb-button cb-button--small"
            data-testid={`download-${format}`}
            title={title}
            disabled={busy !== null}
            onClick={() => void download(format)}
          >
            {busy === format ? '…' : label}
          </button>
        ))}
      </div>
      {error && (
        <p className="cb-outcomes__error" role="alert">
          {error}
        </p>
      )}
    </div>
  )
}
