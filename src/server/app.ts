import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import fastifyWebsocket from '@fastify/websocket';
import Fastify, { type FastifyInstance } from 'fastify';
import type { DestinationStream } from 'pino';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { registerAuthentication } from './auth/authenticate.js';
import { sessionCacheFor } from './auth/session-cache.js';
import { authRoutes } from './auth/routes.js';
import type { Config } from './config.js';
import type { AppContext } from './context.js';
import type { Database } from './db/client.js';
import { registerInputGuard } from './http/input-guard.js';
import { registerProblemHandlers } from './http/problem.js';
import { registerWeb } from './http/web.js';
import { modules } from './modules/index.js';
import { type AuditSealer, startAuditSealer } from './modules/audit/sealer.js';
import { registerHealth } from './ops/health.js';
import { loggerOptions } from './ops/logging.js';
import { registerMetrics } from './ops/metrics.js';
import { startupMark } from './ops/startup-timeline.js';
import { type EventBus, InProcessBus } from './realtime/bus.js';
import { registerRealtime, websocketOptions } from './realtime/routes.js';

/**
 * `heartbeatMs`: how often open WebSockets are pinged and their sessions re-checked (tests shorten it).
 * `clock`: the time the sign-in throttle judges delays by (tests move it instead of waiting).
 * `now`: the wall clock that business rules judge by, e.g. whether the point is open for walk-ins (tests set a time).
 * `auditSealIntervalMs`: how often the audit sealer looks for unsealed rows (tests lengthen it).
 * `logStream`: where the log goes instead of stdout (tests read it to prove what is never logged).
 */
export type BuildOptions = {
  config: Config;
  database: Database;
  bus?: EventBus;
  heartbeatMs?: number;
  clock?: () => number;
  now?: () => Date;
  auditSealIntervalMs?: number;
  logStream?: DestinationStream;
};

const trustHops = (hops: number) => (_address: string, hop: number) => hop < hops;

/** Builds the whole HTTP app on an open, migrated database. Tests call this too. */
export async function buildApp({ config, database, bus = new InProcessBus(), heartbeatMs, clock, now, auditSealIntervalMs, logStream }: BuildOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { ...loggerOptions(config.logLevel), ...(logStream ? { stream: logStream } : {}) },
    bodyLimit: 1024 * 1024,
    // A hop count as Fastify applies it (its types take no number): the nearest n proxies are believed.
    trustProxy: typeof config.trustProxy === 'number' ? trustHops(config.trustProxy) : config.trustProxy,
    ajv: { customOptions: { removeAdditional: false } },
  });
  const ctx: AppContext = { db: database.db, database, config, bus, now };
  app.addHook('onClose', () => bus.close());
  // Last-seen times still waiting for their batch are written before the database closes.
  app.addHook('onClose', () => sessionCacheFor(ctx).flush());
  // Every instance runs the audit chain's sequencer; the database lets one seal at a time.
  let sealer: AuditSealer | undefined;
  app.addHook('onReady', async () => {
    sealer = startAuditSealer(database.db, { intervalMs: auditSealIntervalMs, onError: (err) => app.log.warn({ err }, 'audit sealing failed') });
  });
  app.addHook('onClose', async () => sealer?.stop());

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerProblemHandlers(app);
  registerInputGuard(app);

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // styled-components injects <style> elements at run time; scripts stay strictly same-origin.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'", 'ws:', 'wss:'],
        mediaSrc: ["'self'", 'blob:'],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: config.production ? [] : null,
      },
    },
    crossOriginEmbedderPolicy: false,
  });
  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifyWebsocket, websocketOptions);
  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'Etäpiste API', version: '0.1.0', description: 'Remote customer service points' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'etapiste_session' },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  startupMark('app: fastify plugins');

  const registry = registerMetrics(app);
  registerHealth(app, ctx);
  registerAuthentication(app, ctx);
  authRoutes(app, ctx, { clock });
  registerRealtime(app, ctx, { registry, heartbeatMs });
  for (const register of modules) register(app, ctx);
  startupMark('app: routes');
  if (config.serveWeb) await registerWeb(app);
  startupMark('app: web files');
  return app;
}
