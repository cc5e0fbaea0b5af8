import { z } from 'zod';
import { freeText } from './scheduling.js';

/**
 * Time reports and cost claims (agreement §8 costs and payment, §12 reporting): docs/time-reports.md.
 * Dates are Helsinki calendar days `YYYY-MM-DD`, months `YYYY-MM`. Money is in euro cents, time in whole minutes.
 */

export const TIME_TASKS = ['identity-verification', 'booking', 'device-help', 'document-reception', 'training', 'other'] as const;
export const timeTaskSchema = z.enum(TIME_TASKS);
export type TimeTask = z.infer<typeof timeTaskSchema>;

/** Where a suggested entry came from: one row of what the system saw, counted at most once. */
export const SUGGESTION_SOURCES = ['call', 'identity-check', 'booking-event', 'walk-in', 'handover'] as const;
export const suggestionSourceSchema = z.enum(SUGGESTION_SOURCES);
export type SuggestionSource = z.infer<typeof suggestionSourceSchema>;
export const sourceRef = z.strictObject({ kind: suggestionSourceSchema, id: z.uuid() });
export type SourceRef = z.infer<typeof sourceRef>;

const isoDate = z.iso.date();
const instant = z.iso.datetime({ offset: true });
export const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'month is YYYY-MM');

/** A day's work on one task never exceeds a day; an adjustment may take minutes away (negative). */
const minutes = z.number().int().min(-1440).max(1440).refine((m) => m !== 0, { message: 'minutes must not be zero' });

export const timeEntryInput = z
  .strictObject({
    date: isoDate,
    minutes,
    task: timeTaskSchema,
    agencyId: z.uuid().nullish(),
    note: freeText(500).nullish(),
    /** Needed only by an advisor working at more than one point. */
    servicePointId: z.uuid().optional(),
    /** Accepting a suggestion: the event it came from (nothing is counted twice). */
    source: sourceRef.optional(),
    /** A correction of an entry in an approved month, recorded in a later month. */
    adjustsEntryId: z.uuid().optional(),
  })
  .refine((e) => e.minutes > 0 || e.adjustsEntryId !== undefined, { message: 'only an adjustment may be negative', path: ['minutes'] });
export type TimeEntryInput = z.infer<typeof timeEntryInput>;

export const timeEntryPatch = z.strictObject({
  date: isoDate.optional(),
  minutes: minutes.optional(),
  task: timeTaskSchema.optional(),
  agencyId: z.uuid().nullish(),
  note: freeText(500).nullish(),
});
export type TimeEntryPatch = z.infer<typeof timeEntryPatch>;

export const timeEntriesQuery = z
  .strictObject({ from: isoDate, to: isoDate, userId: z.uuid().optional(), servicePointId: z.uuid().optional() })
  .refine((q) => q.from <= q.to, { message: 'to is before from', path: ['to'] });
export const suggestionsQuery = z
  .strictObject({ from: isoDate, to: isoDate })
  .refine((q) => q.from <= q.to, { message: 'to is before from', path: ['to'] });

export const timeEntryView = z.object({
  id: z.uuid(),
  userId: z.uuid(),
  userName: z.string(),
  servicePointId: z.uuid(),
  date: isoDate,
  minutes: z.number().int(),
  task: timeTaskSchema,
  agencyId: z.uuid().nullable(),
  /** Null for readers outside the contractor (agencies see their hours, not the advisors' notes). */
  note: z.string().nullable(),
  source: sourceRef.nullable(),
  adjustsEntryId: z.uuid().nullable(),
  /** The month of this entry is submitted or approved: it cannot be changed. */
  locked: z.boolean(),
  createdAt: instant,
  updatedAt: instant,
});
export type TimeEntryView = z.infer<typeof timeEntryView>;

export const timeEntriesView = z.object({
  entries: z.array(timeEntryView),
  totalMinutes: z.number().int(),
  minutesByDay: z.record(z.string(), z.number().int()),
  minutesByTask: z.record(z.string(), z.number().int()),
});
export type TimeEntriesView = z.infer<typeof timeEntriesView>;

export const suggestionView = z.object({
  source: sourceRef,
  date: isoDate,
  /** When the event began (call acknowledged, check requested, booking changed, walk-in queued, handover opened). */
  at: instant,
  minutes: z.number().int(),
  /** Measured from the event's own start and end, or the configured standard time for the task. */
  measured: z.boolean(),
  task: timeTaskSchema,
  agencyId: z.uuid().nullable(),
  servicePointId: z.uuid(),
  /** What happened, as a key the UI words: call, identity-check, booking-created, booking-moved, booking-cancelled, walk-in, handover. */
  what: z.string(),
});
export type SuggestionView = z.infer<typeof suggestionView>;

export const suggestionDismissal = sourceRef;

// Month close.
export const MONTH_STATES = ['open', 'submitted', 'approved', 'returned'] as const;
export type MonthState = (typeof MONTH_STATES)[number];
export const monthParams = z.strictObject({ servicePointId: z.uuid(), month: monthSchema });
export const monthReturn = z.strictObject({ comment: freeText(1000).pipe(z.string().min(1)) });

