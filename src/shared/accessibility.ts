import { z } from 'zod';
import { emailSchema, languageSchema } from './common.js';
import { freeText } from './scheduling.js';

/**
 * The accessibility statement and the feedback channel that the act on providing digital services (306/2019) asks
 * for: a statement per language that the main admin edits (every version kept), and feedback answered within
 * 14 days. Dates are calendar days `YYYY-MM-DD`, instants ISO 8601 with offset.
 */

const isoDate = z.iso.date();
const instant = z.iso.datetime({ offset: true });

export { STATEMENT_PATHS } from './accessibility-paths.js';

/** The law's deadline for answering feedback, and the day a reminder goes out before it. */
export const FEEDBACK_ANSWER_DAYS = 14;
export const FEEDBACK_REMINDER_DAY = 10;

export const CONFORMANCE_LEVELS = ['full', 'partial', 'none'] as const;
export const conformanceSchema = z.enum(CONFORMANCE_LEVELS);
export type Conformance = z.infer<typeof conformanceSchema>;

export const shortcomingSchema = z.strictObject({
  /** What does not conform and what it means for the user. */
  description: freeText(2000).pipe(z.string().min(1)),
  /** The WCAG success criteria it fails, e.g. "1.3.1". */
  criteria: freeText(200).optional(),
  /** When it is expected to be fixed; absent when no fix is planned (with the reason in the description). */
  fixBy: isoDate.nullable(),
});
export type Shortcoming = z.infer<typeof shortcomingSchema>;

/** One language's statement, as the main admin writes it. */
export const statementContentSchema = z.strictObject({
  /** The service the statement covers. */
  service: freeText(2000).pipe(z.string().min(1)),
  statementDate: isoDate,
  reviewedOn: isoDate,
  conformance: conformanceSchema,
  shortcomings: z.array(shortcomingSchema).max(50),
  /** How to give feedback, besides the form on the page. */
  feedback: freeText(4000).pipe(z.string().min(1)),
  /** The supervisory authority's contact (Traficom's digital accessibility supervision). */
  supervision: freeText(4000).pipe(z.string().min(1)),
  /** How accessibility was assessed. */
  assessment: freeText(4000).pipe(z.string().min(1)),
});
export type StatementContent = z.infer<typeof statementContentSchema>;

export const statementParams = z.strictObject({ language: languageSchema });

export const statementView = z.object({
  language: languageSchema,
  /** 0 for the built-in statement that stands until the main admin saves the first version. */
  version: z.number().int(),
  content: statementContentSchema,
  savedAt: instant.nullable(),
});
export type StatementView = z.infer<typeof statementView>;

export const statementVersionView = statementView.extend({ savedBy: z.object({ id: z.uuid(), name: z.string() }).nullable() });
export type StatementVersionView = z.infer<typeof statementVersionView>;

export const FEEDBACK_STATUSES = ['new', 'answered', 'closed'] as const;
export const feedbackStatusSchema = z.enum(FEEDBACK_STATUSES);
export type FeedbackStatus = z.infer<typeof feedbackStatusSchema>;

/** The public form: no sign-in; the e-mail is only for the answer. */
export const feedbackCreate = z.strictObject({
  message: freeText(4000).pipe(z.string().min(1)),
  email: emailSchema.optional(),
  /** The page or part of the service the feedback concerns. */
  page: freeText(500).optional(),
  /** The language the sender wrote in, for the answer's wording. */
  language: languageSchema.optional(),
});
export type FeedbackCreate = z.infer<typeof feedbackCreate>;

export const feedbackReceipt = z.object({ id: z.uuid(), receivedAt: instant, dueAt: instant });

/** `day10`: the reminder day has come; `overdue`: the 14 days have passed without an answer. */
export const feedbackAttentionSchema = z.enum(['day10', 'overdue']).nullable();

export const feedbackItem = z.object({
  id: z.uuid(),
  message: z.string(),
  email: z.string().nullable(),
  page: z.string().nullable(),
  language: languageSchema.nullable(),
  receivedAt: instant,
  dueAt: instant,
  status: feedbackStatusSchema,
  attention: feedbackAttentionSchema,
  answer: z.string().nullable(),
  answeredAt: instant.nullable(),
  answeredBy: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  /** Whether the answer went out by e-mail from the app. */
  answerEmailed: z.boolean(),
  closedAt: instant.nullable(),
});
export type FeedbackItem = z.infer<typeof feedbackItem>;

export const feedbackQuery = z.strictObject({ status: feedbackStatusSchema.optional() });

export const feedbackAnswer = z.strictObject({
  answer: freeText(8000).pipe(z.string().min(1)),
  /** Send the answer to the sender's e-mail address (when one was given and SMTP is set). */
  sendEmail: z.boolean().default(true),
});
export type FeedbackAnswer = z.input<typeof feedbackAnswer>;

/** What the coordinators' area shows at a glance. */
export const feedbackSummary = z.object({ open: z.number().int(), day10: z.number().int(), overdue: z.number().int() });
export type FeedbackSummary = z.infer<typeof feedbackSummary>;
