import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Heading, Paragraph } from 'suomifi-ui-components';
import { TIME_TASKS, type SuggestionView, type TimeTask } from '../../../shared/time-reports';
import { ErrorAlert } from '../../components/Alerts';
import { QueryStatus } from '../../components/QueryStatus';
import { localized, useLanguage } from '../../localized';
import { useOrganisations } from '../../queries';
import { useTitle } from '../../useTitle';
import { addDays, helsinkiToday, hoursOf, mondayOf, timeError, useDeleteEntry, useDismiss, useEntries, useRecordEntry, useSuggestions } from './api';
import '../agreements/agreements.css';
import './time-reports.css';
import { formatDay } from '../../days';

/** The first and last day of the week or month around a day. */
function rangeOf(span: 'week' | 'month', anchor: string) {
  if (span === 'week') return { from: mondayOf(anchor), to: addDays(mondayOf(anchor), 6) };
  const from = `${anchor.slice(0, 7)}-01`;
  return { from, to: addDays(`${addDays(from, 31).slice(0, 7)}-01`, -1) };
}

/** The advisor's time (/desk/time): a week or a month of entries, what the system saw to accept or discard, a new entry. */
export function TimePage() {
  const { t } = useTranslation('timeReports');
  const { lang } = useLanguage();
  const [span, setSpan] = useState<'week' | 'month'>('week');
  const [anchor, setAnchor] = useState(helsinkiToday);
  const { from, to } = rangeOf(span, anchor);
  const step = (dir: 1 | -1) => setAnchor(span === 'week' ? addDays(anchor, 7 * dir) : dir < 0 ? addDays(from, -1) : addDays(to, 1));
  useTitle(t('desk.title'));
  return (
    <>
      <Heading variant="h1" mb="xs">
        {t('desk.title')}
      </Heading>
      <Paragraph mb="m">{t('desk.intro')}</Paragraph>
      <div className="tr-week-nav" role="group" aria-label={t('desk.view')}>
        {(['week', 'month'] as const).map((s) => (
          <Button key={s} variant={span === s ? 'default' : 'secondary'} aria-pressed={span === s} onClick={() => setSpan(s)}>
            {t(s === 'week' ? 'desk.viewWeek' : 'desk.viewMonth')}
          </Button>
        ))}
      </div>
      <nav className="tr-week-nav" aria-label={t('desk.weekNav')}>
        <Button variant="secondary" onClick={() => step(-1)}>
          {t(span === 'week' ? 'desk.previousWeek' : 'desk.previousMonth')}
        </Button>
        <span aria-live="polite">{span === 'week' ? t('desk.week', { from: formatDay(from, lang), to: formatDay(to, lang) }) : t('desk.month', { month: from.slice(0, 7) })}</span>
        <Button variant="secondary" onClick={() => step(1)} disabled={to >= helsinkiToday()}>
          {t(span === 'week' ? 'desk.nextWeek' : 'desk.nextMonth')}
        </Button>
      </nav>
      <Suggestions from={from} to={to} />
      <Week from={from} to={to} />
      <NewEntry />
    </>
  );
}

function useAgencyName() {
  const { lang } = useLanguage();
  const orgs = useOrganisations().data ?? [];
  return (id: string | null) => (id ? localized(orgs.find((o) => o.id === id)?.name ?? { fi: '', sv: '', en: '' }, lang) : '');
}

