import type { Card } from '../../../shared/cardSchema.ts'
import {
  currentRound,
  holderOf,
  sameTeam,
  throwableKinds,
  throwsOfCard,
  whyCardCannotBeThrown,
  type CatchballThrow,
} from '../../../shared/catchball.ts'

/**
 * The board-wide catchball view as plain data: for each team, the balls it holds (work
 * waiting on it) and the balls it threw that another team holds now (it waits on them).
 */
export interface BallOnCard {
  card: Card
  holder: string
  round: number
  /** Who threw it last, or '' while it was never thrown. */
  lastThrownBy: string
}

export interface TeamBalls {
  team: string
  holding: BallOnCard[]
  waitingOn: BallOnCard[]
}

/** Cards without a team or holder are listed under this name. */
export const NO_TEAM = 'No team yet'

/** The conventional counterpart of teams in catchball, offered even before anyone uses it. */
const LEADERSHIP = 'Leadership'

export function ballsByTeam(cards: readonly Card[], log: readonly CatchballThrow[]): TeamBalls[] {
  const teams = new Map<string, TeamBalls>()
  const teamEntry = (name: string): TeamBalls => {
    const display = name || NO_TEAM
    const key = display.toLowerCase()
    let entry = teams.get(key)
    if (!entry) {
      entry = { team: display, holding: [], waitingOn: [] }
      teams.set(key, entry)
    }
    return entry
  }

  for (const card of cards) {
    // Settled cards (agreed, dropped) and initiatives or actions are not in play.
    if (whyCardCannotBeThrown(card)) continue
    const throws = throwsOfCard(log, card.id)
    const last = throws.at(-1)
    const ball: BallOnCard = {
      card,
      holder: holderOf(card),
      round: currentRound(throws, card.id),
      lastThrownBy: last?.from ?? '',
    }
    teamEntry(ball.holder).holding.push(ball)
    if (last && !sameTeam(last.from, ball.holder)) teamEntry(last.from).waitingOn.push(ball)
  }
  return [...teams.values()].toSorted((a, b) => {
    // "No team yet" last, everyone else alphabetically.
    if ((a.team === NO_TEAM) !== (b.team === NO_TEAM)) return a.team === NO_TEAM ? 1 : -1
    return a.team.localeCompare(b.team)
  })
}

/**
 * Teams and levels already named on the board (card teams, holders, throws), for the throw
 * dialog's picker; Leadership is always offered. Each team once, in its first spelling.
 */
export function knownTeams(cards: readonly Card[], log: readonly CatchballThrow[]): string[] {
  const names = [
    LEADERSHIP,
    ...cards.filter((card) => throwableKinds.includes(card.kind)).map((card) => card.team),
    ...cards.map((card) => card.holder),
    ...log.flatMap((entry) => [entry.from, entry.to]),
  ]
  const unique: string[] = []
  for (const name of names.map((n) => n.trim()).filter(Boolean)) {
    if (!unique.some((known) => sameTeam(known, name))) unique.push(name)
  }
  return unique.toSorted((a, b) => a.localeCompare(b))
}
