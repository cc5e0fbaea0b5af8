import type { AppContext } from '../context.js';
import type { Db } from '../db/client.js';
import { type EventBus, RESYNC_EVENT } from '../realtime/bus.js';
import { sessionRepository } from './session-repository.js';

/**
 * Published after every write that can change what a session may do (docs/sessions.md): sign-out, a user's
 * sessions ended, password or MFA set or reset, a user deactivated or changed, roles changed, an organisation
 * changed. `id` is the user (their sessions are dropped), `agencyId` an organisation (every session of its users and
 * of anyone holding a role in it is dropped); neither: every cached session is dropped. Never forwarded to clients
 * (realtime/event-access.ts lists no gate for it).
 */
export const AUTH_CHANGED = 'auth.changed';

export type AuthScope = { userId?: string; organisationId?: string };

/** Call after the write has committed (outside its transaction): this instance forgets at once, the others on NOTIFY. */
export async function authChanged(ctx: Pick<AppContext, 'bus'>, scope: AuthScope = {}): Promise<void> {
  // Confirmed: the write is acknowledged only once PostgreSQL has handed the event to every listening instance.
  await ctx.bus.publish({ type: AUTH_CHANGED, id: scope.userId, agencyId: scope.organisationId }, { confirmed: true });
}

export type FoundSession = NonNullable<Awaited<ReturnType<typeof sessionRepository.findWithUser>>>;
type Entry = { found: FoundSession; until: number; lastSeen: number };

/** How long pending last-seen times wait before one UPDATE writes them all. */
const TOUCH_FLUSH_MS = 5_000;

/**
 * The instance's sessions, so an authenticated request needs no round trip: each entry is kept at most
 * `SESSION_CACHE_SECONDS` and dropped at once on `auth.changed` (and all of them on a resync, or while the event bus
 * cannot hear the other instances). Last-seen times are written in batches, not per request.
 */
export class SessionCache {
  private readonly entries = new Map<string, Entry>();
  /** Bumped by every invalidation: a load that began before one is used once but not kept (it may predate the write). */
  private epoch = 0;
  private readonly touches = new Map<string, Date>();
  private flushTimer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Db,
    private readonly bus: EventBus,
    private readonly maxAgeMs: number,
  ) {}

  /** False while invalidations could be missed (the bus's LISTEN connection is down): every request reads. */
  private get trustworthy(): boolean {
    return this.maxAgeMs > 0 && this.bus.listening !== false;
  }

  /** The session with its user and roles, and the last activity this instance knows of (ms). */
  async find(idHash: string, now: number): Promise<{ found: FoundSession; lastSeen: number } | undefined> {
    const trusted = this.trustworthy;
    if (trusted) {
      const hit = this.entries.get(idHash);
      if (hit && hit.until > now) return hit;
    } else if (this.entries.size > 0) this.clear();
    const epoch = this.epoch;
    const found = await sessionRepository.findWithUser(this.db, idHash);
    if (!found) {
      this.entries.delete(idHash);
      return undefined;
    }
    const pending = this.touches.get(idHash)?.getTime() ?? 0;
    const entry = { found, until: now + this.maxAgeMs, lastSeen: Math.max(found.session.lastSeenAt.getTime(), pending) };
    if (trusted && epoch === this.epoch && this.trustworthy) this.entries.set(idHash, entry);
    return entry;
  }

  /** Records activity; written with others within a few seconds, never awaited by the request. */
  touch(idHash: string, at: number) {
    const entry = this.entries.get(idHash);
    if (entry) entry.lastSeen = at;
    this.touches.set(idHash, new Date(at));
    if (!this.flushTimer) {
      this.flushTimer = setTimeout(() => void this.flush(), TOUCH_FLUSH_MS);
      this.flushTimer.unref();
    }
  }

  /** Writes the pending last-seen times in one statement. */
  flush(): Promise<void> {
    clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    if (this.touches.size === 0) return this.flushing;
    const batch = [...this.touches];
    this.touches.clear();
    this.flushing = this.flushing.then(() => sessionRepository.touchMany(this.db, batch)).catch(() => undefined);
    return this.flushing;
  }

  forget(idHash: string) {
    this.epoch++;
    this.entries.delete(idHash);
    this.touches.delete(idHash);
  }

  invalidate(scope: AuthScope) {
    this.epoch++;
    if (!scope.userId && !scope.organisationId) return this.entries.clear();
    for (const [key, { found }] of this.entries) {
      const hit =
        found.user.id === scope.userId ||
        (scope.organisationId !== undefined && (found.user.organisationId === scope.organisationId || found.roles.some((r) => r.organisationId === scope.organisationId)));
      if (hit) this.entries.delete(key);
    }
  }

  clear() {
    this.epoch++;
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}

const shared = new WeakMap<EventBus, SessionCache>();

/** The app instance's session cache (one per event bus, which is one per instance). */
export function sessionCacheFor(ctx: Pick<AppContext, 'database' | 'config' | 'bus'>): SessionCache {
  let cache = shared.get(ctx.bus);
  if (!cache) {
    const created = new SessionCache(ctx.database.db, ctx.bus, ctx.config.sessionCacheSeconds * 1000);
    ctx.bus.subscribe((event) => {
      if (event.type === AUTH_CHANGED) created.invalidate({ userId: event.id, organisationId: event.agencyId });
      else if (event.type === RESYNC_EVENT) created.clear();
    });
    shared.set(ctx.bus, (cache = created));
  }
  return cache;
}
