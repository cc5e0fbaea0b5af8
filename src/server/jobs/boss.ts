import { startAccessibilityJobs } from '../modules/accessibility/jobs.js';
import { startAgreementJobs } from '../modules/agreements/jobs.js';
import { startAuditJobs } from '../modules/audit/jobs.js';
import type { FastifyBaseLogger } from 'fastify';
import { PgBoss, fromPglite } from 'pg-boss';
import { createLogger } from '../ops/logging.js';
import { startupMark } from '../ops/startup-timeline.js';
import type { AppContext } from '../context.js';
import type { Database } from '../db/client.js';
import type { Channels } from '../modules/notifications/deliver-message.js';
import { startNotificationJobs } from '../modules/notifications/jobs.js';
import { startDocumentJobs } from '../modules/documents/jobs.js';
import { startPrivacyJobs } from '../modules/privacy/jobs.js';
import { startStatisticsJobs } from '../modules/statistics/jobs.js';
import { startMaintenanceJobs } from './maintenance.js';

export type JobsLogger = Pick<FastifyBaseLogger, 'info' | 'warn' | 'error'>;

export type JobsOptions = {
  log?: JobsLogger;
  /** Idle workers look for jobs this often, in seconds; NOTIFY wakes them sooner (default 2). */
  pollingIntervalSeconds?: number;
  /** Channels to deliver through instead of the configured ones (tests). */
  channels?: Channels;
};

export type Jobs = {
  boss: PgBoss;
  /** Queue due customer messages now instead of at the next minute. */
  dispatchMessages(): Promise<void>;
  /** Run the customer-data retention purge now instead of at the next quarter hour. */
  purgeCustomerData(): Promise<void>;
  /** Refresh the statistics rollup now instead of at the next five minutes. */
  refreshStatistics(): Promise<void>;
  /** Vacuum the embedded database now instead of at night (nothing on PostgreSQL: autovacuum's work). */
  vacuumDatabase(): Promise<void>;
  /** Stops taking jobs, lets running ones finish (up to 15 s), closes pg-boss's connections. */
  stop(): Promise<void>;
};

/**
 * pg-boss on the app's database: in-process on the embedded PGlite (its one session, through pg-boss's adapter),
 * or its own small pool on PostgreSQL. Its tables live in the `pgboss` schema, beside the app's.
 */
export function createBoss(database: Database): PgBoss {
  if (database.kind === 'pglite') {
    if (!database.pglite) throw new Error('PGlite database without its instance');
    return new PgBoss({ db: fromPglite(database.pglite), backend: 'pglite', useListenNotify: true });
  }
  const connectionString = database.pool?.options.connectionString;
  if (!connectionString) throw new Error('PostgreSQL database without a connection string');
  return new PgBoss({ connectionString, max: 4, useListenNotify: true, application_name: 'etapiste-jobs' });
}

/** Starts pg-boss and the app's job handlers. main.ts calls it for `start`; tests that need jobs call it too. */
export async function startJobs(ctx: AppContext, opts: JobsOptions = {}): Promise<Jobs> {
  const log = opts.log ?? createLogger(ctx.config.logLevel, 'jobs');
  const boss = createBoss(ctx.database);
  boss.on('error', (err) => log.error({ err }, 'pg-boss error'));
  boss.on('warning', (warning) => log.warn({ warning }, 'pg-boss warning'));
  await boss.start();
  startupMark('pg-boss started');
  try {
    const notifications = await startNotificationJobs(ctx, boss, log, { pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 2, channels: opts.channels });
    startupMark('jobs: notifications');
    const documents = await startDocumentJobs(ctx, boss, log, { pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 2 });
    const agreements = await startAgreementJobs(ctx, boss, log, { pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 2 });
    const accessibility = await startAccessibilityJobs(ctx, boss, log, { pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 2 });
    const audit = await startAuditJobs(ctx, boss, log, { pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 2 });
    startupMark('jobs: documents, agreements, accessibility, audit');
    const privacy = await startPrivacyJobs(ctx, boss, log, { pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 2 });
    startupMark('jobs: privacy (purge run)');
    const statistics = await startStatisticsJobs(ctx, boss, log, { pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 2 });
    startupMark('jobs: statistics');
    const maintenance = await startMaintenanceJobs(ctx, boss, log, { pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 2 });
    return {
      boss,
      dispatchMessages: notifications.dispatch,
      purgeCustomerData: privacy.purge,
      refreshStatistics: statistics.refresh,
      vacuumDatabase: maintenance.vacuum,
      async stop() {
        await notifications.stop();
        await documents.stop();
        await agreements.stop();
        await accessibility.stop();
        await audit.stop();
        await privacy.stop();
        await statistics.stop();
        await maintenance.stop();
        await boss.stop({ graceful: true, timeout: 15_000 });
        notifications.close();
      },
    };
  } catch (error) {
    await boss.stop({ graceful: false });
    throw error;
  }
}
