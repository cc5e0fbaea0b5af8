import type { Language } from '../../../shared/common.js';
import type { MessageKind } from '../bookings/messages.js';
import { buildIcs } from '../../../shared/ics.js';
import { localizedOr } from '../../../shared/localized.js';
import { officialDateTime } from '../../../shared/official-time.js';
import type { MessageContext } from './repository.js';
import { type MessageFacts, type Templates, templatesFor } from './templates/index.js';

export type RenderedEmail = { subject: string; text: string; html: string; ics: string; icsMethod: 'REQUEST' | 'CANCEL' };

const SMS_MAX = 299;

/** The booking's facts, and its manage link when it has one (deliver-message.ts looks it up). */
export type RenderContext = MessageContext & { manageUrl?: string };

/**
 * The facts a message states, in the booking's language and the service point's time zone. Deliberately
 * without the customer's name, identity code or the staff's note: only what the customer needs to turn up.
 */
export function messageFacts(c: RenderContext, kind: MessageKind): { t: Templates; facts: MessageFacts } {
  const b = c.booking;
  const t = templatesFor(b.language);
  const lang = (b.language in c.agencyName ? b.language : 'fi') as Language;
  const tz = c.point.timeZone;
  // Official style in the point's wall-clock time (Helsinki): "ma 7.12.2026 klo 9.30", never UTC or ISO.
  const when = officialDateTime(b.startsAt, lang, tz);
  const interpreter = b.interpretingLanguage ? languageName(t, b.interpretingLanguage) : b.interpreterId ? '' : undefined;
  return {
    t,
    facts: {
      kind,
      agency: localizedOr(c.agencyName, lang),
      service: localizedOr(c.serviceName, lang),
      when,
      whenShort: when,
      durationMinutes: Math.round((b.endsAt.getTime() - b.startsAt.getTime()) / 60_000),
      pointName: localizedOr(c.point.name, lang),
      address: `${localizedOr(c.point.streetAddress, lang)}, ${c.point.postalCode} ${localizedOr(c.point.city, lang)}`,
      phone: c.point.phone,
      reference: b.reference,
      interpreter,
      ...(c.manageUrl && kind !== 'cancellation' ? { manageUrl: c.manageUrl } : {}),
    },
  };
}

function languageName(t: Templates, code: string): string {
  if (t.languageNames[code]) return t.languageNames[code];
  try {
    return new Intl.DisplayNames(t.locale, { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

function lines(t: Templates, f: MessageFacts): string[] {
  const out = [
    t.lead[f.kind],
    '',
    `${t.labels.agency}: ${f.agency}`,
    `${t.labels.service}: ${f.service}`,
    `${t.labels.time}: ${f.when}`,
    `${t.labels.duration}: ${t.minutes(f.durationMinutes)}`,
    `${t.labels.place}: ${f.pointName}, ${f.address}`,
  ];
  if (f.kind !== 'cancellation') {
    out.push(`${t.labels.reference}: ${f.reference}`, t.referenceHint);
    if (f.interpreter !== undefined) out.push(t.interpreter(f.interpreter || '—'));
  }
  if (f.manageUrl) out.push('', t.manage(f.manageUrl));
  out.push('', f.kind === 'cancellation' ? t.bookAgain(f) : t.changeOrCancel(f), '', t.footer);
  return out;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

function html(t: Templates, f: MessageFacts): string {
  const row = (label: string, value: string) => `<tr><th align="left" style="padding:2px 12px 2px 0">${escapeHtml(label)}</th><td>${escapeHtml(value)}</td></tr>`;
  const rows = [
    row(t.labels.agency, f.agency),
    row(t.labels.service, f.service),
    row(t.labels.time, f.when),
    row(t.labels.duration, t.minutes(f.durationMinutes)),
    row(t.labels.place, `${f.pointName}, ${f.address}`),
    ...(f.kind !== 'cancellation' ? [row(t.labels.reference, f.reference)] : []),
  ];
  const extra =
    f.kind === 'cancellation'
      ? []
      : [`<p>${escapeHtml(t.referenceHint)}</p>`, ...(f.interpreter !== undefined ? [`<p>${escapeHtml(t.interpreter(f.interpreter || '—'))}</p>`] : [])];
  return [
    '<!doctype html>',
    `<html lang="${t.locale.slice(0, 2)}"><body style="font-family:sans-serif">`,
    `<p>${escapeHtml(t.lead[f.kind])}</p>`,
    `<table>${rows.join('')}</table>`,
    ...extra,
    ...(f.manageUrl ? [`<p>${escapeHtml(t.manage(f.manageUrl)).replace(escapeHtml(f.manageUrl), `<a href="${escapeHtml(f.manageUrl)}">${escapeHtml(f.manageUrl)}</a>`)}</p>`] : []),
    `<p>${escapeHtml(f.kind === 'cancellation' ? t.bookAgain(f) : t.changeOrCancel(f))}</p>`,
    `<p style="color:#555">${escapeHtml(t.footer)}</p>`,
    '</body></html>',
  ].join('\n');
}

/** Parses "Name <address>" or a bare address. */
export function mailAddress(from: string): { name?: string; email: string } {
  const m = /^\s*(.*?)\s*<([^>]+)>\s*$/.exec(from);
  return m ? { name: m[1]?.replace(/^"|"$/g, '') || undefined, email: m[2]! } : { email: from.trim() };
}

export function renderEmail(c: RenderContext, kind: MessageKind, bookingVersion: number, mailFrom: string, now = new Date()): RenderedEmail {
  const { t, facts } = messageFacts(c, kind);
  const cancel = kind === 'cancellation';
  const from = mailAddress(mailFrom);
  const ics = buildIcs({
    method: cancel ? 'CANCEL' : 'REQUEST',
    uid: `${c.booking.id}@etapiste`,
    sequence: bookingVersion,
    start: c.booking.startsAt,
    end: c.booking.endsAt,
    stamp: now,
    summary: `${facts.agency}: ${facts.service}`,
    location: `${facts.pointName}, ${facts.address}`,
    description: cancel
      ? t.lead.cancellation
      : [`${t.labels.reference}: ${facts.reference}`, t.referenceHint, ...(facts.manageUrl ? [t.manage(facts.manageUrl)] : []), t.changeOrCancel(facts)].join('\n'),
    organizer: { name: facts.pointName, email: from.email },
    attendeeEmail: c.booking.customerEmail ?? undefined,
  });
  return {
    subject: `${t.subject[kind]}: ${facts.agency}, ${facts.whenShort}`,
    text: lines(t, facts).join('\n'),
    html: html(t, facts),
    ics,
    icsMethod: cancel ? 'CANCEL' : 'REQUEST',
  };
}

/** One SMS under 300 characters; the address goes first when space runs out, the reference never does. */
export function renderSms(c: RenderContext, kind: MessageKind): string {
  const { t, facts: f } = messageFacts(c, kind);
  const head = `Etäpiste: ${t.sms[kind]} ${f.whenShort}, ${f.agency}.`;
  const where = `${f.pointName}, ${f.address}.`;
  const tail = (kind === 'cancellation' ? [t.smsBookAgain(f.phone)] : [t.smsReference(f.reference), ...(f.interpreter !== undefined ? [t.smsInterpreter] : []), f.manageUrl ? t.smsManage(f.manageUrl) : t.smsContact(f.phone)]).join(' ');
  let text = `${head} ${where} ${tail}`;
  if (text.length > SMS_MAX) text = `${head} ${tail}`;
  if (text.length > SMS_MAX) text = `${head.slice(0, Math.max(0, SMS_MAX - tail.length - 2))}… ${tail}`;
  return text;
}
