import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { AgreementDetail } from '../../../shared/agreements';
import type { Language } from '../../../shared/common';
import { useLanguage } from '../../localized';
import { formatDay, formatInstant } from './format';
import { TermsFacts, VersionPrincipals, useNames } from './TermsView';

/** Every version, newest first; each one's terms stay readable (§13: amendments in writing, history kept). */
export function VersionsSection({ agreement }: { agreement: AgreementDetail }) {
  const { t } = useTranslation('agreements');
  const { lang } = useLanguage();
  return (
    <section className="agr-section" aria-labelledby="agr-versions-h">
      <h2 id="agr-versions-h">{t('versions.heading')}</h2>
      <ol className="agr-versions" reversed>
        {agreement.versions.map((v) => (
          <li key={v.version} data-testid="agreement-version">
            <h3 className="agr-version-title">
              {t('versions.item', { version: v.version })}
              {v.version === agreement.version && ` (${t('versions.current')})`}
            </h3>
            <p>
              {t('versions.effective', { date: formatDay(v.effectiveFrom, lang) })}
              {' · '}
              {v.createdBy ? t('versions.recorded', { date: formatInstant(v.createdAt, lang), name: v.createdBy.name }) : t('versions.recordedNoName', { date: formatInstant(v.createdAt, lang) })}
            </p>
            {v.description && <p className="agr-note">{v.description}</p>}
            <details className="agr-details">
              <summary>{t('versions.show', { version: v.version })}</summary>
              <TermsFacts terms={v.terms} />
              <VersionPrincipals terms={v.terms} />
            </details>
          </li>
        ))}
      </ol>
    </section>
  );
}

/** §14: who terminated with whom, when and why. */
export function TerminationsSection({ agreement }: { agreement: AgreementDetail }) {
  const { t } = useTranslation('agreements');
  const { lang } = useLanguage();
  const names = useNames();
  if (agreement.terminations.length === 0) return null;
  return (
    <section className="agr-section" aria-labelledby="agr-term-h">
      <h2 id="agr-term-h">{t('terminations.heading')}</h2>
      <ul className="agr-plain-list">
        {agreement.terminations.map((x) => (
          <li key={x.id}>
            <p>
              {t('terminations.item', {
                terminating: names.org(x.terminatingOrganisationId),
                neglecting: names.org(x.neglectingOrganisationId),
                date: formatInstant(x.endedAt, lang),
                ended: names.org(x.endedOrganisationId),
              })}
            </p>
            <p>{t('terminations.reason', { reason: x.reason })}</p>
            {x.recordedBy && <p>{t('terminations.recordedBy', { name: x.recordedBy.name })}</p>}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** `agreement.amended`, `duty_completed` … → the key of its label. */
const actionKey = (action: string) => action.replace(/^agreements?\./, '').replace(/_/g, '-');

type Names = ReturnType<typeof useNames>;
const str = (v: unknown) => (typeof v === 'string' ? v : '');

/** What the audit details of a change say, in words: the version, tasks removed or added, the party that left. */
function detailLines(t: TFunction, h: AgreementDetail['history'][number], names: Names, lang: Language): string[] {
  const d = h.details;
  const lines: string[] = [];
  if (typeof d.version === 'number') lines.push(t('history.detail.versionFrom', { version: d.version, date: formatDay(str(d.effectiveFrom) || str(d.validFrom), lang) }));
  const tasks = (v: unknown) =>
    (Array.isArray(v) ? (v as { organisationId?: string; task?: string }[]) : [])
      .map((x) => `${names.org(x.organisationId ?? '')} – ${t(`tasksInText.${x.task}`, { defaultValue: x.task ?? '' })}`)
      .join('; ');
  if (tasks(d.tasksRemoved)) lines.push(t('history.detail.removed', { items: tasks(d.tasksRemoved) }));
  if (tasks(d.tasksAdded)) lines.push(t('history.detail.added', { items: tasks(d.tasksAdded) }));
  const fields = Array.isArray(d.fields) ? (d.fields as string[]) : [];
  if (fields.length) lines.push(t('history.detail.fields', { fields: fields.map((f) => t(`history.detail.fieldNames.${f}`, { defaultValue: f })).join(', ') }));
  if (str(d.endedOrganisationId)) lines.push(t('history.detail.ended', { organisation: names.org(str(d.endedOrganisationId)) }));
  if (str(d.kind) && str(d.doneOn)) lines.push(t('history.detail.dutyDone', { duty: t(`duties.kind.${str(d.kind)}`), date: formatDay(str(d.doneOn), lang) }));
  for (const k of ['description', 'reason', 'filename', 'note']) if (str(d[k])) lines.push(str(d[k]));
  return lines;
}

/** Who changed what and when. */
export function HistorySection({ agreement }: { agreement: AgreementDetail }) {
  const { t } = useTranslation('agreements');
  const { lang } = useLanguage();
  const names = useNames();
  return (
    <section className="agr-section" aria-labelledby="agr-history-h">
      <h2 id="agr-history-h">{t('history.heading')}</h2>
      {agreement.history.length === 0 ? (
        <p>{t('history.empty')}</p>
      ) : (
        <table className="agr-table">
          <thead>
            <tr>
              <th scope="col">{t('history.at')}</th>
              <th scope="col">{t('history.action')}</th>
              <th scope="col">{t('history.by')}</th>
              <th scope="col">{t('history.details')}</th>
            </tr>
          </thead>
          <tbody>
            {agreement.history.map((h, i) => (
              <tr key={`${h.at}-${i}`} data-testid="history-row">
                <td>{formatInstant(h.at, lang)}</td>
                <td>{t(`history.actions.${actionKey(h.action)}`, { defaultValue: h.action })}</td>
                <td>{h.by?.name ?? t('history.system')}</td>
                <td>
                  {detailLines(t, h, names, lang).map((line) => (
                    <div key={line}>{line}</div>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
