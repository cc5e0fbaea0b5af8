import { type Conformance, type StatementContent, statementContentSchema } from '../../../shared/accessibility';
import { parseDate, toDateText } from '../admin/scheduling/dates';

/** The editor's form state: dates as people type them (6.12.2026), each shortcoming with a stable key. */
export type ShortcomingDraft = { key: string; description: string; criteria: string; fixBy: string };
export type StatementDraft = {
  service: string;
  statementDate: string;
  reviewedOn: string;
  conformance: Conformance;
  shortcomings: ShortcomingDraft[];
  feedback: string;
  supervision: string;
  assessment: string;
};

let nextKey = 0;
export const newShortcoming = (): ShortcomingDraft => ({ key: `s${++nextKey}`, description: '', criteria: '', fixBy: '' });

export function toDraft(c: StatementContent): StatementDraft {
  return {
    ...c,
    statementDate: toDateText(c.statementDate),
    reviewedOn: toDateText(c.reviewedOn),
    shortcomings: c.shortcomings.map((s) => ({ ...newShortcoming(), description: s.description, criteria: s.criteria ?? '', fixBy: s.fixBy ? toDateText(s.fixBy) : '' })),
  };
}

/**
 * The content to save, or the fields in error: paths like `service`, `shortcomings.<key>.fixBy`, each with the
 * validation message key. A date that is not a real day is an error; an empty fix date means "no date".
 */
export function fromDraft(d: StatementDraft): { content?: StatementContent; errors: Map<string, string> } {
  const errors = new Map<string, string>();
  const date = (path: string, text: string, optional = false) => {
    if (optional && !text.trim()) return null;
    const ymd = parseDate(text);
    if (!ymd) errors.set(path, 'validation.date');
    return ymd ?? '';
  };
  const content = {
    service: d.service,
    statementDate: date('statementDate', d.statementDate),
    reviewedOn: date('reviewedOn', d.reviewedOn),
    conformance: d.conformance,
    shortcomings: d.shortcomings.map((s) => ({
      description: s.description,
      ...(s.criteria.trim() ? { criteria: s.criteria } : {}),
      fixBy: date(`shortcomings.${s.key}.fixBy`, s.fixBy, true),
    })),
    feedback: d.feedback,
    supervision: d.supervision,
    assessment: d.assessment,
  };
  const parsed = statementContentSchema.safeParse(content);
  for (const issue of parsed.error?.issues ?? []) {
    const [field, index, sub] = issue.path.map(String);
    const path = field === 'shortcomings' && index !== undefined ? `shortcomings.${d.shortcomings[Number(index)]?.key}.${sub}` : field!;
    if (!errors.has(path)) errors.set(path, issue.message.includes('identity code') ? 'validation.personalId' : 'validation.required');
  }
  return errors.size === 0 && parsed.success ? { content: parsed.data, errors } : { errors };
}
