import { eq } from 'drizzle-orm';
import type { FastifyInstance, InjectOptions } from 'fastify';
import type { Db } from '../../src/server/db/client.js';
import { services } from '../../src/server/db/schema/index.js';
import { bookingWorld } from './scheduling.js';

/** A booking world whose service customers may book online (notice and horizon as given; defaults: 0 min, 60 days). */
export async function publicWorld(db: Db, opts: Parameters<typeof bookingWorld>[1] & { noticeMinutes?: number; horizonDays?: number } = {}) {
  const w = await bookingWorld(db, opts);
  await db
    .update(services)
    .set({ onlineBooking: true, onlineNoticeMinutes: opts.noticeMinutes ?? 0, onlineHorizonDays: opts.horizonDays ?? 60 })
    .where(eq(services.id, w.service.id));
  return w;
}
export type PublicWorld = Awaited<ReturnType<typeof publicWorld>>;

let n = 0;
/** A customer of their own: a fresh phone number and e-mail address each time. */
export const newCustomer = (name = 'Maija Meikäläinen') => {
  n++;
  return { name, phone: `040 ${String(1_000_000 + ((Date.now() + n * 7919) % 8_999_999)).slice(0, 7)}`, email: `asiakas-${process.pid}-${n}@example.com` };
};

export const publicBody = (w: PublicWorld, start: string, extra: Record<string, unknown> = {}) => ({
  servicePointId: w.point.id,
  agencyId: w.agency.id,
  serviceId: w.service.id,
  start,
  customer: newCustomer(),
  language: 'fi',
  ...extra,
});

/** A customer's browser: no cookie, from the given client address. */
export function publicClient(app: FastifyInstance, remoteAddress = '203.0.113.1') {
  const request = (opts: InjectOptions) => app.inject({ remoteAddress, ...opts });
  return {
    get: (url: string) => request({ method: 'GET', url }),
    post: (url: string, payload: unknown) => request({ method: 'POST', url, payload: payload as InjectOptions['payload'] }),
    patch: (url: string, payload: unknown) => request({ method: 'PATCH', url, payload: payload as InjectOptions['payload'] }),
    delete: (url: string) => request({ method: 'DELETE', url }),
  };
}
