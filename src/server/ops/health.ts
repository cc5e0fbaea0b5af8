import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import type { AppContext } from '../context.js';
import { sendProblem } from '../http/problem.js';
import { printStartupTimeline, startupMark } from './startup-timeline.js';

let firstReady = true;

export function registerHealth(app: FastifyInstance, ctx: AppContext) {
  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  // Ready once the database answers and the migrations have run (the last table of the schema exists).
  app.get('/readyz', { schema: { hide: true } }, async (_request, reply) => {
    try {
      await ctx.db.execute(sql`SELECT 1 FROM audit_events LIMIT 1`);
      if (firstReady) {
        firstReady = false;
        startupMark('first /readyz ready');
        printStartupTimeline('at first ready');
      }
      return { status: 'ready', database: ctx.database.kind };
    } catch {
      return sendProblem(reply, { type: 'about:blank', title: 'Not ready', status: 503, code: 'not_ready', detail: 'Database not reachable or not migrated' });
    }
  });
}
