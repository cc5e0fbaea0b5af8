// Document handover figures, printed as one JSON line:
// - upload-to-inbox: an advisor uploads a 10-page 300-dpi scanned PDF (~1 MB per page, ~10 MB) over HTTP to a draft,
//   sends it, and the agency expert's inbox lists it (p50/max over the runs), with the parts (upload, send, inbox)
//   and, as a bare baseline in the same run, one INSERT of the same bytes into a bytea table;
// - encryption throughput of the app's seal/open (AES-256-GCM with associated data, the app's framing) against a bare
//   createCipheriv loop over the same buffer and key.
// Usage: npm run bench:documents   (BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres runs on a fresh
// database on that server, dropped afterwards, instead of embedded PGlite; BENCH_RUNS, default 5)
import { createCipheriv, randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { PDFDocument, PDFName } from 'pdf-lib';
import pg from 'pg';
import { buildApp } from '../src/server/app.js';
import { testConfig } from '../src/server/config.js';
import { newKey, open, seal } from '../src/server/crypto/aead.js';
import { type Database, openPglite, openPostgres } from '../src/server/db/client.js';
import { seedDemo } from '../src/server/db/seed/demo.js';
import { InProcessBus } from '../src/server/realtime/bus.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const PAGES = 10;
const PASSWORD = 'Etapiste-demo-2025';

/** A scanner's PDF: each A4 page one 2480×3508 (300 dpi) JPEG-coded image of ~1 MB (random bytes stand in for it). */
async function scannedPdf(pages: number): Promise<Buffer> {
  const doc = await PDFDocument.create();
  for (let i = 0; i < pages; i++) {
    const image = doc.context.stream(randomBytes(1024 * 1024), {
      Type: 'XObject',
      Subtype: 'Image',
      Width: 2480,
      Height: 3508,
      ColorSpace: 'DeviceGray',
      BitsPerComponent: 8,
      Filter: 'DCTDecode',
    });
    const ref = doc.context.register(image);
    const page = doc.addPage([595.28, 841.89]);
    page.node.setXObject(PDFName.of('Scan'), ref);
    const content = doc.context.stream('q 595.28 0 0 841.89 0 0 cm /Scan Do Q');
    page.node.set(PDFName.of('Contents'), doc.context.register(content));
  }
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const round = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d;

/** Embedded PGlite in memory, or a fresh database on the PostgreSQL server that is dropped afterwards. */
async function openDatabase(): Promise<Database> {
  const adminUrl = process.env.BENCH_DATABASE_URL;
  if (!adminUrl) {
    const database = await openPglite();
    await database.migrate();
    return database;
  }
  const name = `etapiste_bench_documents_${randomBytes(4).toString('hex')}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    await client.query(statement);
    await client.end();
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openPostgres(url.toString());
  await database.migrate();
  return {
    ...database,
    close: async () => {
      await database.close();
      await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

async function signIn(base: string, email: string) {
  const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: PASSWORD }) });
  if (!res.ok) throw new Error(`sign-in ${email}: ${res.status}`);
  const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie, csrfToken, headers: { cookie, 'x-csrf-token': csrfToken } };
}

async function uploadToInbox(base: string, pdf: Buffer) {
  const advisor = await signIn(base, 'neuvoja1@porvoo.demo');
  const expert = await signIn(base, 'asiantuntija@kela.demo');
  const orgs = (await (await fetch(`${base}/api/organisations`, { headers: advisor.headers })).json()) as { id: string; shortName: { fi: string } }[];
  const points = (await (await fetch(`${base}/api/service-points`, { headers: advisor.headers })).json()) as { id: string }[];
  const kela = orgs.find((o) => o.shortName.fi === 'Kela')!.id;
  const runs: { totalMs: number; uploadMs: number; sendMs: number; inboxMs: number }[] = [];
  for (let i = 0; i < RUNS; i++) {
    const draft = await fetch(`${base}/api/documents`, {
      method: 'POST',
      headers: { ...advisor.headers, 'content-type': 'application/json' },
      body: JSON.stringify({ walkIn: { servicePointId: points[0]!.id, agencyId: kela, customerName: 'Bench Asiakas' }, kind: 'application' }),
    });
    const { id } = (await draft.json()) as { id: string };
    const t0 = performance.now();
    const up = await fetch(`${base}/api/documents/${id}/pages`, { method: 'POST', headers: { ...advisor.headers, 'content-type': 'application/pdf' }, body: new Blob([new Uint8Array(pdf)]) });
    if (up.status !== 201) throw new Error(`upload: ${up.status} ${await up.text()}`);
    const t1 = performance.now();
    const sent = await fetch(`${base}/api/documents/${id}/send`, { method: 'POST', headers: advisor.headers });
    if (!sent.ok) throw new Error(`send: ${sent.status}`);
    const t2 = performance.now();
    const inbox = (await (await fetch(`${base}/api/documents?agencyId=${kela}&status=sent`, { headers: expert.headers })).json()) as { handovers: { id: string; pageCount: number }[] };
    const t3 = performance.now();
    const mine = inbox.handovers.find((h) => h.id === id);
    if (mine?.pageCount !== PAGES) throw new Error('the inbox does not show the handover with its pages');
    runs.push({ totalMs: t3 - t0, uploadMs: t1 - t0, sendMs: t2 - t1, inboxMs: t3 - t2 });
  }
  return runs;
}

async function bareInsert(database: Database, bytes: Buffer) {
  await database.db.execute(sql`CREATE TEMP TABLE IF NOT EXISTS bench_blobs (id serial primary key, data bytea)`);
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await database.db.execute(sql`INSERT INTO bench_blobs (data) VALUES (${bytes})`);
    times.push(performance.now() - t0);
  }
  return median(times);
}

function throughput(pdf: Buffer) {
  const key = newKey();
  const rounds = Math.max(3, Math.ceil((200 * 1024 * 1024) / pdf.length));
  const mb = (pdf.length * rounds) / (1024 * 1024);
  const time = (fn: () => void) => {
    const t0 = performance.now();
    for (let i = 0; i < rounds; i++) fn();
    return (performance.now() - t0) / 1000;
  };
  // Warm up both paths once.
  open(key, seal(key, pdf, 'page:a:b'), 'page:a:b');
  const bare = () => {
    const c = createCipheriv('aes-256-gcm', key, randomBytes(12));
    c.update(pdf);
    c.final();
    c.getAuthTag();
  };
  bare();
  const sealed = seal(key, pdf, 'page:a:b');
  const bareS = time(bare);
  const sealS = time(() => seal(key, pdf, 'page:a:b'));
  const openS = time(() => open(key, sealed, 'page:a:b'));
  return { encryptMBps: round(mb / sealS), decryptMBps: round(mb / openS), bareAesGcmMBps: round(mb / bareS), encryptVsBare: round(bareS / sealS, 2) };
}

async function main() {
  const pdf = await scannedPdf(PAGES);
  const database = await openDatabase();
  const config = testConfig({ loginRatePerMinute: 10_000, documentMaxFileBytes: 32 * 1024 * 1024 });
  await seedDemo(database.db, PASSWORD);
  const app = await buildApp({ config, database, bus: new InProcessBus() });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  try {
    const runs = await uploadToInbox(base, pdf);
    const bareInsertMs = await bareInsert(database, pdf);
    const crypto = throughput(pdf);
    console.log(
      JSON.stringify({
        bench: 'documents',
        database: database.kind,
        pdfBytes: pdf.length,
        pages: PAGES,
        runs: RUNS,
        uploadToInboxMsP50: round(median(runs.map((r) => r.totalMs))),
        uploadToInboxMsMax: round(Math.max(...runs.map((r) => r.totalMs))),
        uploadMsP50: round(median(runs.map((r) => r.uploadMs))),
        sendMsP50: round(median(runs.map((r) => r.sendMs))),
        inboxMsP50: round(median(runs.map((r) => r.inboxMs))),
        bareInsertMsP50: round(bareInsertMs),
        ...crypto,
      }),
    );
  } finally {
    await app.close();
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
