/**
 * A minimal iCalendar (RFC 5545) writer for one event, with the iTIP method (RFC 5546) that tells the
 * customer's calendar to add or update it (REQUEST) or to remove it (CANCEL). Small enough to own: no
 * recurrence, no time-zone definitions (instants are written in UTC).
 */
export type IcsEvent = {
  method: 'REQUEST' | 'CANCEL';
  uid: string;
  /** Grows with every change the customer is told about, so calendars apply the newest. */
  sequence: number;
  start: Date;
  end: Date;
  stamp: Date;
  summary: string;
  location: string;
  description?: string;
  organizer?: { name: string; email: string };
  attendeeEmail?: string;
};

const CRLF = '\r\n';

/** 20260113T080000Z */
export function icsDateTime(d: Date): string {
  return d.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/** TEXT value escaping: backslash, semicolon, comma and newlines. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** A parameter value: quoted, and without the characters a quoted value may not hold. */
function paramValue(value: string): string {
  return `"${value.replace(/["\r\n]/g, '')}"`;
}

/**
 * Folds a content line so no physical line exceeds 75 octets (a continuation line starts with one space, which
 * counts toward its 75). Never splits a multi-byte UTF-8 character.
 */
const utf8 = new TextEncoder(); // not Buffer: the web app writes the customer's .ics too

export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  let limit = 75;
  for (const ch of line) {
    const size = utf8.encode(ch).length;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
      limit = 74;
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}

export function buildIcs(e: IcsEvent): string {
  const cancel = e.method === 'CANCEL';
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Etapiste//Customer messages//FI',
    'CALSCALE:GREGORIAN',
    `METHOD:${e.method}`,
    'BEGIN:VEVENT',
    `UID:${e.uid}`,
    `SEQUENCE:${e.sequence}`,
    `DTSTAMP:${icsDateTime(e.stamp)}`,
    `DTSTART:${icsDateTime(e.start)}`,
    `DTEND:${icsDateTime(e.end)}`,
    `SUMMARY:${escapeText(e.summary)}`,
    `LOCATION:${escapeText(e.location)}`,
    ...(e.description ? [`DESCRIPTION:${escapeText(e.description)}`] : []),
    ...(e.organizer ? [`ORGANIZER;CN=${paramValue(e.organizer.name)}:mailto:${e.organizer.email}`] : []),
    ...(e.attendeeEmail ? [`ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;RSVP=FALSE:mailto:${e.attendeeEmail}`] : []),
    `STATUS:${cancel ? 'CANCELLED' : 'CONFIRMED'}`,
    'TRANSP:OPAQUE',
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join(CRLF) + CRLF;
}

/** Reads an iCalendar text back into its properties (unfolded, unescaped): enough for tests and checks. */
export function parseIcs(text: string): { name: string; params: string; value: string }[] {
  const unfolded = text.replace(/\r\n[ \t]/g, '');
  return unfolded
    .split('\r\n')
    .filter((l) => l.length > 0)
    .map((line) => {
      const colon = line.search(/:(?=(?:[^"]*"[^"]*")*[^"]*$)/);
      const head = line.slice(0, colon);
      const semi = head.indexOf(';');
      return {
        name: semi < 0 ? head : head.slice(0, semi),
        params: semi < 0 ? '' : head.slice(semi + 1),
        value: line.slice(colon + 1).replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c)),
      };
    });
}
