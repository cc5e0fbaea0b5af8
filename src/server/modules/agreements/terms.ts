import type { AgreementCaps, AgreementState, AgreementTask, AgreementTerms } from '../../../shared/agreements.js';
import type { PrincipalTerms } from '../../db/schema/agreements.js';
import { localDate } from '../scheduling/time.js';

/**
 * What an agreement allows on a day, as pure functions of its versions and terminations (docs/agreements.md).
 * Dates are Helsinki calendar days 'YYYY-MM-DD' (string order is date order), validity ends inclusive.
 */
export const AGREEMENT_TZ = 'Europe/Helsinki';

export type AgreementVersion = {
  version: number;
  effectiveFrom: string;
  description: string | null;
  title: string;
  contractorId: string;
  servicePointIds: string[];
  payerId: string;
  principals: PrincipalTerms[];
  signedOn: string | null;
  validFrom: string;
  validUntil: string | null;
  hourlyRateCents: number;
  caps: AgreementCaps;
  createdAt: Date;
  createdBy: string | null;
};

export type AgreementTermination = {
  id: string;
  terminatingOrganisationId: string;
  neglectingOrganisationId: string;
  endedOrganisationId: string;
  reason: string;
  endedAt: Date;
  recordedBy: string | null;
};

export type AgreementRecord = {
  id: string;
  contractorId: string;
  createdAt: Date;
  updatedAt: Date;
  /** Oldest first; never empty. */
  versions: AgreementVersion[];
  terminations: AgreementTermination[];
};

export const today = (now = new Date()) => localDate(now, AGREEMENT_TZ);
export const newest = (a: AgreementRecord) => a.versions[a.versions.length - 1]!;

/** The version that applies on a day: the newest whose effective date has come (amendments never go back in time). */
export function versionOn(a: AgreementRecord, date: string): AgreementVersion | undefined {
  for (let i = a.versions.length - 1; i >= 0; i--) if (a.versions[i]!.effectiveFrom <= date) return a.versions[i];
  return undefined;
}

/** The first day on which a terminated party no longer takes part: termination is immediate (§14). */
export const endedOn = (t: AgreementTermination) => localDate(t.endedAt, AGREEMENT_TZ);

export function terminationOf(a: AgreementRecord, organisationId: string) {
  return a.terminations.find((t) => t.endedOrganisationId === organisationId);
}

function partyTakesPartOn(a: AgreementRecord, organisationId: string, date: string) {
  const t = terminationOf(a, organisationId);
  return !t || date < endedOn(t);
}

/** Whether the version is signed and valid on the day. */
const inForceOn = (v: AgreementVersion, date: string) => v.signedOn !== null && v.validFrom <= date && (v.validUntil === null || date <= v.validUntil);

/** The tasks an agency has delegated to a service point through this agreement on a day ([] when none). */
export function tasksOn(a: AgreementRecord, servicePointId: string, agencyId: string, date: string): AgreementTask[] {
  const v = versionOn(a, date);
  if (!v || !inForceOn(v, date) || !v.servicePointIds.includes(servicePointId)) return [];
  if (!partyTakesPartOn(a, agencyId, date)) return [];
  return v.principals.find((p) => p.organisationId === agencyId)?.tasks ?? [];
}

/** Every agency's delegated tasks at a point on a day, over several agreements (a task delegated by any counts). */
export function delegationsOn(records: AgreementRecord[], servicePointId: string, date: string) {
  const out = new Map<string, { tasks: Set<AgreementTask>; agreement: AgreementRecord; version: AgreementVersion }>();
  for (const a of records) {
    const v = versionOn(a, date);
    if (!v) continue;
    for (const p of v.principals) {
      const tasks = tasksOn(a, servicePointId, p.organisationId, date);
      if (tasks.length === 0) continue;
      const entry = out.get(p.organisationId) ?? { tasks: new Set<AgreementTask>(), agreement: a, version: v };
      for (const task of tasks) entry.tasks.add(task);
      out.set(p.organisationId, entry);
    }
  }
  return out;
}

/**
 * The state today: `terminated` when no principal of the newest version takes part any more; `draft` while unsigned
 * or before its first valid day; `ended` after its last valid day; otherwise `in-force`.
 */
export function stateOf(a: AgreementRecord, on: string): AgreementState {
  const v = newest(a);
  if (v.principals.length > 0 && v.principals.every((p) => terminationOf(a, p.organisationId))) return 'terminated';
  if (v.signedOn === null || on < v.validFrom) return 'draft';
  if (v.validUntil !== null && on > v.validUntil) return 'ended';
  return 'in-force';
}

export const termsOf = (v: AgreementVersion): AgreementTerms => ({
  title: v.title,
  contractorId: v.contractorId,
  servicePointIds: v.servicePointIds,
  payerId: v.payerId,
  principals: v.principals,
  signedOn: v.signedOn,
  validFrom: v.validFrom,
  validUntil: v.validUntil,
  hourlyRateCents: v.hourlyRateCents,
  caps: v.caps,
});

/** The same day a month later (the 31st of a shorter month becomes its last day): the §13 notification deadline. */
export function addMonth(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const ny = m === 12 ? y + 1 : y;
  const nm = m === 12 ? 1 : m + 1;
  const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  return `${ny}-${String(nm).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}
