import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { parseTrustProxy, type TrustProxy } from './http/trust-proxy.js';

const bool = z
  .enum(['true', 'false', '1', '0', ''])
  .optional()
  .transform((v) => v === 'true' || v === '1');

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  DATA_DIR: z.string().default('./data'),
  /** postgres://… to run on a PostgreSQL server; empty means the embedded PGlite database in DATA_DIR. */
  DATABASE_URL: z.string().optional(),
  /** Demo mode seeds the Porvoo world and relaxes MFA for demo accounts. On unless NODE_ENV=production. */
  ETAPISTE_DEMO: bool,
  ETAPISTE_DEMO_PASSWORD: z.string().min(8).default('Etapiste-demo-2025'),
  /** Public address of the app, used in links (set-password links). */
  PUBLIC_URL: z.string().url().optional(),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
  SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(72).default(12),
  /** How long an instance may answer from its session cache without reading the session again (docs/sessions.md); 0 turns the cache off. */
  SESSION_CACHE_SECONDS: z.coerce.number().int().min(0).max(30).default(10),
  /** Sign-in throttling (docs/architecture.md): free failures per e-mail and per client address, then growing delays. */
  LOGIN_FREE_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  LOGIN_ADDRESS_FREE_FAILURES: z.coerce.number().int().min(1).max(10_000).default(20),
  LOGIN_DELAY_SECONDS: z.coerce.number().int().min(1).max(3600).default(2),
  LOGIN_MAX_DELAY_SECONDS: z.coerce.number().int().min(1).max(24 * 3600).default(300),
  LOGIN_RATE_PER_MINUTE: z.coerce.number().int().min(1).default(30),
  /** Which proxies may tell the client's address (X-Forwarded-For): off, a hop count, or proxy addresses/CIDRs. */
  TRUST_PROXY: z.string().optional(),
  /** Bookings: earliest start after now, latest start ahead, and the grid of start times. */
  BOOKING_MIN_NOTICE_MINUTES: z.coerce.number().int().min(0).default(60),
  BOOKING_HORIZON_DAYS: z.coerce.number().int().min(1).max(730).default(90),
  SLOT_STEP_MINUTES: z.coerce.number().int().min(5).max(60).default(15),
  /** Public booking (docs/public-booking.md): the manage link moves or cancels until this long before the start. */
  PUBLIC_BOOKING_CUTOFF_MINUTES: z.coerce.number().int().min(0).max(7 * 24 * 60).default(120),
  /** At most this many online bookings an hour from one client address, and upcoming ones per phone/e-mail per agency. */
  PUBLIC_BOOKING_PER_ADDRESS_HOUR: z.coerce.number().int().min(1).max(10_000).default(10),
  PUBLIC_BOOKING_UPCOMING_PER_CONTACT: z.coerce.number().int().min(1).max(100).default(2),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  NODE_ENV: z.string().default('development'),
  /** Serve the built web app from dist/web (false in tests of the API only). */
  SERVE_WEB: bool,
  /** Background jobs (customer messages): pg-boss in this process. On unless set false. */
  JOBS_ENABLED: bool,
  /** Customer e-mail: smtp://user:pass@host:587 or smtps://…; empty means e-mails are not sent (marked skipped). */
  SMTP_URL: z.string().url().optional().or(z.literal('')),
  MAIL_FROM: z.string().min(3).default('Etäpiste <noreply@etapiste.localhost>'),
  /** Customer SMS: POST {to, text, reference} as JSON to this gateway; empty means SMS are not sent. */
  SMS_GATEWAY_URL: z.string().url().optional().or(z.literal('')),
  SMS_GATEWAY_TOKEN: z.string().optional(),
  /** A message whose channel refuses it is retried with exponential backoff from this delay, up to the attempts. */
  MESSAGE_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(5),
  MESSAGE_RETRY_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  /** Call buttons over MQTT: mqtt://host:1883 (or mqtts://); empty means no MQTT listener. */
  MQTT_URL: z.string().url().optional().or(z.literal('')),
  /** Instances share one MQTT subscription ($share/<group>/…), so each press is handled once. */
  MQTT_SHARE_GROUP: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/).default('etapiste'),
  /** An unacknowledged call (or identity check) alerts the desks again this often, and goes to coordinators after. */
  CALL_REPEAT_SECONDS: z.coerce.number().int().min(5).max(3600).default(30),
  CALL_ESCALATE_SECONDS: z.coerce.number().int().min(10).max(24 * 3600).default(120),
  /** A press this soon after the last press of an acknowledged call joins it instead of opening a new call. */
  CALL_JOIN_SECONDS: z.coerce.number().int().min(0).max(600).default(10),
  /** An acknowledged call nobody closed is closed this long after the acknowledgement (the advisor went in). */
  CALL_AUTO_CLOSE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
  /** How often the repeat/escalation sweep runs. */
  ASSISTANCE_SWEEP_SECONDS: z.coerce.number().int().min(1).max(300).default(5),
  /** Meetings (docs/meetings.md): TURN servers (comma-separated turn:/turns: URLs) and coturn's shared secret. */
  TURN_URLS: z.string().optional(),
  TURN_SECRET: z.string().optional(),
  /** How long a TURN credential handed to a participant stays valid. */
  TURN_TTL_SECONDS: z.coerce.number().int().min(60).max(24 * 3600).default(4 * 3600),
  STUN_URLS: z.string().optional(),
  /** `relay` forces every media path through TURN (networks that must not expose addresses). */
  ICE_TRANSPORT_POLICY: z.enum(['all', 'relay']).default('all'),
  /** The interpreter's link opens this long before the booking and closes this long after its end. */
  INTERPRETER_LINK_MARGIN_MINUTES: z.coerce.number().int().min(0).max(240).default(15),
  /** A booking can be checked in (at the desk or the kiosk) from this long before its start until its end. */
  CHECK_IN_OPENS_MINUTES: z.coerce.number().int().min(0).max(24 * 60).default(60),
  /** Documents (docs/documents.md): the master key wrapping the agencies' keys, base64 of 32 bytes. */
  DOCUMENT_MASTER_KEY: z.string().optional(),
  /** The master key before a rotation, while `rotate-document-keys --master` rewraps the agency keys. */
  DOCUMENT_MASTER_KEY_PREVIOUS: z.string().optional(),
  DOCUMENT_RETENTION_DAYS: z.coerce.number().int().min(1).max(90).default(14),
  DOCUMENT_WARN_DAYS: z.coerce.number().int().min(0).max(30).default(2),
  DOCUMENT_KEEP_AFTER_ACK_HOURS: z.coerce.number().min(0).max(24 * 14).default(0),
  DOCUMENT_MAX_FILE_MB: z.coerce.number().min(0.01).max(100).default(20),
  DOCUMENT_MAX_PAGES: z.coerce.number().int().min(1).max(500).default(50),
  /** Customer data (docs/privacy.md): days after a booking ended until its customer's data is removed; agencies may override. */
  CUSTOMER_DATA_RETENTION_DAYS: z.coerce.number().int().min(1).max(730).default(30),
  /** Time reports (docs/time-reports.md): standard minutes of a suggested entry whose events give no duration. */
  TIME_STANDARD_BOOKING_MINUTES: z.coerce.number().int().min(1).max(240).default(10),
  TIME_STANDARD_WALK_IN_MINUTES: z.coerce.number().int().min(1).max(240).default(10),
  TIME_STANDARD_CALL_MINUTES: z.coerce.number().int().min(1).max(240).default(10),
  TIME_STANDARD_IDENTITY_CHECK_MINUTES: z.coerce.number().int().min(1).max(240).default(10),
  TIME_STANDARD_HANDOVER_MINUTES: z.coerce.number().int().min(1).max(240).default(15),
  /** A measured duration longer than this (a call nobody closed, a draft left open) is suggested as this long. */
  TIME_MEASURED_MAX_MINUTES: z.coerce.number().int().min(1).max(1440).default(120),
  /** Accessibility feedback (306/2019): how many messages one client address may send per hour. */
  ACCESSIBILITY_FEEDBACK_PER_HOUR: z.coerce.number().int().min(1).max(10_000).default(5),
  /** Audit events are kept this many years, then removed behind a chain anchor (docs/architecture.md, Audit log). */
  AUDIT_RETENTION_YEARS: z.coerce.number().int().min(1).max(100).default(5),
  /** One OpenID Connect provider by environment (docs/oidc.md); more are configured by the main admin. */
  OIDC_ISSUER: z.string().url().optional().or(z.literal('')),
  OIDC_CLIENT_ID: z.string().optional(),
  OIDC_CLIENT_SECRET: z.string().optional(),
  /** The short name of the organisation whose accounts the provider signs in (e.g. `Kela`). */
  OIDC_ORGANISATION: z.string().optional(),
  OIDC_NAME: z.string().max(100).optional(),
});

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl?: string;
  demo: boolean;
  demoPassword: string;
  publicUrl?: string;
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  sessionCacheSeconds: number;
  loginFreeFailures: number;
  loginAddressFreeFailures: number;
  loginDelaySeconds: number;
  loginMaxDelaySeconds: number;
  loginRatePerMinute: number;
  /** Fastify's `trustProxy`: false, a hop count, or the proxies' addresses/CIDRs. */
  trustProxy: TrustProxy;
  bookingMinNoticeMinutes: number;
  bookingHorizonDays: number;
  slotStepMinutes: number;
  publicBookingCutoffMinutes: number;
  publicBookingPerAddressHour: number;
  publicBookingUpcomingPerContact: number;
  logLevel: string;
  production: boolean;
  serveWeb: boolean;
  jobsEnabled: boolean;
  smtpUrl?: string;
  mailFrom: string;
  smsGatewayUrl?: string;
  smsGatewayToken?: string;
  messageMaxAttempts: number;
  messageRetrySeconds: number;
  mqttUrl?: string;
  mqttShareGroup: string;
  callRepeatSeconds: number;
  callEscalateSeconds: number;
  callJoinSeconds: number;
  callAutoCloseMinutes: number;
  assistanceSweepSeconds: number;
  turnUrls: string[];
  turnSecret?: string;
  turnTtlSeconds: number;
  stunUrls: string[];
  iceTransportPolicy: 'all' | 'relay';
  interpreterLinkMarginMinutes: number;
  checkInOpensMinutes: number;
  /** Undefined until main.ts resolves it (DOCUMENT_MASTER_KEY, or a demo key in the data folder). */
  documentMasterKey?: Buffer;
  documentMasterKeyPrevious?: Buffer;
  documentRetentionDays: number;
  customerDataRetentionDays: number;
  documentWarnDays: number;
  documentKeepAfterAckHours: number;
  documentMaxFileBytes: number;
  documentMaxPages: number;
  /** Standard minutes per suggestion source when its events give no duration. */
  timeStandardMinutes: { call: number; 'identity-check': number; 'booking-event': number; 'walk-in': number; handover: number };
  timeMeasuredMaxMinutes: number;
  accessibilityFeedbackPerHour: number;
  auditRetentionYears: number;
  /** The OpenID Connect provider configured by environment variables, if any. */
  oidc?: { issuer: string; clientId: string; clientSecret?: string; organisation: string; name: string };
};

