import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp } from '../../../../test/helpers/app.js';
import { testDatabaseKinds } from '../../../../test/helpers/databases.js';
import { type TimeWorld, helsinkiToday, lastMonth, signInTime, timeWorld } from '../../../../test/helpers/time-reports.js';
import { agreementVersions } from '../../db/schema/index.js';

describe.each(testDatabaseKinds)('reimbursement report on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind, { config: { loginRatePerMinute: 1000 } });
  });
  afterAll(() => t.close());
  const today = helsinkiToday();
  const { month, day } = lastMonth();
  const from = `${month}-01`;

  /**
   * The fixture, by hand: 42.50 €/h; last month (approved) 90 + 45 + 60 + 25 = 220 min, today 7 min: 227 min.
   * Labour 227 × 4250 / 60 = 16 079.17 → 16 079 c (rounding each entry would give 16 080); approved 220 min → 15 583 c.
   * Claims of the period: communication 600 € approved, rent 1700 € pending, other 12.34 € approved, furniture 50 €
   * rejected (listed, not counted), premises works 2500 € (VM's, apart); 300 € communication before the period uses
   * the cap only. Claims 2312.34 €, approved 612.34 €. Total 2473.13 €, approved 768.17 €.
   */
  async function fixture(w: TimeWorld) {
    await t.ctx.db.update(agreementVersions).set({ hourlyRateCents: 4250 }).where(eq(agreementVersions.agreementId, w.agreement.id));
    const s = await signInTime(t.app, w);
    const entry = async (c: typeof s.advisor, date: string, minutes: number, task: string, agencyId?: string) =>
      expect((await c.post('/api/time-entries', { date, minutes, task, agencyId })).statusCode).toBe(201);
    await entry(s.advisor, day, 90, 'booking', w.agency.id);
    await entry(s.advisor, day, 45, 'identity-verification', w.agency.id);
    await entry(s.advisor, day, 60, 'training');
    await entry(s.advisor2, day, 25, 'document-reception', w.agencyB.id);
    await entry(s.advisor, today, 7, 'device-help', w.agency.id);
    await entry(s.elsewhere, day, 30, 'other'); // another point: not this agreement's
    expect((await s.manager.post(`/api/time-reports/${w.point.id}/${month}/submit`)).statusCode).toBe(200);
    expect((await s.admin.post(`/api/time-reports/${w.point.id}/${month}/approve`)).statusCode).toBe(200);
    const claim = async (category: string, amountCents: number, date: string, decision?: 'approve' | 'reject', c = s.manager) => {
      const res = await c.post('/api/cost-claims', { agreementId: w.agreement.id, category, amountCents, date, description: `Kulu ${category}` });
      expect(res.statusCode).toBe(201);
      if (decision) expect((await s.admin.post(`/api/cost-claims/${res.json().id}/${decision}`)).statusCode).toBe(200);
    };
    await claim('communication-materials', 60_000, day, 'approve');
    await claim('premises-rent', 170_000, day);
    await claim('other', 1_234, day, 'approve');
    await claim('furniture', 5_000, day, 'reject');
    await claim('premises-works', 250_000, day, 'approve', s.admin);
    await claim('communication-materials', 30_000, '2025-10-01');
    return s;
  }

  it('totals equal the hand-computed fixture to the cent, in JSON and CSV; scoped to VM and the point manager', async () => {
    const w = await timeWorld(t.ctx.db);
    const s = await fixture(w);
    const url = `/api/reimbursement-report?agreementId=${w.agreement.id}&from=${from}&to=${today}`;
    const res = await s.coordinator.get(url);
    expect(res.statusCode).toBe(200);
    const r = res.json();
    expect(r).toMatchObject({
      hourlyRateCents: 4250,
      totalMinutes: 227,
      approvedMinutes: 220,
      minutesByTask: { booking: 90, 'identity-verification': 45, training: 60, 'document-reception': 25, 'device-help': 7 },
      minutesByAgency: { [w.agency.id]: 142, [w.agencyB.id]: 25, none: 60 },
      labourCents: 16_079,
      approvedLabourCents: 15_583,
      claimsCents: 231_234,
      approvedClaimsCents: 61_234,
      pendingClaimsCents: 170_000,
      claimsByCategory: { 'communication-materials': 60_000, 'premises-rent': 170_000, other: 1_234 },
      premisesWorksCents: 250_000,
      totalCents: 247_313,
      approvedTotalCents: 76_817,
      caps: [
        { category: 'communication-materials', capCents: 100_000, usedCents: 90_000, leftCents: 10_000 },
        { category: 'premises-rent', capCents: 170_000, usedCents: 170_000, leftCents: 0 },
        { category: 'premises-works', capCents: 250_000, usedCents: 250_000, leftCents: 0 },
      ],
      invoiceBasis: { period: { from, to: today }, reference: expect.stringMatching(/^ETP-[0-9A-F]{8}-\d{8}-\d{8}$/) },
      contractor: w.contractor.name.fi,
      payer: w.ministry.name.fi,
    });
    expect(r.claims).toHaveLength(5);

    const csv = await s.manager.get(`${url}&format=csv`);
    expect([csv.statusCode, csv.headers['content-type']]).toEqual([200, 'text/csv; charset=utf-8']);
    const rows = csv.body.replace(/^\uFEFF/, '').trim().split('\r\n').map((l) => l.split(','));
    const find = (section: string, key: string) => rows.find((x) => x[0] === section && x[1] === key)!;
    expect(find('time', 'totalMinutes').slice(5)).toEqual(['227', '16079']);
    expect(find('total', 'totalCents').slice(5)).toEqual(['227', '247313']);
    expect(find('cap-left', 'communication-materials')[6]).toBe('10000');
    expect(rows.filter((x) => x[0] === 'claim')).toHaveLength(5);

    for (const c of [s.otherManager, s.advisor, s.agencyAdmin, s.expert]) expect((await c.get(url)).statusCode).toBe(404);
    expect((await s.admin.get(url)).json().totalCents).toBe(247_313);
  });

  it('the XLSX holds the figures as numbers and the sums as formulas; the PDF says them in Finnish or Swedish with the parties and a signature line', async () => {
    const w = await timeWorld(t.ctx.db);
    const s = await fixture(w);
    const url = `/api/reimbursement-report?agreementId=${w.agreement.id}&from=${from}&to=${today}`;

    const xlsx = await s.admin.get(`${url}&format=xlsx`);
    expect(xlsx.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe('Korvausraportti');
    /** The row labelled so (the last one: 'Yhteensä' ends the agency table and the report). */
    const rowOf = (label: string) => {
      let found = 0;
      ws.eachRow((row, i) => {
        if (row.getCell(1).value === label) found = i;
      });
      expect(found, label).toBeGreaterThan(0);
      return found;
    };
    type F = { formula: string; result: number };
    const f = (addr: string) => ws.getCell(addr).value as F;
    const rate = rowOf('Tuntihinta');
    expect(ws.getCell(`B${rate}`).value).toBe(42.5);
    const total = rowOf('Työaika yhteensä');
    expect(f(`B${total}`).formula).toMatch(/^SUM\(B(\d+):B(\d+)\)$/);
    const [, a, b] = f(`B${total}`).formula.match(/^SUM\(B(\d+):B(\d+)\)$/)!;
    let summed = 0;
    for (let i = Number(a); i <= Number(b); i++) summed += ws.getCell(`B${i}`).value as number;
    expect([summed, f(`B${total}`).result]).toEqual([227, 227]);
    const labour = rowOf('Työaikakorvaus');
    expect(f(`B${labour}`)).toEqual({ formula: `ROUND(B${total}*B${rate}/60,2)`, result: 160.79 });
    expect(Math.round((227 * 42.5 * 100) / 60) / 100).toBe(160.79);
    const claims = rowOf('Kulut yhteensä');
    expect(f(`F${claims}`).formula).toMatch(/^SUM\(F\d+:F\d+\)$/);
    expect(f(`F${claims}`).result).toBe(2312.34);
    const grand = rowOf('Yhteensä');
    expect(f(`B${grand}`)).toEqual({ formula: `B${labour}+F${claims}`, result: 2473.13 });
    const cap = rowOf('Viestintämateriaalit');
    expect([ws.getCell(`B${cap}`).value, ws.getCell(`C${cap}`).value, f(`D${cap}`)]).toEqual([1000, 900, { formula: `MAX(0,B${cap}-C${cap})`, result: 100 }]);

    for (const [lang, words] of [
      ['fi', ['Korvausraportti', 'Toimeksisaaja', 'Maksaja', 'Allekirjoitus ja nimenselvennys', 'Työaikakorvaus', '160,79 €', '2 473,13 €', '768,17 €', w.contractor.name.fi, w.ministry.name.fi, w.agency.name.fi]],
      ['sv', ['Ersättningsrapport', 'Uppdragstagare', 'Underskrift och namnförtydligande', '160,79 €', '2 473,13 €', w.contractor.name.sv, w.ministry.name.sv]],
    ] as const) {
      const pdf = await s.manager.get(`${url}&format=pdf&lang=${lang}`);
      expect([pdf.statusCode, pdf.headers['content-type']]).toEqual([200, 'application/pdf']);
      const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf.rawPayload)), { mergePages: true });
      for (const word of words) expect(text, word).toContain(word);
    }
  });
});
