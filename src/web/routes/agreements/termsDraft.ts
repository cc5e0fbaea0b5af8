import { type AgreementTask, type AgreementTerms, agreementTerms } from '../../../shared/agreements';
import { centsToField, fieldToCents } from './format';

/** The terms as the form holds them: texts for amounts and dates, every principal with a party switch. */
export type TermsDraft = {
  title: string;
  contractorId: string;
  servicePointIds: string[];
  payerId: string;
  principals: Record<string, { party: boolean; tasks: AgreementTask[] }>;
  signedOn: string;
  validFrom: string;
  validUntil: string;
  hourlyRate: string;
  capCommunication: string;
  capRent: string;
  capWorks: string;
};

/** A new agreement: the caps default to the pilot's (§8: 1000 €, 1700 €, 2500 €). */
export const emptyDraft = (): TermsDraft => ({
  title: '',
  contractorId: '',
  servicePointIds: [],
  payerId: '',
  principals: {},
  signedOn: '',
  validFrom: '',
  validUntil: '',
  hourlyRate: '',
  capCommunication: centsToField(100_000),
  capRent: centsToField(170_000),
  capWorks: centsToField(250_000),
});

/** An amendment starts from the newest version's terms. */
export const draftFromTerms = (t: AgreementTerms): TermsDraft => ({
  title: t.title,
  contractorId: t.contractorId,
  servicePointIds: [...t.servicePointIds],
  payerId: t.payerId,
  principals: Object.fromEntries(t.principals.map((p) => [p.organisationId, { party: true, tasks: [...p.tasks] }])),
  signedOn: t.signedOn ?? '',
  validFrom: t.validFrom,
  validUntil: t.validUntil ?? '',
  hourlyRate: centsToField(t.hourlyRateCents),
  capCommunication: centsToField(t.caps.communicationMaterialsCents),
  capRent: centsToField(t.caps.premisesRentCents),
  capWorks: centsToField(t.caps.premisesWorksCents),
});

/** The fields that are visibly wrong, for aria-invalid (the server has the last word on the rest). */
export function draftProblems(d: TermsDraft): Set<keyof TermsDraft> {
  const bad = new Set<keyof TermsDraft>();
  if (!d.title.trim()) bad.add('title');
  if (!d.contractorId) bad.add('contractorId');
  if (d.servicePointIds.length === 0) bad.add('servicePointIds');
  if (!d.payerId) bad.add('payerId');
  if (!Object.values(d.principals).some((p) => p.party)) bad.add('principals');
  if (!d.validFrom) bad.add('validFrom');
  if (d.validUntil && d.validFrom && d.validUntil < d.validFrom) bad.add('validUntil');
  for (const k of ['hourlyRate', 'capCommunication', 'capRent', 'capWorks'] as const) if (fieldToCents(d[k]) === undefined) bad.add(k);
  return bad;
}

/** The terms to send, or undefined when the draft is not complete. */
export function termsFromDraft(d: TermsDraft): AgreementTerms | undefined {
  const parsed = agreementTerms.safeParse({
    title: d.title.trim(),
    contractorId: d.contractorId,
    servicePointIds: d.servicePointIds,
    payerId: d.payerId,
    principals: Object.entries(d.principals)
      .filter(([, p]) => p.party)
      .map(([organisationId, p]) => ({ organisationId, tasks: p.tasks })),
    signedOn: d.signedOn || null,
    validFrom: d.validFrom,
    validUntil: d.validUntil || null,
    hourlyRateCents: fieldToCents(d.hourlyRate),
    caps: {
      communicationMaterialsCents: fieldToCents(d.capCommunication),
      premisesRentCents: fieldToCents(d.capRent),
      premisesWorksCents: fieldToCents(d.capWorks),
    },
  });
  return parsed.success ? parsed.data : undefined;
}
