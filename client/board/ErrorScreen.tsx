import type { ReactNode } from 'react'

/** A full-page message for when the board cannot be shown: never leave the page blank. */
export function ErrorScreen(props: { title: string; message?: string; children?: ReactNode }) {
  return (
    <main className="cb-screen" role="alert">
      <div className="cb-card">
        <h1 className="cb-card__title">{props.title}</h1>
        {props.message && <p className="cb-card__text">{props.message}</p>}
        {props.children && <div className="cb-card__actions">{props.children}</div>}
        <p className="cb-card__footer">
          <a href="/">Go to the Catchball start page</a>
        </p>
      </div>
    </main>
  )
}

export function LoadingScreen(props: { message: string; children?: ReactNode }) {
  return (
    <main className="cb-screen" aria-busy="true">
      <div className="cb-loading">
        <span className="cb-spinner" aria-hidden="true" />
        <span>{props.message}</span>
        {props.children}
      </div>
    </main>
  )
}
