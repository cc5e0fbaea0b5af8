import { useTranslation } from 'react-i18next';
import { Table } from 'suomifi-ui-components';
import type { AuditEventView } from '../../../../shared/audit';
import { useLanguage } from '../../../localized';
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

/** The events as an auditor reads them: Helsinki time, the action's code, outcome, who and what. */
export function AuditTable({ events, labelledBy }: { events: AuditEventView[]; labelledBy: string }) {
  const { t } = useTranslation('reports');
  const { locale } = useLanguage();
  const time = new Intl.DateTimeFormat(locale, { timeZone: AUDIT_TIME_ZONE, dateStyle: 'short', timeStyle: 'medium' });
  const columns = [
    { key: 'at', labelText: t('audit.time') },
    { key: 'action', labelText: t('audit.actionColumn') },
    { key: 'outcome', labelText: t('audit.outcome') },
    { key: 'actor', labelText: t('audit.actor') },
    { key: 'target', labelText: t('audit.target') },
    { key: 'details', labelText: t('audit.details') },
  ];
  return (
    <div className="audit-table-wrap">
      <Table
        aria-labelledby={labelledBy}
        condensed
        columns={columns}
        data={events.map((e) => ({
          id: String(e.id),
          at: <time dateTime={e.at}>{time.format(new Date(e.at))}</time>,
          action: <code>{e.action}</code>,
          outcome: t(`audit.outcomes.${e.outcome}`, { defaultValue: e.outcome }),
          actor: (
            <>
              {t(`audit.actorTypes.${e.actorType}`, { defaultValue: e.actorType })}
              {e.actorId && <div className="audit-id">{e.actorId}</div>}
            </>
          ),
          target: e.targetType ? (
            <>
              {e.targetType}
              {e.targetId && <div className="audit-id">{e.targetId}</div>}
            </>
          ) : (
            ''
          ),
          details: <Details details={e.details} />,
        }))}
      />
    </div>
  );
}
