import i18n from 'i18next';
import type { Problem } from '../../../shared/common';
import { isLanguage } from '../../i18n/languages';
import { formatDay } from './format';

/**
 * The message of an agreement problem (`agreement.*`), with the agency, task and date it names, in the UI
 * language; undefined when the agreements texts do not know the code (or are not loaded yet). The areas where
 * such a refusal can come (desk, expert) load the agreements namespace up front, so any screen's error text works.
 */
export function agreementMessage(problem: Pick<Problem, 'code' | 'params'>): string | undefined {
  const key = `agreements:errors.${problem.code}`;
  if (!problem.code.startsWith('agreement.') || !i18n.exists(key)) return undefined;
  const lang = isLanguage(i18n.language) ? i18n.language : 'fi';
  const p = problem.params ?? {};
  return i18n.t(key, {
    ...p,
    agency: p[`agencyName_${lang}`] || p.agencyName_fi || '',
    task: p.task ? i18n.t(`agreements:tasksInText.${p.task}`, { defaultValue: p.task }) : '',
    date: p.date ? formatDay(p.date, lang) : '',
  });
}