function Suggestions({ from, to }: { from: string; to: string }) {
  const { t } = useTranslation('timeReports');
  const suggestions = useSuggestions(from, to);
  const record = useRecordEntry();
  const dismiss = useDismiss();
  const agency = useAgencyName();
  const { lang, locale } = useLanguage();
  const [minutes, setMinutes] = useState<Record<string, string>>({});
  const accept = (s: SuggestionView) =>
    record.mutateAsync({ date: s.date, minutes: Number(minutes[s.source.id] ?? s.minutes), task: s.task, agencyId: s.agencyId, source: s.source });
  return (
    <section className="agr-section" aria-labelledby="tr-suggestions">
      <h2 id="tr-suggestions">{t('desk.suggestions')}</h2>
      <QueryStatus query={suggestions}>
        {(list) =>
          list.length === 0 ? (
            <p>{t('desk.noSuggestions')}</p>
          ) : (
            <>
              <table className="agr-table">
                <thead>
                  <tr>
                    <th scope="col">{t('fields.date')}</th>
                    <th scope="col">{t('fields.what')}</th>
                    <th scope="col">{t('fields.agency')}</th>
                    <th scope="col">{t('fields.minutes')}</th>
                    <th scope="col">{t('fields.actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((s) => (
                    <tr key={s.source.id}>
                      <td>{formatDay(s.date, lang)} {new Date(s.at).toLocaleTimeString(locale, { timeZone: 'Europe/Helsinki', hour: '2-digit', minute: '2-digit' })}</td>
                      <th scope="row">
                        {t(`what.${s.what}`)} <span className="tr-muted">({t(s.measured ? 'desk.measured' : 'desk.standard')})</span>
                      </th>
                      <td>{agency(s.agencyId)}</td>
                      <td>
                        <input
                          className="tr-minutes"
                          type="number"
                          min={1}
                          max={1440}
                          aria-label={t('desk.minutesOf', { what: t(`what.${s.what}`) })}
                          value={minutes[s.source.id] ?? String(s.minutes)}
                          onChange={(e) => setMinutes({ ...minutes, [s.source.id]: e.target.value })}
                        />
                      </td>
                      <td>
                        <div className="tr-actions">
                          <Button onClick={() => void accept(s)} disabled={record.isPending}>
                            {t('desk.accept')}
                          </Button>
                          <Button variant="secondary" onClick={() => dismiss.mutate(s.source)} disabled={dismiss.isPending}>
                            {t('desk.discard')}
                          </Button>
                        </div>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <Button
                variant="secondary"
                disabled={record.isPending}
                onClick={() => {
                  void (async () => {
                    for (const s of list) await accept(s);
                  })();
                }}
              >
                {t('desk.acceptAll')}
              </Button>
            </>
          )
        }
      </QueryStatus>
      {(record.isError || dismiss.isError) && <ErrorAlert>{timeError(t, record.error ?? dismiss.error)}</ErrorAlert>}
    </section>
  );
}

function Week({ from, to }: { from: string; to: string }) {
  const { t } = useTranslation('timeReports');
  const { lang } = useLanguage();
  const entries = useEntries(from, to);
  const remove = useDeleteEntry();
  const agency = useAgencyName();
  return (
    <section className="agr-section" aria-labelledby="tr-week">
      <h2 id="tr-week">{t('desk.entries')}</h2>
      <QueryStatus query={entries}>
        {(view) => (
          <>
            <p>
              <strong>{t('desk.total', { time: hoursOf(view.totalMinutes) })}</strong>
            </p>
            {view.entries.length === 0 ? (
              <p>{t('desk.noEntries')}</p>
            ) : (
              <table className="agr-table">
                <thead>
                  <tr>
                    <th scope="col">{t('fields.date')}</th>
                    <th scope="col">{t('fields.task')}</th>
                    <th scope="col">{t('fields.agency')}</th>
                    <th scope="col">{t('fields.minutes')}</th>
                    <th scope="col">{t('fields.note')}</th>
                    <th scope="col">{t('fields.actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {view.entries.map((e) => (
                    <tr key={e.id}>
                      <td>{formatDay(e.date, lang)}</td>
                      <th scope="row">{t(`tasks.${e.task}`)}</th>
                      <td>{agency(e.agencyId)}</td>
                      <td>{e.minutes}</td>
                      <td>{e.note}</td>
                      <td>
                        {e.locked ? (
                          t('desk.locked')
                        ) : (
                          <Button variant="secondary" onClick={() => remove.mutate(e.id)} aria-label={t('desk.removeEntry', { date: e.date, task: t(`tasks.${e.task}`) })}>
                            {t('desk.remove')}
                          </Button>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </>
        )}
      </QueryStatus>
      {remove.isError && <ErrorAlert>{timeError(t, remove.error)}</ErrorAlert>}
    </section>
  );
}

function NewEntry() {
  const { t } = useTranslation('timeReports');
  const { lang } = useLanguage();
  const id = useId();
  const agencies = (useOrganisations().data ?? []).filter((o) => o.kind === 'principal');
  const [date, setDate] = useState(helsinkiToday());
  const [minutes, setMinutes] = useState('60');
  const [task, setTask] = useState<TimeTask>('training');
  const [agencyId, setAgencyId] = useState('');
  const [note, setNote] = useState('');
  const [saved, setSaved] = useState(false);
  const record = useRecordEntry();
  return (
    <section className="agr-section" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('desk.add')}</h2>
      <form
        className="agr-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          setSaved(false);
          record.mutate({ date, minutes: Number(minutes), task, agencyId: agencyId || null, note: note.trim() || null }, { onSuccess: () => (setSaved(true), setNote('')) });
        }}
      >
        <div className="tr-fields">
          <div className="agr-field">
            <label htmlFor={`${id}-date`}>{t('fields.date')}</label>
            <input id={`${id}-date`} type="date" value={date} max={helsinkiToday()} onChange={(e) => setDate(e.target.value)} />
          </div>
          <div className="agr-field">
            <label htmlFor={`${id}-min`}>{t('fields.minutes')}</label>
            <input id={`${id}-min`} type="number" min={1} max={1440} value={minutes} onChange={(e) => setMinutes(e.target.value)} />
          </div>
          <div className="agr-field">
            <label htmlFor={`${id}-task`}>{t('fields.task')}</label>
            <select id={`${id}-task`} value={task} onChange={(e) => setTask(e.target.value as TimeTask)}>
              {TIME_TASKS.map((k) => (
                <option key={k} value={k}>
                  {t(`tasks.${k}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="agr-field">
            <label htmlFor={`${id}-agency`}>{t('fields.agencyOptional')}</label>
            <select id={`${id}-agency`} value={agencyId} onChange={(e) => setAgencyId(e.target.value)}>
              <option value="">{t('desk.noAgency')}</option>
              {agencies.map((o) => (
                <option key={o.id} value={o.id}>
                  {localized(o.name, lang)}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div className="agr-field">
          <label htmlFor={`${id}-note`}>{t('fields.noteOptional')}</label>
          <p id={`${id}-hint`} className="agr-hint">
            {t('desk.noteHint')}
          </p>
          <textarea id={`${id}-note`} rows={2} maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} aria-describedby={`${id}-hint`} />
        </div>
        {record.isError && <ErrorAlert>{timeError(t, record.error)}</ErrorAlert>}
        {saved && <p role="status">{t('desk.saved')}</p>}
        <div className="agr-actions">
          <Button type="submit" disabled={record.isPending}>
            {t('desk.save')}
          </Button>
        </div>
      </form>
    </section>
  );
}
