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

  it('names Kela as FPA and the street in Swedish in a Swedish confirmation, at the Helsinki time in official style', () => {
    // 7.12.2026 07:30 UTC is 9.30 in Helsinki (winter, UTC+2): the message never states UTC.
    const porvoo = (language: string): MessageContext => ({
      ...context(language, { startsAt: new Date('2026-12-07T07:30:00Z'), endsAt: new Date('2026-12-07T08:15:00Z'), interpreterId: null, interpretingLanguage: null }),
      agencyName: { fi: 'Kela', sv: 'FPA', en: 'Kela' },
      serviceName: { fi: 'Perustoimeentulotuki', sv: 'Grundläggande utkomststöd', en: 'Basic social assistance' },
      point: {
        name: { fi: 'Porvoo-info', sv: 'Borgå-info', en: 'Porvoo-info' },
        streetAddress: { fi: 'Lundinkatu 8 A', sv: 'Lundinsgatan 8 A', en: 'Lundinkatu 8 A' },
        postalCode: '06100',
        city: { fi: 'Porvoo', sv: 'Borgå', en: 'Porvoo' },
        phone: '+358 20 692 250',
        timeZone: 'Europe/Helsinki',
      },
    });
    const sv = renderEmail(porvoo('sv'), 'confirmation', 1, 'noreply@x.test');
    expect(sv.subject).toBe('Distansmöte bokat: FPA, mån 7.12.2026 kl. 9.30');
    expect(sv.text).toContain('Myndighet: FPA\nÄrende: Grundläggande utkomststöd\nTid: mån 7.12.2026 kl. 9.30\n');
    expect(sv.text).toContain('Plats: Borgå-info, Lundinsgatan 8 A, 06100 Borgå');
    expect(sv.text).toContain('När du kommer, skriv bokningskoden på pekskärmen i distansservicerummet.');
    expect(sv.text).not.toMatch(/Kela|Lundinkatu|terminal|UTC|07:30|7\.30/);
    const smsSv = renderSms(porvoo('sv'), 'confirmation');
    expect(smsSv).toBe('Etäpiste: Distansmöte bokat mån 7.12.2026 kl. 9.30, FPA. Borgå-info, Lundinsgatan 8 A, 06100 Borgå. Bokningskod ACD347 (skriv den på pekskärmen). Avbokning och ändringar: +358 20 692 250');
    expect(renderSms(porvoo('sv'), 'cancellation')).toContain('Boka ny tid på nummer +358 20 692 250');

    const fi = renderEmail(porvoo('fi'), 'confirmation', 1, 'noreply@x.test');
    expect(fi.subject).toBe('Etätapaaminen varattu: Kela, ma 7.12.2026 klo 9.30');
    expect(fi.text).toContain('Viranomainen: Kela\nAsia: Perustoimeentulotuki\nAika: ma 7.12.2026 klo 9.30\n');
    expect(fi.text).toContain('Kun saavut, kirjoita varaustunnus etäpalvelutilan kosketusnäytölle. Palveluneuvoja auttaa tarvittaessa.');
    expect(fi.text).not.toMatch(/pääte|näppäile|UTC/i);
    expect(renderSms(porvoo('fi'), 'confirmation')).toContain('Varaustunnus ACD347 (kirjoita se etäpalvelutilan näytölle).');
  });

  it('falls back to Finnish for an unexpected language', () => {
    expect(renderEmail(context('de'), 'confirmation', 1, 'noreply@x.test').subject).toMatch(/^Etätapaaminen varattu/);
  });

  it('reads the sender address from MAIL_FROM', () => {
    expect(mailAddress('Etäpiste <noreply@x.test>')).toEqual({ name: 'Etäpiste', email: 'noreply@x.test' });
    expect(mailAddress('noreply@x.test')).toEqual({ email: 'noreply@x.test' });
  });
});
