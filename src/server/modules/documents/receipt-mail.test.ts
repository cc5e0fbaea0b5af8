import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp } from '../../../../test/helpers/app.js';
import { testDatabaseKinds } from '../../../../test/helpers/databases.js';
import { handoverFixtures } from '../../../../test/helpers/documents.js';
import { startTestSmtp } from '../../../../test/helpers/messaging.js';
import { bookings } from '../../db/schema/index.js';
import { warnDue } from './purge.js';

const DAY = 24 * 3600_000;

describe.each(testDatabaseKinds)('handover e-mails on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind, { config: { loginRatePerMinute: 1000, documentMaxFileBytes: 256 * 1024, documentMaxPages: 8 } });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await t?.close();
  });

  const { audits, world, sentHandover } = handoverFixtures(() => t);

  it('e-mails the receipt as a PDF and warns the agency admins by e-mail', async () => {
    const { s, booking, agencyAdminEmail: adminEmail } = await world();
    const smtp = await startTestSmtp();
    t.ctx.config.smtpUrl = smtp.url;
    try {
      await t.ctx.db.update(bookings).set({ customerEmail: 'maija@example.com' }).where(eq(bookings.id, booking.id));
      const h = await sentHandover(s.advisor, booking.id);
      const reference = (await s.advisor.get(`/api/documents/${h.id}`)).json().reference as string;
      const sent = await s.advisor.post(`/api/documents/${h.id}/receipt/email`, {});
      expect(sent.json()).toEqual({ sentTo: 'maija@example.com' });
      const [mail] = smtp.to('maija@example.com');
      expect(mail!.parsed.subject).toBe(`Kuitti vastaanotetuista asiakirjoista: ${reference}`);
      expect(mail!.parsed.text).toContain(`Kuitin numero: ${reference}`);
      expect(mail!.parsed.text).toMatch(/Vastaanotettu palvelupisteessä: \d{1,2}\.\d{1,2}\.\d{4} klo \d{1,2}\.\d{2}\n/);
      expect(mail!.parsed.text).toMatch(/Välitetty viranomaiselle: \d{1,2}\.\d{1,2}\.\d{4} klo \d{1,2}\.\d{2}\n/);
      expect(mail!.parsed.text).toContain('Testikatu 1, 00100 Helsinki');
      expect(mail!.parsed.text).toContain('Sivuja: 3');
      expect(mail!.parsed.text).not.toContain('Hakemus ja kaksi liitettä');
      expect(mail!.parsed.attachments.map((a) => [a.filename, a.contentType])).toEqual([[`${reference}.pdf`, 'application/pdf']]);
      expect(await audits('document.receipt_emailed', h.id)).toHaveLength(1);

      await warnDue(t.ctx, new Date(Date.now() + 12.5 * DAY));
      await expect.poll(() => smtp.to(adminEmail).length).toBe(1);
      const warning = smtp.to(adminEmail)[0]!.parsed;
      expect(warning.text).toContain('/expert/documents');
      // One handover: the singular, and the purge time in Helsinki time, never UTC or ISO.
      expect(warning.text).toMatch(/^1 kuittaamaton asiakirjaluovutus poistetaan säilytysajan päättyessä \d{1,2}\.\d{1,2}\.\d{4} klo \d{1,2}\.\d{2}\. Kuittaa se:/);
      expect(warning.text).toContain('1 okvitterad överlämning av handlingar raderas');
      expect(warning.text).not.toMatch(/UTC|\d{4}-\d{2}-\d{2}|kuittaamatonta|okvitterade/);
      expect(warning.subject).toBe('Etäpiste: asiakirjaluovutus poistumassa / överlämning av handlingar raderas / document handover expiring');
      expect(smtp.to(adminEmail)[0]!.raw).not.toContain('Maija');
    } finally {
      t.ctx.config.smtpUrl = undefined;
      await smtp.close();
    }
  });
});
