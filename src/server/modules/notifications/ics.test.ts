import { describe, expect, it } from 'vitest';
import { buildIcs, escapeText, foldLine, icsDateTime, parseIcs } from '../../../shared/ics.js';

const event = {
  method: 'REQUEST' as const,
  uid: '6f1c1d7e-1111-4222-8333-444455556666@etapiste',
  sequence: 2,
  start: new Date('2026-01-13T08:00:00Z'),
  end: new Date('2026-01-13T08:30:00Z'),
  stamp: new Date('2026-01-10T12:34:56.789Z'),
  summary: 'Verohallinto: Henkilöasiakkaan verotus, kysymykset; muut',
  location: 'Porvoo-info, Rihkamatori 2, 06100 Porvoo',
  description: 'Varaustunnus ACD347\nNäppäile tunnus päätteellä.\\',
  organizer: { name: 'Porvoo-info "neuvonta"', email: 'noreply@etapiste.example' },
  attendeeEmail: 'asiakas@example.com',
};

describe('iCalendar writer', () => {
  it('writes instants in UTC with Z', () => {
    expect(icsDateTime(new Date('2026-03-29T00:59:59.999Z'))).toBe('20260329T005959Z');
  });

  it('escapes backslash, semicolon, comma and newlines', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
  });

  it('folds at 75 octets without splitting a multi-byte character', () => {
    const line = `DESCRIPTION:${'ä'.repeat(100)}`;
    const folded = foldLine(line);
    const physical = folded.split('\r\n');
    expect(physical.length).toBeGreaterThan(1);
    for (const p of physical) expect(Buffer.byteLength(p, 'utf8')).toBeLessThanOrEqual(75);
    for (const p of physical.slice(1)) expect(p.startsWith(' ')).toBe(true);
    expect(physical.map((p, i) => (i ? p.slice(1) : p)).join('')).toBe(line);
    expect(folded).not.toContain('\uFFFD');
  });

  it('leaves a short line alone', () => {
    expect(foldLine('UID:x')).toBe('UID:x');
  });

  it('builds a REQUEST with CRLF line endings that parses back to the same values', () => {
    const text = buildIcs(event);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const l of text.split('\r\n')) expect(Buffer.byteLength(l, 'utf8')).toBeLessThanOrEqual(75);
    const props = parseIcs(text);
    const get = (name: string) => props.find((p) => p.name === name);
    expect(props[0]).toMatchObject({ name: 'BEGIN', value: 'VCALENDAR' });
    expect(props.at(-1)).toMatchObject({ name: 'END', value: 'VCALENDAR' });
    expect(get('METHOD')?.value).toBe('REQUEST');
    expect(get('UID')?.value).toBe(event.uid);
    expect(get('SEQUENCE')?.value).toBe('2');
    expect(get('DTSTART')?.value).toBe('20260113T080000Z');
    expect(get('DTEND')?.value).toBe('20260113T083000Z');
    expect(get('DTSTAMP')?.value).toBe('20260110T123456Z');
    expect(get('SUMMARY')?.value).toBe(event.summary);
    expect(get('LOCATION')?.value).toBe(event.location);
    expect(get('DESCRIPTION')?.value).toBe(event.description);
    expect(get('STATUS')?.value).toBe('CONFIRMED');
    expect(get('ORGANIZER')).toMatchObject({ params: 'CN="Porvoo-info neuvonta"', value: 'mailto:noreply@etapiste.example' });
    expect(get('ATTENDEE')?.value).toBe('mailto:asiakas@example.com');
  });

  it('builds a CANCEL with status CANCELLED', () => {
    const props = parseIcs(buildIcs({ ...event, method: 'CANCEL', sequence: 3 }));
    expect(props.find((p) => p.name === 'METHOD')?.value).toBe('CANCEL');
    expect(props.find((p) => p.name === 'STATUS')?.value).toBe('CANCELLED');
    expect(props.find((p) => p.name === 'SEQUENCE')?.value).toBe('3');
  });
});