const list = (value: string | undefined) => (value ?? '').split(',').map((v) => v.trim()).filter(Boolean);

/** A 256-bit key given as base64 (standard or URL-safe). */
function keyFromBase64(name: string, value: string | undefined): Buffer | undefined {
  if (!value) return undefined;
  const key = Buffer.from(value, 'base64');
  if (key.length !== 32) throw new Error(`Invalid configuration:\n  ${name}: must be base64 of exactly 32 bytes (openssl rand -base64 32)`);
  return key;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Invalid configuration:\n${lines}`);
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  const demo = env.ETAPISTE_DEMO === undefined ? !production : e.ETAPISTE_DEMO;
  // Demo mode seeds accounts with a published password and no MFA: never on a production system.
  if (production && demo) {
    throw new Error('Invalid configuration:\n  ETAPISTE_DEMO: demo mode cannot run with NODE_ENV=production (it seeds accounts with the published demo password); unset ETAPISTE_DEMO');
  }
  const trustProxy = parseTrustProxy(e.TRUST_PROXY);
  if (typeof trustProxy === 'object' && 'error' in trustProxy) throw new Error(`Invalid configuration:\n  TRUST_PROXY: ${trustProxy.error}`);
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: e.DATA_DIR,
    databaseUrl: e.DATABASE_URL || undefined,
    demo,
    demoPassword: e.ETAPISTE_DEMO_PASSWORD,
    publicUrl: e.PUBLIC_URL,
    sessionIdleMinutes: e.SESSION_IDLE_MINUTES,
    sessionMaxHours: e.SESSION_MAX_HOURS,
    sessionCacheSeconds: e.SESSION_CACHE_SECONDS,
    loginFreeFailures: e.LOGIN_FREE_FAILURES,
    loginAddressFreeFailures: e.LOGIN_ADDRESS_FREE_FAILURES,
    loginDelaySeconds: e.LOGIN_DELAY_SECONDS,
    loginMaxDelaySeconds: Math.max(e.LOGIN_MAX_DELAY_SECONDS, e.LOGIN_DELAY_SECONDS),
    loginRatePerMinute: e.LOGIN_RATE_PER_MINUTE,
    trustProxy,
    bookingMinNoticeMinutes: e.BOOKING_MIN_NOTICE_MINUTES,
    bookingHorizonDays: e.BOOKING_HORIZON_DAYS,
    slotStepMinutes: e.SLOT_STEP_MINUTES,
    publicBookingCutoffMinutes: e.PUBLIC_BOOKING_CUTOFF_MINUTES,
    publicBookingPerAddressHour: e.PUBLIC_BOOKING_PER_ADDRESS_HOUR,
    publicBookingUpcomingPerContact: e.PUBLIC_BOOKING_UPCOMING_PER_CONTACT,
    logLevel: e.LOG_LEVEL,
    production,
    serveWeb: env.SERVE_WEB === undefined ? true : e.SERVE_WEB,
    jobsEnabled: env.JOBS_ENABLED === undefined ? true : e.JOBS_ENABLED,
    smtpUrl: e.SMTP_URL || undefined,
    mailFrom: e.MAIL_FROM,
    smsGatewayUrl: e.SMS_GATEWAY_URL || undefined,
    smsGatewayToken: e.SMS_GATEWAY_TOKEN || undefined,
    messageMaxAttempts: e.MESSAGE_MAX_ATTEMPTS,
    messageRetrySeconds: e.MESSAGE_RETRY_SECONDS,
    mqttUrl: e.MQTT_URL || undefined,
    mqttShareGroup: e.MQTT_SHARE_GROUP,
    callRepeatSeconds: e.CALL_REPEAT_SECONDS,
    callEscalateSeconds: e.CALL_ESCALATE_SECONDS,
    callJoinSeconds: e.CALL_JOIN_SECONDS,
    callAutoCloseMinutes: e.CALL_AUTO_CLOSE_MINUTES,
    assistanceSweepSeconds: e.ASSISTANCE_SWEEP_SECONDS,
    turnUrls: list(e.TURN_URLS),
    turnSecret: e.TURN_SECRET || undefined,
    turnTtlSeconds: e.TURN_TTL_SECONDS,
    stunUrls: list(e.STUN_URLS),
    iceTransportPolicy: e.ICE_TRANSPORT_POLICY,
    interpreterLinkMarginMinutes: e.INTERPRETER_LINK_MARGIN_MINUTES,
    checkInOpensMinutes: e.CHECK_IN_OPENS_MINUTES,
    documentMasterKey: keyFromBase64('DOCUMENT_MASTER_KEY', e.DOCUMENT_MASTER_KEY),
    documentMasterKeyPrevious: keyFromBase64('DOCUMENT_MASTER_KEY_PREVIOUS', e.DOCUMENT_MASTER_KEY_PREVIOUS),
    documentRetentionDays: e.DOCUMENT_RETENTION_DAYS,
    customerDataRetentionDays: e.CUSTOMER_DATA_RETENTION_DAYS,
    documentWarnDays: e.DOCUMENT_WARN_DAYS,
    documentKeepAfterAckHours: e.DOCUMENT_KEEP_AFTER_ACK_HOURS,
    documentMaxFileBytes: Math.round(e.DOCUMENT_MAX_FILE_MB * 1024 * 1024),
    documentMaxPages: e.DOCUMENT_MAX_PAGES,
    timeStandardMinutes: {
      call: e.TIME_STANDARD_CALL_MINUTES,
      'identity-check': e.TIME_STANDARD_IDENTITY_CHECK_MINUTES,
      'booking-event': e.TIME_STANDARD_BOOKING_MINUTES,
      'walk-in': e.TIME_STANDARD_WALK_IN_MINUTES,
      handover: e.TIME_STANDARD_HANDOVER_MINUTES,
    },
    timeMeasuredMaxMinutes: e.TIME_MEASURED_MAX_MINUTES,
    accessibilityFeedbackPerHour: e.ACCESSIBILITY_FEEDBACK_PER_HOUR,
    auditRetentionYears: e.AUDIT_RETENTION_YEARS,
    oidc: oidcFromEnv(e, production),
  };
}

function oidcFromEnv(e: z.infer<typeof schema>, production: boolean): Config['oidc'] {
  if (!e.OIDC_ISSUER) return undefined;
  const problems = [
    !e.OIDC_CLIENT_ID && 'OIDC_CLIENT_ID: required with OIDC_ISSUER',
    !e.OIDC_ORGANISATION && 'OIDC_ORGANISATION: required with OIDC_ISSUER (the short name of the organisation, e.g. Kela)',
    production && !e.OIDC_ISSUER.startsWith('https://') && 'OIDC_ISSUER: must be https:// in production',
    !e.PUBLIC_URL && 'PUBLIC_URL: required with OIDC_ISSUER (the redirect URI is <PUBLIC_URL>/api/auth/oidc/callback)',
  ].filter(Boolean);
  if (problems.length > 0) throw new Error(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  return {
    issuer: e.OIDC_ISSUER,
    clientId: e.OIDC_CLIENT_ID!,
    clientSecret: e.OIDC_CLIENT_SECRET || undefined,
    organisation: e.OIDC_ORGANISATION!,
    name: e.OIDC_NAME || e.OIDC_ORGANISATION!,
  };
}

/** Config for tests: defaults plus overrides, never read from the process environment. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return { ...loadConfig({ LOG_LEVEL: 'silent', SERVE_WEB: 'false', ETAPISTE_DEMO: 'true' }), documentMasterKey: randomBytes(32), ...overrides };
}
