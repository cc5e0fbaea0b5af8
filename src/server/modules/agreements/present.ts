import type { AgreementDetail, AgreementView } from '../../../shared/agreements.js';
import type { DutyRow } from './repository.js';
import { type AgreementRecord, type AgreementVersion, newest, stateOf, termsOf, terminationOf } from './terms.js';

/** The organisations party to the newest version and the points it covers: what the read policy decides on. */
export function partiesOf(a: AgreementRecord) {
  const ids = new Set<string>();
  const points = new Set<string>();
  for (const v of a.versions) {
    ids.add(v.contractorId);
    ids.add(v.payerId);
    for (const p of v.principals) ids.add(p.organisationId);
    for (const sp of v.servicePointIds) points.add(sp);
  }
  return { partyOrganisationIds: [...ids], servicePointIds: [...points] };
}

export const isOverdue = (d: DutyRow, on: string) => d.doneOn === null && d.dueOn < on;

export function presentAgreement(a: AgreementRecord, on: string, duties: DutyRow[], hasDocument: boolean): AgreementView {
  const v = newest(a);
  const ended = (orgId: string) => {
    const t = terminationOf(a, orgId);
    return { endedAt: t ? t.endedAt.toISOString() : null, endReason: t ? t.reason : null };
  };
  return {
    id: a.id,
    title: v.title,
    contractorId: v.contractorId,
    servicePointIds: v.servicePointIds,
    payerId: v.payerId,
    signedOn: v.signedOn,
    validFrom: v.validFrom,
    validUntil: v.validUntil,
    state: stateOf(a, on),
    parties: [
      ...v.principals.map((p) => ({ organisationId: p.organisationId, role: 'principal' as const, tasks: p.tasks, ...ended(p.organisationId) })),
      { organisationId: v.payerId, role: 'payer' as const, tasks: [], ...ended(v.payerId) },
    ],
    version: v.version,
    effectiveFrom: v.effectiveFrom,
    hourlyRateCents: v.hourlyRateCents,
    caps: v.caps,
    hasDocument,
    overdueDuties: duties.filter((d) => isOverdue(d, on)).length,
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
  };
}

type Extras = {
  duties: DutyRow[];
  names: Map<string, string>;
  history: { at: Date; action: string; actorId: string | null; details: Record<string, unknown> }[];
  document: { filename: string; sizeBytes: number; uploadedAt: Date } | undefined;
};

export function presentDetail(a: AgreementRecord, on: string, x: Extras): AgreementDetail {
  const person = (id: string | null) => (id ? { id, name: x.names.get(id) ?? '' } : null);
  const version = (v: AgreementVersion) => ({
    version: v.version,
    effectiveFrom: v.effectiveFrom,
    description: v.description,
    terms: termsOf(v),
    createdAt: v.createdAt.toISOString(),
    createdBy: person(v.createdBy),
  });
  return {
    ...presentAgreement(a, on, x.duties, !!x.document),
    versions: [...a.versions].reverse().map(version),
    duties: x.duties.map((d) => ({
      id: d.id,
      kind: d.kind,
      trigger: d.trigger,
      version: d.version,
      dueOn: d.dueOn,
      doneOn: d.doneOn,
      note: d.note,
      doneBy: person(d.doneBy),
      overdue: isOverdue(d, on),
    })),
    terminations: a.terminations.map((t) => ({
      id: t.id,
      terminatingOrganisationId: t.terminatingOrganisationId,
      neglectingOrganisationId: t.neglectingOrganisationId,
      endedOrganisationId: t.endedOrganisationId,
      reason: t.reason,
      endedAt: t.endedAt.toISOString(),
      recordedBy: person(t.recordedBy),
    })),
    history: x.history.map((h) => ({ at: h.at.toISOString(), action: h.action, by: person(h.actorId), details: h.details })),
    document: x.document ? { filename: x.document.filename, sizeBytes: x.document.sizeBytes, uploadedAt: x.document.uploadedAt.toISOString() } : null,
  };
}
