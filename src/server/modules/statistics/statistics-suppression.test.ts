import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SUPPRESSED, type StatisticsRow, type StatisticsView, statisticsQuery } from '../../../shared/statistics.js';
import { statisticsColumns } from '../../../shared/statistics-columns.js';
import { type Client, type TestApp, createTestApp, signIn } from '../../../../test/helpers/app.js';
import { testDatabaseKinds } from '../../../../test/helpers/databases.js';
import { auditSuppression, naiveSuppression } from '../../../../test/helpers/statistics-audit.js';
import { PERIOD, type StatisticsWorld, statisticsWorld } from '../../../../test/helpers/statistics.js';
import { parseCsv } from '../../../../test/helpers/csv.js';
import type { UserActor } from '../../auth/actor.js';
import { countStatistics } from './build-statistics.js';
import { languageNamer, translator } from './labels.js';

type Person = { id: string; organisationId: string; email: string };
const actorOf = (u: Person, roles: UserActor['roles']): UserActor => ({
  kind: 'user',
  userId: u.id,
  organisationId: u.organisationId,
  email: u.email,
  name: u.email,
  roles,
  mfaEnabled: true,
  mfaPending: false,
  sessionIdHash: '',
  csrfToken: '',
});

/**
 * Complementary suppression (docs/statistics.md, Pseudonymity) on the hand-built world: agency A's 1 no-show is
 * bookings − cancellations − meetings (11 − 2 − 8), B's 1 walk-in who left is the total 6 minus A's 5, and the
 * weekly series adds up to the rows. Hiding each small cell on its own leaves these open; the view must not.
 */
