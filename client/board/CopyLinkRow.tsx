import { useState } from 'react'
import { copyText } from './copyText.ts'

/** One share link: a label, the link in a read-only field, and a Copy button. */
export function CopyLinkRow(props: { label: string; description: string; link: string | null }) {
  const [copied, setCopied] = useState<'idle' | 'copied' | 'failed'>('idle')
  const onCopy = async () => {
    if (!props.link) return
    setCopied((await copyText(props.link)) ? 'copied' : 'failed')
    window.setTimeout(() => setCopied('idle'), 2000)
  }
  const inputId = `cb-link-${props.label.toLowerCase()}`
  return (
    <div className="cb-link-row">
      <label className="cb-link-row__label" htmlFor={inputId}>
        {props.label}
        <span className="cb-link-row__description">{props.description}</span>
      </label>
      {props.link ? (
        <div className="cb-link-row__field">
          <input
            id={inputId}
            className="cb-input"
            readOnly
            value={props.link}
            onFocus={(event) => event.currentTarget.select()}
          />
          <button type="button" className="cb-button" onClick={onCopy}>
            {copied === 'copied' ? 'Copied' : copied === 'failed' ? 'Select & copy' : 'Copy'}
          </button>
        </div>
      ) : (
        <p className="cb-link-row__missing">
          Not known on this device: only the browser that created the board keeps this link.
        </p>
      )}
    </div>
  )
}
