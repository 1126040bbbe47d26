import { useState } from 'react'
import { stopCanvasEvents } from './stopCanvasEvents.ts'

/**
 * Small controls for a card's plain fields (team, owner, numbers, dates). These fields
 * are whole values in the card's Y.Map (last writer wins), unlike title and notes.
 */
interface BaseInputProps {
  testId: string
  label: string
  disabled: boolean
  className?: string
}

export function TextInput(
  props: BaseInputProps & {
    value: string
    onChange: (value: string) => void
    placeholder?: string
    maxLength?: number
    type?: 'text' | 'date'
  },
) {
  return (
    <input
      type={props.type ?? 'text'}
      className={props.className}
      data-testid={props.testId}
      aria-label={props.label}
      placeholder={props.placeholder}
      maxLength={props.maxLength ?? 200}
      value={props.value}
      disabled={props.disabled}
      {...stopCanvasEvents}
      onChange={(event) => props.onChange(event.currentTarget.value)}
    />
  )
}

/**
 * A number input that lets people pass through invalid states while typing ("", "-",
 * "1e") without writing them: the draft is local until it parses to a finite number in
 * range, and falls back to the stored value on blur.
 */
export function NumberInput(
  props: BaseInputProps & {
    value: number
    onChange: (value: number) => void
    min?: number
    max?: number
    step?: number
  },
) {
  const [draft, setDraft] = useState<string | null>(null)
  return (
    <input
      type="number"
      className={props.className}
      data-testid={props.testId}
      aria-label={props.label}
      min={props.min}
      max={props.max}
      step={props.step ?? 'any'}
      value={draft ?? String(props.value)}
      disabled={props.disabled}
      {...stopCanvasEvents}
      onChange={(event) => {
        const text = event.currentTarget.value
        setDraft(text)
        const parsed = Number(text)
        if (text.trim() === '' || !Number.isFinite(parsed)) return
        if (props.min !== undefined && parsed < props.min) return
        if (props.max !== undefined && parsed > props.max) return
        props.onChange(parsed)
      }}
      onBlur={() => setDraft(null)}
    />
  )
}

export function Checkbox(
  props: BaseInputProps & { checked: boolean; onChange: (checked: boolean) => void },
) {
  return (
    <label className={props.className}>
      <input
        type="checkbox"
        data-testid={props.testId}
        checked={props.checked}
        disabled={props.disabled}
        {...stopCanvasEvents}
        onChange={(event) => props.onChange(event.currentTarget.checked)}
      />
      {props.label}
    </label>
  )
}

export function Select<Value extends string>(
  props: BaseInputProps & {
    value: Value
    options: readonly Value[]
    optionLabel?: (value: Value) => string
    onChange: (value: Value) => void
  },
) {
  return (
    <select
      className={props.className}
      data-testid={props.testId}
      aria-label={props.label}
      value={props.value}
      disabled={props.disabled}
      {...stopCanvasEvents}
      onChange={(event) => props.onChange(event.currentTarget.value as Value)}
    >
      {props.options.map((option) => (
        <option key={option} value={option}>
          {props.optionLabel ? props.optionLabel(option) : option}
        </option>
      ))}
    </select>
  )
}
