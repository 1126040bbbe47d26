import type { Config } from './config.ts'
import type { RoomManager } from './rooms/RoomManager.ts'
import type { Database } from './storage/database.ts'

/** What route handlers and socket sessions share: settings, the database and the rooms. */
export interface AppContext {
  config: Config
  db: Database
  rooms: RoomManager
}
