import { randomUUID } from 'node:crypto';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { sql } from 'drizzle-orm';
import type { Db } from '../../src/server/db/client.js';
import type { TestApp } from '../helpers/app.js';
import { signIn } from '../helpers/app.js';
import { createUser } from '../helpers/factories.js';
import { assistanceWorld, bookingNow, createButton, pairTerminal, signInWorld } from '../helpers/assistance.js';
import { createInterpreter, workingDayAhead } from '../helpers/scheduling.js';

type Send = (opts: InjectOptions) => Promise<LightMyRequestResponse>;
export type Principal = { name: string; send: Send };

/**
 * A world with one of everything a write route can address (a booking on now, its meeting, a handover, a call,
 * an incident, a closure, terminals, buttons, agency tokens…) and the principals that may use the routes:
 * staff sessions, a paired terminal, a call button and an agency system. Targets that a route revokes or
 * deactivates are spares, so the principals stay usable for the whole run.
 */
export async function fuzzWorld(t: TestApp) {
  const { app, ctx } = t;
  const w = await assistanceWorld(ctx.db);
  const staff = await signInWorld(app, w);
  const booking = await bookingNow(ctx.db, w, 'checked-in');
  const interpreter = await createInterpreter(ctx.db, ['fi']);
  const terminal = await pairTerminal(app, staff.admin, w.room.id);
  const spareTerminal = await staff.admin.post(`/api/rooms/${w.room.id}/terminals`, { name: 'Varalla' });
  const button = await createButton(app, staff.admin, w.room.id);
  const spareButton = await createButton(app, staff.admin, w.room.id, 'Varalla');
  await button.press();
  const agencyAdmin = await createUser(ctx.db, { organisationId: w.agency.id, role: 'agency-admin' });
  const agencyStaff = await signIn(app, agencyAdmin.email);
  const token = (scope: string) => agencyStaff.post(`/api/agencies/${w.agency.id}/api-tokens`, { name: `Fuzz ${scope}`, scopes: ['documents:read', 'documents:acknowledge'] });
  const agencyToken = (await token('system')).json() as { token: string };
  const spareToken = (await token('spare')).json() as { apiToken: { id: string } };
  const meeting = await staff.advisor.post(`/api/bookings/${booking.id}/meeting`, {});
  const meetingId = (meeting.json() as { id?: string }).id;
  const link = meetingId ? ((await staff.advisor.post(`/api/meetings/${meetingId}/interpreter-link`, {})).json() as { code?: string }) : {};
  const handover = (await staff.advisor.post('/api/documents', { bookingId: booking.id, kind: 'application', language: 'fi' })).json() as { id?: string };
  const day = workingDayAhead(10);
  await staff.admin.post(`/api/service-points/${w.point.id}/closures`, { startsOn: day, endsOn: day, reason: 'Remontti' });
  await staff.advisor.post('/api/incidents', { roomId: w.room.id, category: 'video', bookingId: booking.id });
  await staff.advisor.post('/api/walk-ins', { servicePointId: w.point.id, agencyId: w.agency.id, serviceId: w.service.id, customerName: 'Kävijä', language: 'fi' });
  await staff.expert.post(`/api/bookings/${booking.id}/identity-checks`, {});

  const first = async (table: string) => (await rowsOf<{ id: string }>(ctx.db, `select id::text from ${table} limit 1`))[0]?.id;
  const byResource: Record<string, string | undefined> = {
    organisations: w.agency.id,
    agencies: w.agency.id,
    'service-points': w.point.id,
    rooms: w.room.id,
    terminals: (spareTerminal.json() as { terminal: { id: string } }).terminal.id,
    users: w.elsewhere.id,
    experts: w.expert.id,
    interpreters: interpreter.id,
    closures: await first('closures'),
    bookings: booking.id,
    'walk-ins': await first('walk_ins'),
    buttons: spareButton.id,
    calls: await first('calls'),
    'identity-checks': await first('identity_checks'),
    incidents: await first('incidents'),
    meetings: meetingId,
    documents: handover.id,
    'agency-tokens': spareToken.apiToken.id,
  };
  const byField: Record<string, string> = {
    servicePointId: w.point.id,
    agencyId: w.agency.id,
    serviceId: w.service.id,
    roomId: w.room.id,
    bookingId: booking.id,
    expertId: w.expert.id,
    organisationId: w.contractor.id,
    userId: w.expert.id,
    meetingId: meetingId ?? randomUUID(),
  };

  /** The id a path parameter or body field most likely means: `/api/rooms/{id}` → the room. */
  const pathParams = (path: string): Record<string, string> => {
    const params: Record<string, string> = {};
    for (const m of path.matchAll(/\/([\w-]+)\/\{(\w+)\}/g)) {
      const [, resource, name] = m as unknown as [string, string, string];
      if (path === '/api/buttons/{id}/press') params[name] = button.id;
      else if (name === 'code') params[name] = link.code ?? 'A'.repeat(20);
      else params[name] = byField[name] ?? byResource[resource] ?? randomUUID();
    }
    return params;
  };
  const idFor = (key: string) => byField[key] ?? randomUUID();

  const bearer = (name: string, token: string): Principal => ({
    name,
    send: (opts) => app.inject({ ...opts, headers: { ...opts.headers, authorization: `Bearer ${token}` } }),
  });
  const anonymous: Principal = { name: 'anonymous', send: (opts) => app.inject(opts) };
  const session = (name: keyof typeof staff): Principal => ({ name, send: (opts) => staff[name].request(opts) });

  /** Who may use a route: its device or system for device routes, else staff in three roles. */
  const principalsFor = (path: string): Principal[] => {
    if (/^\/api\/(auth\/(login|logout|set-password)|join\/|terminal\/pair|password-tokens\/)/.test(path)) return [anonymous];
    if (path.startsWith('/api/terminal/')) return [bearer('terminal', terminal.token)];
    if (path === '/api/buttons/{id}/press') return [bearer('button', button.token)];
    if (path.startsWith('/api/agency/')) return [bearer('agency-system', agencyToken.token)];
    return [session('admin'), session('advisor'), session('expert')];
  };

  return { w, day, pathParams, idFor, principalsFor };
}

/**
 * Row count and an order-independent checksum of every application table, so a refused request can be shown
 * to have changed nothing. Left out: the append-only audit log, sessions, and the `last_seen_at`/`last_used_at`
 * stamps that authenticating a device or token moves before any route runs.
 */
export async function stateOf(db: Db): Promise<string> {
  const tables = await rowsOf<{ name: string }>(
    db,
    `select table_name::text as name from information_schema.tables
     where table_schema = 'public' and table_type = 'BASE TABLE' and table_name not in ('audit_events', 'sessions') order by 1`,
  );
  const parts = tables.map(
    ({ name }) =>
      `select '${name}' as t, count(*)::text as n, coalesce(sum(('x' || substr(md5((to_jsonb(x) - 'last_seen_at' - 'last_used_at')::text), 1, 15))::bit(60)::bigint), 0)::text as h from "${name}" x`,
  );
  const rows = await rowsOf<{ t: string; n: string; h: string }>(db, parts.join(' union all '));
  return rows.map((r) => `${r.t}:${r.n}:${r.h}`).join('\n');
}

async function rowsOf<T>(db: Db, query: string): Promise<T[]> {
  return ((await db.execute(sql.raw(query))) as unknown as { rows: T[] }).rows;
}