export const monthView = z.object({
  servicePointId: z.uuid(),
  month: monthSchema,
  status: z.enum(MONTH_STATES),
  submittedAt: instant.nullable(),
  submittedBy: z.string().nullable(),
  decidedAt: instant.nullable(),
  decidedBy: z.string().nullable(),
  comment: z.string().nullable(),
  totalMinutes: z.number().int(),
  byAdvisor: z.array(z.object({ userId: z.uuid(), name: z.string(), minutes: z.number().int(), minutesByTask: z.record(z.string(), z.number().int()) })),
  minutesByTask: z.record(z.string(), z.number().int()),
  /** Key `none` holds time not tied to an agency (training, other). */
  minutesByAgency: z.record(z.string(), z.number().int()),
  /** Days with activity (events the system saw) but no time recorded by that advisor. */
  gaps: z.array(z.object({ userId: z.uuid(), date: isoDate, activities: z.number().int() })),
});
export type MonthView = z.infer<typeof monthView>;

// Cost claims.
export const CLAIM_CATEGORIES = ['communication-materials', 'premises-rent', 'furniture', 'other'] as const;
/** Premises works are billed to VM by Senaatti: VM records them for the full picture; the city cannot claim them. */
export const ALL_CLAIM_CATEGORIES = [...CLAIM_CATEGORIES, 'premises-works'] as const;
export type ClaimCategory = (typeof ALL_CLAIM_CATEGORIES)[number];
export const CLAIM_STATES = ['pending', 'approved', 'rejected'] as const;

export const costClaimInput = z.strictObject({
  agreementId: z.uuid(),
  category: z.enum(ALL_CLAIM_CATEGORIES),
  amountCents: z.number().int().min(1).max(100_000_000),
  date: isoDate,
  description: freeText(500).pipe(z.string().min(1)),
});
export type CostClaimInput = z.infer<typeof costClaimInput>;
export const costClaimsQuery = z.strictObject({ agreementId: z.uuid().optional() });
export const claimDecision = z.strictObject({ comment: freeText(1000).optional() });

export const costClaimView = z.object({
  id: z.uuid(),
  agreementId: z.uuid(),
  category: z.enum(ALL_CLAIM_CATEGORIES),
  amountCents: z.number().int(),
  date: isoDate,
  description: z.string(),
  status: z.enum(CLAIM_STATES),
  /** False for premises works: recorded by VM, not reimbursed to the city. */
  claimable: z.boolean(),
  receipt: z.object({ mediaType: z.string(), sizeBytes: z.number().int() }).nullable(),
  createdAt: instant,
  createdBy: z.string().nullable(),
  decidedAt: instant.nullable(),
  decidedBy: z.string().nullable(),
  comment: z.string().nullable(),
});
export type CostClaimView = z.infer<typeof costClaimView>;

// Reimbursement report.
export const REPORT_FORMATS = ['json', 'csv', 'xlsx', 'pdf'] as const;
export const reportQuery = z
  .strictObject({
    agreementId: z.uuid(),
    from: isoDate,
    to: isoDate,
    format: z.enum(REPORT_FORMATS).default('json'),
    lang: z.enum(['fi', 'sv']).default('fi'),
  })
  .refine((q) => q.from <= q.to, { message: 'to is before from', path: ['to'] });

export const capView = z.object({ category: z.enum(ALL_CLAIM_CATEGORIES), capCents: z.number().int(), usedCents: z.number().int(), leftCents: z.number().int() });

export const reimbursementReport = z.object({
  agreementId: z.uuid(),
  agreementTitle: z.string(),
  contractor: z.string(),
  payer: z.string(),
  principals: z.array(z.string()),
  from: isoDate,
  to: isoDate,
  hourlyRateCents: z.number().int(),
  totalMinutes: z.number().int(),
  /** Of totalMinutes, those in months VM has approved. */
  approvedMinutes: z.number().int(),
  minutesByTask: z.record(z.string(), z.number().int()),
  minutesByAgency: z.record(z.string(), z.number().int()),
  /** Agency names by id for the keys of minutesByAgency (`none`: time not tied to an agency). */
  agencyNames: z.record(z.string(), z.string()),
  labourCents: z.number().int(),
  approvedLabourCents: z.number().int(),
  claims: z.array(costClaimView),
  /** Claimable claims of the period that are approved or pending (rejected ones are listed, not counted). */
  claimsCents: z.number().int(),
  approvedClaimsCents: z.number().int(),
  pendingClaimsCents: z.number().int(),
  claimsByCategory: z.record(z.string(), z.number().int()),
  totalCents: z.number().int(),
  approvedTotalCents: z.number().int(),
  caps: z.array(capView),
  /** Premises works billed to VM (recorded, not part of the city's total). */
  premisesWorksCents: z.number().int(),
  invoiceBasis: z.object({ period: z.object({ from: isoDate, to: isoDate }), reference: z.string() }),
});
export type ReimbursementReport = z.infer<typeof reimbursementReport>;
