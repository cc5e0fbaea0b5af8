import { z } from 'zod';
import { localizedTextSchema } from './common.js';
import { freeText } from './scheduling.js';

/**
 * The joint-service agreement (yhteispalvelusopimus, laki 223/2007) and what it delegates: docs/agreements.md.
 * Dates are Helsinki calendar days `YYYY-MM-DD`, both ends inclusive. Money is in euro cents.
 */

/** §3 tasks 1–3: identity verification; bookings incl. device and connection help; receiving documents. */
export const AGREEMENT_TASKS = ['identity-verification', 'booking', 'document-reception'] as const;
export const agreementTaskSchema = z.enum(AGREEMENT_TASKS);
export type AgreementTask = z.infer<typeof agreementTaskSchema>;

export const AGREEMENT_STATES = ['draft', 'in-force', 'ended', 'terminated'] as const;
export type AgreementState = (typeof AGREEMENT_STATES)[number];

export const DUTY_KINDS = ['avi-registration', 'register-notification'] as const;
export type DutyKind = (typeof DUTY_KINDS)[number];
export const DUTY_TRIGGERS = ['made', 'amended', 'ended'] as const;

const isoDate = z.iso.date();
const instant = z.iso.datetime({ offset: true });
const cents = z.number().int().min(0).max(100_000_000);

export const agreementCaps = z.strictObject({
  communicationMaterialsCents: cents,
  premisesRentCents: cents,
  premisesWorksCents: cents,
});
export type AgreementCaps = z.infer<typeof agreementCaps>;

export const principalTerms = z.strictObject({
  organisationId: z.uuid(),
  tasks: z.array(agreementTaskSchema).max(AGREEMENT_TASKS.length),
});

/** Everything a version of the agreement says. A new agreement and every amendment carry the whole of it. */
export const agreementTerms = z
  .strictObject({
    title: freeText(200).pipe(z.string().min(1)),
    contractorId: z.uuid(),
    servicePointIds: z.array(z.uuid()).min(1).max(50),
    payerId: z.uuid(),
    principals: z.array(principalTerms).min(1).max(50),
    signedOn: isoDate.nullable(),
    validFrom: isoDate,
    validUntil: isoDate.nullable(),
    hourlyRateCents: cents,
    caps: agreementCaps,
  })
  .refine((t) => t.validUntil === null || t.validFrom <= t.validUntil, {
    message: 'validUntil is before validFrom',
    path: ['validUntil'],
    params: { code: 'agreement.validity_reversed' },
  });
export type AgreementTerms = z.infer<typeof agreementTerms>;

export const agreementCreate = agreementTerms;

export const agreementAmendment = z.strictObject({
  /** The day from which the new version applies (not before the current version's). */
  effectiveFrom: isoDate,
  description: freeText(1000).pipe(z.string().min(1)),
  terms: agreementTerms,
});
export type AgreementAmendment = z.infer<typeof agreementAmendment>;

export const agreementTermination = z.strictObject({
  terminatingOrganisationId: z.uuid(),
  neglectingOrganisationId: z.uuid(),
  reason: freeText(2000).pipe(z.string().min(1)),
});

export const dutyCompletion = z.strictObject({ doneOn: isoDate, note: freeText(500).optional() });
export const dutyParams = z.strictObject({ id: z.uuid(), dutyId: z.uuid() });

export const agreementParty = z.object({
  organisationId: z.uuid(),
  role: z.enum(['principal', 'payer']),
  tasks: z.array(agreementTaskSchema),
  endedAt: instant.nullable(),
  endReason: z.string().nullable(),
});

export const agreementView = z.object({
  id: z.uuid(),
  title: z.string(),
  contractorId: z.uuid(),
  servicePointIds: z.array(z.uuid()),
  payerId: z.uuid(),
  signedOn: isoDate.nullable(),
  validFrom: isoDate,
  validUntil: isoDate.nullable(),
  state: z.enum(AGREEMENT_STATES),
  parties: z.array(agreementParty),
  /** The newest version and the day it applies from. */
  version: z.number().int(),
  effectiveFrom: isoDate,
  hourlyRateCents: z.number().int(),
  caps: agreementCaps,
  hasDocument: z.boolean(),
  overdueDuties: z.number().int(),
  createdAt: instant,
  updatedAt: instant,
});
export type AgreementView = z.infer<typeof agreementView>;

export const personRef = z.object({ id: z.uuid(), name: z.string() }).nullable();

export const agreementVersionView = z.object({
  version: z.number().int(),
  effectiveFrom: isoDate,
  description: z.string().nullable(),
  terms: agreementTerms,
  createdAt: instant,
  createdBy: personRef,
});
export type AgreementVersionView = z.infer<typeof agreementVersionView>;

export const agreementDutyView = z.object({
  id: z.uuid(),
  kind: z.enum(DUTY_KINDS),
  trigger: z.enum(DUTY_TRIGGERS),
  version: z.number().int(),
  dueOn: isoDate,
  doneOn: isoDate.nullable(),
  note: z.string().nullable(),
  doneBy: personRef,
  overdue: z.boolean(),
});
export type AgreementDutyView = z.infer<typeof agreementDutyView>;

export const terminationView = z.object({
  id: z.uuid(),
  terminatingOrganisationId: z.uuid(),
  neglectingOrganisationId: z.uuid(),
  /** The party whose participation ended (the one of the two that is not the contractor). */
  endedOrganisationId: z.uuid(),
  reason: z.string(),
  endedAt: instant,
  recordedBy: personRef,
});

/** One change in the history: who changed what and when. */
export const agreementHistoryEntry = z.object({ at: instant, action: z.string(), by: personRef, details: z.record(z.string(), z.unknown()) });

export const agreementDetail = agreementView.extend({
  versions: z.array(agreementVersionView),
  duties: z.array(agreementDutyView),
  terminations: z.array(terminationView),
  history: z.array(agreementHistoryEntry),
  document: z.object({ filename: z.string(), sizeBytes: z.number().int(), uploadedAt: instant }).nullable(),
});
export type AgreementDetail = z.infer<typeof agreementDetail>;

export const agreementsQuery = z.strictObject({ state: z.enum(AGREEMENT_STATES).optional() });

/** The advisors' "our agreements" panel: for a date at a point, which agency may be served for which task. */
export const delegatedTasksQuery = z.strictObject({ date: isoDate.optional() });
export const delegatedTasksView = z.object({
  servicePointId: z.uuid(),
  date: isoDate,
  agencies: z.array(
    z.object({
      agencyId: z.uuid(),
      agencyName: localizedTextSchema,
      tasks: z.array(agreementTaskSchema),
      agreementId: z.uuid(),
      agreementTitle: z.string(),
      validUntil: isoDate.nullable(),
    }),
  ),
});
export type DelegatedTasksView = z.infer<typeof delegatedTasksView>;

/** Active bookings whose date no agreement covers any more (after a termination, an amendment or the end). */
export const rearrangeQuery = z.strictObject({ servicePointId: z.uuid().optional(), agencyId: z.uuid().optional() });
export const rearrangeView = z.object({
  bookings: z.array(
    z.object({
      id: z.uuid(),
      reference: z.string(),
      servicePointId: z.uuid(),
      agencyId: z.uuid(),
      startsAt: instant,
      endsAt: instant,
      status: z.string(),
    }),
  ),
});
