import { describe, expect, it } from 'vitest';
import type { MessageKind } from '../bookings/messages.js';
import { mailAddress, renderEmail, renderSms } from './render.js';
import type { MessageContext } from './repository.js';
import { templates } from './templates/index.js';

const KINDS: MessageKind[] = ['confirmation', 'change', 'cancellation', 'reminder'];
const long = (s: string) => `${s} ${'pitkä nimi '.repeat(12)}`.trim();

function context(language: string, overrides: Partial<MessageContext['booking']> = {}): MessageContext {
  return {
    booking: {
      id: '6f1c1d7e-1111-4222-8333-444455556666',
      reference: 'ACD347',
      servicePointId: 'p',
      roomId: 'r',
      agencyId: 'a',
      serviceId: 's',
      expertId: 'e',
      interpreterId: 'i',
      interpretingLanguage: 'ru',
      startsAt: new Date('2026-01-13T08:00:00Z'),
      endsAt: new Date('2026-01-13T08:45:00Z'),
      status: 'booked',
      channel: 'on-site',
      walkIn: false,
      customerName: 'Maija Meikäläinen',
      customerPhone: '+358401234567',
      customerEmail: 'maija@example.com',
      language,
      note: '010190-123A salainen muistiinpano',
      cancelReason: 'syy',
      customerDataRemovedAt: null,
      version: 2,
      createdBy: null,
      createdAt: new Date(),
      updatedAt: new Date(),
      ...overrides,
    },
    serviceName: { fi: long('Henkilöasiakkaan verotus'), sv: long('Beskattning av privatpersoner'), en: long('Personal taxation') },
    agencyName: { fi: 'Verohallinto', sv: 'Skatteförvaltningen', en: 'Finnish Tax Administration' },
    point: {
      name: { fi: 'Porvoo-info', sv: 'Borgå-info', en: 'Porvoo-info' },
      streetAddress: { fi: long('Rihkamatori 2'), sv: long('Smedjetorget 2'), en: long('Rihkamatori 2') },
      postalCode: '06100',
      city: { fi: 'Porvoo', sv: 'Borgå', en: 'Porvoo' },
      phone: '019 520 2000',
      timeZone: 'Europe/Helsinki',
    },
  };
}

describe('customer message texts', () => {
  it('have every text in all three languages', () => {
    const keys = (o: object): string[] =>
      Object.entries(o).flatMap(([k, v]) => (v && typeof v === 'object' ? keys(v).map((s) => `${k}.${s}`) : [k]));
    const fi = keys(templates.fi).sort();
    expect(keys(templates.sv).sort()).toEqual(fi);
    expect(keys(templates.en).sort()).toEqual(fi);
  });

  it.each(['fi', 'sv', 'en'])('in %s: Helsinki time, reference, interpreter, the point to call; no personal data', (language) => {
    for (const kind of KINDS) {
      const mail = renderEmail(context(language), kind, 2, 'Etäpiste <noreply@etapiste.test>', new Date('2026-01-10T10:00:00Z'));
      const all = `${mail.subject}\n${mail.text}\n${mail.html}\n${mail.ics}`;
      expect(all).not.toMatch(/Maija|010190|salainen|syy/);
      expect(mail.text).toContain(language === 'en' ? '10:00' : '10.00');
      expect(mail.text).toContain('45 min');
      expect(mail.text).toContain('019 520 2000');
      if (kind !== 'cancellation') {
        expect(mail.text).toContain('ACD347');
        expect(mail.text).toContain({ fi: 'venäjä', sv: 'ryska', en: 'Russian' }[language]);
      }
      expect(mail.ics).toContain(kind === 'cancellation' ? 'METHOD:CANCEL' : 'METHOD:REQUEST');
      expect(mail.ics).toContain('SEQUENCE:2');

      const sms = renderSms(context(language), kind);
      expect(sms.length).toBeLessThan(300);
      expect(sms).not.toMatch(/Maija|010190|salainen/);
      if (kind !== 'cancellation') expect(sms).toContain('ACD347');
    }
  });

  it('falls back to Finnish for an unexpected language', () => {
    expect(renderEmail(context('de'), 'confirmation', 1, 'noreply@x.test').subject).toMatch(/^Etätapaaminen varattu/);
  });

  it('reads the sender address from MAIL_FROM', () => {
    expect(mailAddress('Etäpiste <noreply@x.test>')).toEqual({ name: 'Etäpiste', email: 'noreply@x.test' });
    expect(mailAddress('noreply@x.test')).toEqual({ email: 'noreply@x.test' });
  });
});
