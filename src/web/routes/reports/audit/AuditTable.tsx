import { useTranslation } from 'react-i18next';
import { Table } from 'suomifi-ui-components';
import type { AuditEventView, AuditName } from '../../../../shared/audit';
import { AUDIT_ACTION_GROUPS } from '../../../../shared/audit';
import { useLanguage } from '../../../localized';
import { auditName } from './names';
import { AUDIT_TIME_ZONE } from './zonedDay';

function Details({ details }: { details: Record<string, unknown> }) {
  const entries = Object.entries(details);
  if (entries.length === 0) return null;
  return (
    <ul className="audit-details">
      {entries.map(([k, v]) => (
        <li key={k}>
          {k}: {typeof v === 'string' ? v : JSON.stringify(v)}
        </li>
      ))}
    </ul>
  );
}

/** The action group an action belongs to (its prefix), for a readable label above the exact code. */
const groupOf = (action: string) =>
  (Object.entries(AUDIT_ACTION_GROUPS) as [string, readonly string[]][]).find(([, prefixes]) => prefixes.includes(action.split('.')[0]!))?.[0] ?? 'other';

/** A name when the server resolved one, else the id (small, breakable), under a label of what it is. */
function Named({ kind, name, id }: { kind?: string; name?: AuditName; id?: string }) {
  const { lang } = useLanguage();
  return (
    <>
      {kind && <div className="audit-kind">{kind}</div>}
      {name !== undefined ? <div>{auditName(name, lang)}</div> : id && <div className="audit-id">{id}</div>}
    </>
  );
}

/** The events as an auditor reads them: Helsinki time, what was done, by whom, to what, in which organisation. */
export function AuditTable({ events, labelledBy }: { events: AuditEventView[]; labelledBy: string }) {
  const { t } = useTranslation('reports');
  const { lang, locale } = useLanguage();
  const time = new Intl.DateTimeFormat(locale, { timeZone: AUDIT_TIME_ZONE, dateStyle: 'short', timeStyle: 'medium' });
  const columns = [
    { key: 'at', labelText: t('audit.time') },
    { key: 'action', labelText: t('audit.actionColumn') },
    { key: 'outcome', labelText: t('audit.outcome') },
    { key: 'actor', labelText: t('audit.actor') },
    { key: 'target', labelText: t('audit.target') },
    { key: 'organisation', labelText: t('audit.organisationColumn') },
  ];
  return (
    // A wide table scrolls inside its own box (focusable, so keyboard users can scroll it too), never the page.
    <div className="audit-table-wrap" tabIndex={0} role="region" aria-label={t('audit.tableHint')}>
      <Table
        aria-labelledby={labelledBy}
        condensed
        columns={columns}
        data={events.map((e) => ({
          id: String(e.id),
          at: <time dateTime={e.at}>{time.format(new Date(e.at))}</time>,
          action: (
            <>
              <div>{t(`audit.groups.${groupOf(e.action)}`)}</div>
              <code className="audit-code">{e.action}</code>
              <Details details={e.details} />
            </>
          ),
          outcome: t(`audit.outcomes.${e.outcome}`, { defaultValue: e.outcome }),
          actor: <Named kind={t(`audit.actorTypes.${e.actorType}`, { defaultValue: e.actorType })} name={e.actorName} id={e.actorId} />,
          target: e.targetType ? <Named kind={t(`audit.targetTypes.${e.targetType}`, { defaultValue: e.targetType })} name={e.targetName} id={e.targetId} /> : '',
          organisation: e.organisationName !== undefined ? auditName(e.organisationName, lang) : (e.organisationId ?? ''),
        }))}
      />
    </div>
  );
}
