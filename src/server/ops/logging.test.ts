import { PassThrough } from 'node:stream';
import { sql } from 'drizzle-orm';
import { DrizzleQueryError } from 'drizzle-orm/errors';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp, signIn } from '../../../test/helpers/app.js';
import { helsinkiClock } from '../../../test/helpers/clock.js';
import { assistanceWorld } from '../../../test/helpers/assistance.js';
import { testDatabaseKinds } from '../../../test/helpers/databases.js';
import { loggedUrl, safeError } from './logging.js';

const CUSTOMER = 'Salli Salainen-Asiakas';

describe('error log serializer', () => {
  it('keeps the SQL text and SQLSTATE of a failed query but not its parameters', () => {
    const cause = Object.assign(new Error('invalid input syntax for type uuid: "Salli"'), {
      code: '22P02',
      severity: 'ERROR',
      detail: `Key (name)=(${CUSTOMER}) already exists.`,
      routine: 'string_to_uuid',
    });
    const err = new DrizzleQueryError('insert into "walk_ins" ("customer_name") values ($1)', [CUSTOMER], cause);
    const logged = JSON.stringify(safeError(err));
    expect(logged).not.toContain('Salli');
    expect(safeError(err)).toMatchObject({
      message: 'Failed query: insert into "walk_ins" ("customer_name") values ($1)',
      query: 'insert into "walk_ins" ("customer_name") values ($1)',
      cause: { code: '22P02', routine: 'string_to_uuid', message: 'invalid input syntax for type uuid: "[redacted]"' },
    });
    expect((safeError(err) as { stack: string }).stack).toMatch(/^Error: Failed query: insert[^\n]*\n\s+at /);
  });

  it('logs request paths without query strings or manage-link tokens', () => {
    expect(loggedUrl('/api/bookings?q=Maija')).toBe('/api/bookings');
    expect(loggedUrl('/api/public/bookings/AbC_-123')).toBe('/api/public/bookings/[token]');
    expect(loggedUrl('/tidsbokning/bokning/AbC_-123?x=1')).toBe('/tidsbokning/bokning/[token]');
    expect(loggedUrl('/api/public/bookings')).toBe('/api/public/bookings');
  });

  it('passes other errors through with their message, code and stack', () => {
    const err = Object.assign(new Error('boom'), { code: 'X1', statusCode: 502 });
    expect(safeError(err)).toMatchObject({ type: 'Error', message: 'boom', code: 'X1', statusCode: 502 });
  });
});

describe.each(testDatabaseKinds)('error logs on a failed query (%s)', (kind) => {
  let t: TestApp;
  const lines: string[] = [];

  beforeAll(async () => {
    const stream = new PassThrough();
    stream.on('data', (chunk: Buffer) => lines.push(...chunk.toString('utf8').split('\n').filter(Boolean)));
    t = await createTestApp(kind, { config: { logLevel: 'info' }, logStream: stream, now: helsinkiClock() });
  });
  afterAll(() => t?.close());

  it('hold neither the customer data of the request nor the SQL parameters', async () => {
    const w = await assistanceWorld(t.ctx.db);
    const advisor = await signIn(t.app, w.advisor.email);
    // The database refuses every walk-in, so the use case fails inside a query that carries the customer's name.
    await t.ctx.db.execute(sql.raw(`CREATE FUNCTION refuse_walk_in() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused by test'; END $$`));
    await t.ctx.db.execute(sql.raw('CREATE TRIGGER refuse_walk_in BEFORE INSERT ON walk_ins FOR EACH ROW EXECUTE FUNCTION refuse_walk_in()'));
    const res = await advisor.post('/api/walk-ins', { servicePointId: w.point.id, agencyId: w.agency.id, serviceId: w.service.id, customerName: CUSTOMER, language: 'fi' });
    expect(res.statusCode).toBe(500);

    const errorLine = lines.map((l) => JSON.parse(l) as { msg?: string; err?: { query?: string; cause?: { code?: string } } }).find((l) => l.msg === 'unhandled error');
    expect(errorLine?.err?.query).toMatch(/insert into "walk_ins"/);
    expect(errorLine?.err?.cause?.code).toBe('P0001');
    expect(lines.join('\n')).not.toContain('Salainen');
    expect(lines.join('\n')).not.toContain('Salli');
  });
});