describe.each(testDatabaseKinds)('statistics suppression on %s', (kind) => {
  let t: TestApp;
  let w: StatisticsWorld;
  let coordinator: Client;
  beforeAll(async () => {
    t = await createTestApp(kind, { config: { loginRatePerMinute: 1000 } });
    w = await statisticsWorld(t.ctx.db);
    coordinator = await signIn(t.app, w.users.coordinator.email);
  });
  afterAll(() => t.close());

  const coordinatorActor = () => actorOf(w.users.coordinator, [{ role: 'coordinator', organisationId: w.users.coordinator.organisationId }]);
  /** What the API sends, and the same selection before anything is hidden. */
  const both = async (c: Client, actor: UserActor, query: string) => {
    const q = query.startsWith('from=') ? query : `${PERIOD}&${query}`;
    const res = await c.get(`/api/statistics?${q}`);
    expect(res.statusCode, res.body).toBe(200);
    const { format: _format, measures: _measures, ...parsed } = statisticsQuery.parse(Object.fromEntries(new URLSearchParams(q)));
    return { shown: res.json() as StatisticsView, raw: await countStatistics(t.ctx, actor, parsed) };
  };
  const row = (v: StatisticsView, id: string) => v.rows.find((r) => r.group.id === id) as StatisticsRow;

  it('a naive per-cell suppression of the fixture leaks by subtraction; the view does not', async () => {
    const { shown, raw } = await both(coordinator, coordinatorActor(), 'groupBy=agency');
    const naive = auditSuppression(naiveSuppression(raw), raw);
    expect(naive.unprotected).toEqual([]);
    expect(naive.derivable).toEqual(expect.arrayContaining([`${w.agencyA.id}:noShows = 1`, `${w.agencyB.id}:walkInsLeft = 1`]));

    // A's one interpreted booking is a count of bookings: the interpreting filter shows it (bookings − cancellations).
    expect(auditSuppression(shown, raw)).toEqual({ unprotected: [], wrong: [], derivable: [], public: [`${w.agencyA.id}:interpreting.fse = 1`] });
    const a = row(shown, w.agencyA.id);
    const b = row(shown, w.agencyB.id);
    // A's 8 meetings are hidden with its 1 no-show (8 + 1 = 11 − 2), and one outcome with them (they add up to the meetings).
    expect([a.noShows, a.meetings]).toEqual([SUPPRESSED, SUPPRESSED]);
    // A's 5 who left the queue are hidden with B's 1 (they add up to the 6 of all agencies).
    expect([a.walkInsLeft, b.walkInsLeft]).toEqual([SUPPRESSED, SUPPRESSED]);
    // B's 0 no-shows are hidden with its 2 meetings (2 + 0 = 3 − 1).
    expect([b.meetings, b.noShows]).toEqual([SUPPRESSED, SUPPRESSED]);
    // Scores 1, 1, 1, 3 of 6 are hidden; the mean would tell them with the count: hidden too. The 0 stays.
    expect(a.feedback).toEqual({ count: 6, mean: SUPPRESSED, distribution: [SUPPRESSED, 0, SUPPRESSED, SUPPRESSED, SUPPRESSED] });
    // Bookings, cancellations and a figure over 7 people are never hidden.
    expect([a.bookings, a.cancellations, a.waiting.median, a.identityChecks.verified]).toEqual([11, 2, 8, 5]);
  });

  it('no hidden cell can be worked out, in any grouping, filter or scope', async () => {
    const queries = [
      'groupBy=agency&lang=sv',
      'groupBy=week',
      `groupBy=week&agencyId=${w.agencyA.id}`,
      `groupBy=week&agencyId=${w.agencyA.id}&servicePointId=${w.p1.point.id}`,
      'groupBy=servicePoint',
      'groupBy=service',
      'groupBy=channel&lang=en',
      'groupBy=language',
      'groupBy=agency&interpreting=false',
      'from=2025-10-20&to=2025-10-26&groupBy=agency',
    ];
    for (const q of queries) {
      const { shown, raw } = await both(coordinator, coordinatorActor(), q);
      expect(auditSuppression(shown, raw), q).toMatchObject({ unprotected: [], wrong: [], derivable: [] });
    }
    const expert = await signIn(t.app, w.users.expertA.email);
    const { shown, raw } = await both(expert, actorOf(w.users.expertA, [{ role: 'expert', organisationId: w.agencyA.id }]), 'groupBy=servicePoint');
    expect(auditSuppression(shown, raw)).toMatchObject({ unprotected: [], wrong: [], derivable: [] });
  });

  it('grouped by week, the rows and the weekly series hide the same weeks', async () => {
    const { shown } = await both(coordinator, coordinatorActor(), `groupBy=week&agencyId=${w.agencyA.id}`);
    for (const r of shown.rows) expect(shown.weekly.find((x) => x.week === r.group.id)?.meetings, r.group.id).toBe(r.meetings);
  });

  it('the CSV and the XLSX hide exactly the cells the JSON hides', async () => {
    for (const groupBy of ['agency', 'servicePoint']) {
      const { shown } = await both(coordinator, coordinatorActor(), `groupBy=${groupBy}&lang=fi`);
      const columns = statisticsColumns(shown.rows, translator('fi'), languageNamer('fi')).flatMap((g) => g.columns);
      const expected = shown.rows.map((r) => columns.map((c) => c.value(r)));
      expect(expected.flat()).toContain(SUPPRESSED);

      const csv = await coordinator.get(`/api/statistics?${PERIOD}&groupBy=${groupBy}&format=csv&lang=fi`);
      const [, ...lines] = parseCsv(csv.body.replace(/^\uFEFF/, ''));
      const fromCsv = lines.map((l) => l.slice(2).map((v) => (v === SUPPRESSED ? SUPPRESSED : v === '' ? null : Number(v))));
      expect(fromCsv).toEqual(expected);

      const xlsx = await coordinator.request({ method: 'GET', url: `/api/statistics?${PERIOD}&groupBy=${groupBy}&format=xlsx&lang=fi` });
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
      const ws = wb.worksheets[0]!;
      const fromXlsx = shown.rows.map((_, i) => columns.map((_c, j) => ws.getRow(6 + i).getCell(2 + j).value ?? null));
      expect(fromXlsx).toEqual(expected);
    }
  });
});
