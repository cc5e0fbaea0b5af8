import { parseArgs } from 'node:util';
import { createLogger } from './ops/logging.js';
import { buildApp } from './app.js';
import { loadConfig } from './config.js';
import { openDatabase } from './db/client.js';
import { DEMO_PAIRING_CODE, DEMO_USERS, isEmpty, seedDemo } from './db/seed/demo.js';
import { ensureDemoMeetingBooking } from './db/seed/demo-meeting.js';
import { type Jobs, startJobs } from './jobs/boss.js';
import { InProcessBus } from './realtime/bus.js';
import { createBus } from './realtime/create-bus.js';
import type { MqttButtons } from './modules/assistance/mqtt-buttons.js';
import { startAssistanceSweep } from './modules/assistance/sweep.js';
import { createFirstAdmin } from './modules/users/create-first-admin.js';
import { resolveMasterKey } from './crypto/master-key.js';
import { rotateAgencyKey, rotateMasterKey } from './modules/documents/keys.js';
import { resealClientSecrets } from './auth/oidc/providers.js';
import { resealTotpSecrets } from './auth/totp-secret.js';
import { printStartupTimeline, startupMark } from './ops/startup-timeline.js';

const usage = `Usage: tsx src/server/main.ts <command>
  start                       migrate, seed demo data when empty (demo mode), serve
  migrate                     apply database migrations
  seed                        seed the demo world into an empty database
  create-admin --email E --name N [--organisation "fi name" --organisation-sv "sv name" --organisation-en "en name"
               --short-name VM --short-name-sv FM --short-name-en VM]
                              create the first main admin; prints a one-time set-password link. Without
                              --organisation: Valtiovarainministeriö / Finansministeriet (VM / FM). A language
                              not given takes the Finnish name (the command says so; fix it in admin)
  rotate-document-keys [--master] [--agency ID]...
                              --master: wrap every agency key with DOCUMENT_MASTER_KEY (the old key in
                              DOCUMENT_MASTER_KEY_PREVIOUS); --agency: replace that agency's key`;

async function main() {
  startupMark('modules loaded');
  const [command, ...rest] = process.argv.slice(2);
  const config = loadConfig();
  const database = await openDatabase(config);
  startupMark('database open');
  const started = Date.now();
  await database.migrate();
  startupMark('migrations checked');

  if (command === 'migrate') {
    console.log(`migrations applied (${database.kind})`);
    return database.close();
  }
  if (command === 'seed') {
    if (await isEmpty(database.db)) await seedDemo(database.db, config.demoPassword);
    console.log('demo data seeded');
    return database.close();
  }
  if (command === 'create-admin') {
    const text = { type: 'string' } as const;
    const options = { email: text, name: text, organisation: text, 'organisation-sv': text, 'organisation-en': text, 'short-name': text, 'short-name-sv': text, 'short-name-en': text };
    const { values } = parseArgs({ args: rest, options });
    if (!values.email || !values.name) throw new Error(usage);
    const names = (fi?: string, sv?: string, en?: string) => (fi ? { fi, sv, en } : undefined);
    const { url, copiedLanguages } = await createFirstAdmin(
      { db: database.db, database, config, bus: new InProcessBus() },
      {
        email: values.email,
        name: values.name,
        organisationName: names(values.organisation, values['organisation-sv'], values['organisation-en']),
        organisationShortName: names(values['short-name'], values['short-name-sv'], values['short-name-en']),
      },
    );
    console.log(`Main admin created. Set the password within 24 hours at:\n  ${url}`);
    if (copiedLanguages.length) console.log(`The organisation's name in ${copiedLanguages.join(' and ')} is the Finnish one for now: correct it in admin → organisations.`);
    return database.close();
  }
  if (command === 'rotate-document-keys') {
    const { values } = parseArgs({ args: rest, options: { master: { type: 'boolean' }, agency: { type: 'string', multiple: true } } });
    if (!values.master && !values.agency?.length) throw new Error(usage);
    config.documentMasterKey = await resolveMasterKey(config);
    const ctx = { db: database.db, database, config, bus: new InProcessBus() };
    const actor = { kind: 'system' as const, component: 'cli' };
    if (values.master) {
      console.log(`master key ${(await rotateMasterKey(ctx, actor)).masterKeyId}: agency keys rewrapped`);
      console.log(`${await resealTotpSecrets(database.db, config)} TOTP secrets sealed under the new master key`);
      console.log(`${await resealClientSecrets(database.db, config)} identity providers' client secrets sealed under the new master key`);
    }
    for (const agencyId of values.agency ?? []) {
      const result = await rotateAgencyKey(ctx, actor, agencyId);
      console.log(`agency ${agencyId}: key version ${result.version}, ${result.rewrapped} data keys rewrapped`);
    }
    return database.close();
  }
  if (command !== 'start') {
    console.error(usage);
    process.exitCode = 2;
    return database.close();
  }

  let seeded = false;
  if (config.demo && (await isEmpty(database.db))) {
    await seedDemo(database.db, config.demoPassword);
    seeded = true;
  }
  startupMark('demo seed checked');
  // A booking on right now in the demo room, so a video meeting can be tried at any hour.
  const demoReference = config.demo ? await ensureDemoMeetingBooking(database.db) : undefined;
  startupMark('demo meeting booking');
  // Documents are encrypted under a key from configuration; production refuses to start without one.
  config.documentMasterKey = await resolveMasterKey(config);
  const bus = createBus(database, createLogger(config.logLevel));
  startupMark('master key, bus');
  const app = await buildApp({ config, database, bus });
  startupMark('app built');
  let jobs: Jobs | undefined;
  // Unanswered calls repeat and escalate. The state is in the database, so any number of instances may sweep.
  const sweep = startAssistanceSweep({ db: database.db, database, config, bus }, app.log);
  let mqttButtons: MqttButtons | undefined;
  const shutdown = async (signal: string) => {
    app.log.info(`${signal}: shutting down`);
    await mqttButtons?.stop();
    await sweep.stop();
    await jobs?.stop();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
  startupMark('listening');
  // Customer messages and other background work; the outbox keeps what is due while jobs are off.
  if (config.jobsEnabled) jobs = await startJobs({ db: database.db, database, config, bus }, { log: app.log });
  startupMark('jobs started');
  // Call buttons that speak MQTT press through the broker at MQTT_URL.
  // Imported only when configured: the MQTT client costs ~150 ms and ~15 MB at start-up.
  if (config.mqttUrl) mqttButtons = (await import('./modules/assistance/mqtt-buttons.js')).startMqttButtons({ db: database.db, database, config, bus }, { url: config.mqttUrl, log: app.log });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = config.publicUrl ?? `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`;
  const lines = [`Etäpiste is running at ${url}  (database: ${database.kind}, ready in ${Date.now() - started} ms)`];
  if (config.demo) {
    lines.push(`Demo mode${seeded ? ' (demo data seeded now)' : ''}. Sign in with any of these, password: ${config.demoPassword}`);
    for (const u of DEMO_USERS) lines.push(`  ${u.email.padEnd(26)} ${u.role}`);
    lines.push(`Terminal: open ${url}/terminal and enter the pairing code ${DEMO_PAIRING_CODE}`);
    if (demoReference) {
      lines.push(
        `Video meeting: at the terminal press "Ilmoittaudu varaustunnuksella" and type ${demoReference}; then sign in as asiantuntija@vero.demo`,
        `  in another browser, follow "Tämän päivän tapaamiset" (/expert/meetings), open the meeting and let the customer in.`,
      );
    }
  }
  console.log(lines.join('\n'));
  printStartupTimeline(command);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
