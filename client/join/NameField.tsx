/** The "your name" field of the join and create forms: one definition, same limits. */
export function NameField(props: {
  label: string
  value: string
  onChange: (name: string) => void
  placeholder?: string
}) {
  return (
    <label className="cb-field">
      <span className="cb-field__label">{props.label}</span>
      <input
        className="cb-input"
        name="name"
        autoComplete="name"
        autoFocus
        // The server accepts names up to 80 characters.
        maxLength={80}
        value={props.value}
        onChange={(event) => props.onChange(event.target.value)}
        placeholder={props.placeholder}
      />
    </label>
  )
}

/** A form's error line, announced to screen readers. */
export function FormError({ message }: { message: string | null | undefined }) {
  if (!message) return null
  return (
    <p className="cb-card__error" role="alert">
      {message}
    </p>
  )
}
