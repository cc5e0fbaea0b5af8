import { ScrollTable } from '../../../components/ScrollTable';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { AGREEMENT_TASKS } from '../../../../shared/agreements';
import { NoticeAlert } from '../../../components/Alerts';
import { localized, useLanguage } from '../../../localized';
import { useOrganisations } from '../../../queries';
import { useBookingsToRearrange, useDelegatedTasks } from '../../agreements/api';
import { formatDay, formatInstant, helsinkiDay } from '../../agreements/format';
import '../../agreements/agreements.css';

/**
 * "Our agreements": for today at the advisor's point, which agency may be served in which task, so the advisor
 * never has to guess. Every task is shown for every agency (yes / no), in words, not only by colour.
 */
export function OurAgreementsPanel({ servicePointId, pointName }: { servicePointId: string; pointName?: string }) {
  const { t } = useTranslation('agreements');
  const { lang } = useLanguage();
  const headingId = useId();
  const delegated = useDelegatedTasks(servicePointId);
  const agencies = [...(delegated.data?.agencies ?? [])].sort((a, b) => localized(a.agencyName, lang).localeCompare(localized(b.agencyName, lang), lang));
  return (
    <section className="agr-panel" aria-labelledby={headingId} data-testid="our-agreements">
      <h2 id={headingId}>{pointName ? t('desk.headingAt', { point: pointName }) : t('desk.heading')}</h2>
      {delegated.isSuccess &&
        (agencies.length === 0 ? (
          <p>{t('desk.none')}</p>
        ) : (
          <>
            <p>{t('desk.intro')}</p>
            <ScrollTable labelledBy={headingId}>
            <table className="agr-table">
              <thead>
                <tr>
                  <th scope="col">{t('desk.agency')}</th>
                  {AGREEMENT_TASKS.map((task) => (
                    <th scope="col" key={task}>
                      {t(`tasks.${task}`)}
                    </th>
                  ))}
                  <th scope="col">{t('desk.validUntil')}</th>
                </tr>
              </thead>
              <tbody>
                {agencies.map((a) => (
                  <tr key={a.agencyId} data-testid="delegation-row">
                    <th scope="row">{localized(a.agencyName, lang)}</th>
                    {AGREEMENT_TASKS.map((task) => (
                      <td key={task} className={a.tasks.includes(task) ? 'agr-yes' : 'agr-no'}>
                        {a.tasks.includes(task) ? t('desk.yes') : t('desk.no')}
                      </td>
                    ))}
                    <td>{a.validUntil ? formatDay(a.validUntil, lang) : t('desk.open')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            </ScrollTable>
          </>
        ))}
    </section>
  );
}

/** Bookings that no agreement covers any more (after a termination, an amendment or the end): to re-arrange. */
export function RearrangeNotice({ servicePointId }: { servicePointId: string }) {
  const { t } = useTranslation('agreements');
  const { lang } = useLanguage();
  const bookings = useBookingsToRearrange(servicePointId);
  const orgs = useOrganisations().data ?? [];
  const list = bookings.data ?? [];
  if (list.length === 0) return null;
  const agency = (id: string) => {
    const o = orgs.find((x) => x.id === id);
    return o ? localized(o.name, lang) : '';
  };
  return (
    <div className="agr-rearrange" data-testid="bookings-to-rearrange">
      <NoticeAlert status="warning">
        <strong>{t('rearrange.heading')}</strong>
        <br />
        {t('rearrange.intro')}
        <ScrollTable label={t('rearrange.heading')}>
        <table className="agr-table">
          <thead>
            <tr>
              <th scope="col">{t('rearrange.reference')}</th>
              <th scope="col">{t('rearrange.when')}</th>
              <th scope="col">{t('rearrange.agency')}</th>
            </tr>
          </thead>
          <tbody>
            {[...list]
              .sort((a, b) => a.startsAt.localeCompare(b.startsAt))
              .map((b) => (
                <tr key={b.id}>
                  <td>
                    {/* The calendar's booking page, where the advisor moves or cancels it. */}
                    <Link to={`/desk/calendar/booking/${b.id}?date=${helsinkiDay(new Date(b.startsAt))}&view=day`}>{b.reference}</Link>
                  </td>
                  <td>{formatInstant(b.startsAt, lang)}</td>
                  <td>{agency(b.agencyId)}</td>
                </tr>
              ))}
          </tbody>
        </table>
        </ScrollTable>
      </NoticeAlert>
    </div>
  );
}
