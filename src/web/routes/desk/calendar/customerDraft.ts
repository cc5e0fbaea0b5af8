import type { z } from 'zod';
import type { Language } from '../../../../shared/common';
import { STAFF_BOOKING_CHANNELS as BOOKING_CHANNELS, type CreateBookingRequest, createBookingRequest } from '../../../../shared/scheduling';
import { ApiError } from '../../../api';

export type Channel = (typeof BOOKING_CHANNELS)[number];
export { BOOKING_CHANNELS };

/** What the person typing has entered so far; kept while they change the time or the service. */
export type CustomerDraft = { name: string; phone: string; email: string; language?: Language; channel: Channel; note: string };

export const emptyDraft = (channel: Channel = 'on-site'): CustomerDraft => ({ name: '', phone: '', email: '', channel, note: '' });

export type BookingBase = Pick<CreateBookingRequest, 'servicePointId' | 'agencyId' | 'serviceId' | 'start' | 'interpretingLanguage'>;

/** The request as the shared schema checks it; empty optional fields are left out rather than sent blank. */
export function bookingRequest(base: BookingBase, d: CustomerDraft) {
  const opt = (v: string) => (v.trim() === '' ? undefined : v);
  return {
    ...base,
    customer: { name: d.name, phone: opt(d.phone), email: opt(d.email) },
    language: d.language,
    channel: d.channel,
    note: opt(d.note),
  };
}

export type Field = 'name' | 'phone' | 'email' | 'language' | 'channel' | 'note';
/** Why a field is not accepted: a key under calendar:validation. */
export type FieldProblem = 'required' | 'noHetu' | 'phone' | 'email' | 'tooLong' | 'choose';

const FIELD_OF: Record<string, Field> = {
  'customer.name': 'name',
  'customer.phone': 'phone',
  'customer.email': 'email',
  language: 'language',
  channel: 'channel',
  note: 'note',
};

function problemOf(field: Field, code: string | undefined, kind: string): FieldProblem {
  if (code === 'personal_id_forbidden') return 'noHetu';
  if (field === 'phone') return 'phone';
  if (field === 'email') return 'email';
  if (field === 'language' || field === 'channel') return 'choose';
  if (kind === 'too_big') return 'tooLong';
  return 'required';
}

/** The form's field problems from the shared schema, checked in the browser before anything is sent. */
export function checkDraft(base: BookingBase, d: CustomerDraft): { ok: true; body: CreateBookingRequest } | { ok: false; problems: Map<Field, FieldProblem> } {
  const result = createBookingRequest.safeParse(bookingRequest(base, d));
  if (result.success) return { ok: true, body: result.data };
  return { ok: false, problems: problemsOf(result.error.issues) };
}

function problemsOf(issues: z.core.$ZodIssue[]): Map<Field, FieldProblem> {
  const out = new Map<Field, FieldProblem>();
  for (const issue of issues) {
    const field = FIELD_OF[issue.path.join('.')];
    const code = (issue as { params?: { code?: string } }).params?.code;
    if (field && !out.has(field)) out.set(field, problemOf(field, code, issue.code));
  }
  return out;
}

/** The same, from the server's 422 answer (its errors name the paths and domain codes). */
export function serverProblems(error: unknown): Map<Field, FieldProblem> {
  const out = new Map<Field, FieldProblem>();
  if (!(error instanceof ApiError)) return out;
  for (const e of error.problem.errors ?? []) {
    const field = FIELD_OF[e.path];
    if (field && !out.has(field)) out.set(field, problemOf(field, e.code, e.code ?? ''));
  }
  return out;
}
