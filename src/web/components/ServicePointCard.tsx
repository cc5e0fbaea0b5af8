import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Heading, Link } from 'suomifi-ui-components';
import type { ServicePointView } from '../../shared/directory';
import { localized, useLanguage } from '../localized';
import { useClosedDays } from './closedDays';
import { currentWeek, wallClock } from './opening';
import { OpenStatus } from './OpenStatus';
import { OpeningHours } from './OpeningHours';
import './servicePoint.css';

type Props = { point: ServicePointView; now: Date; level?: 'h2' | 'h3'; showRooms?: boolean };

/** A service point as staff need it at a glance: where, how to call, whether it is open, this week's hours. */
export function ServicePointCard({ point, now, level = 'h2', showRooms = false }: Props) {
  const { t } = useTranslation('servicePoint');
  const { lang } = useLanguage();
  const id = useId();
  const sub = level === 'h2' ? 'h3' : 'h4';
  const week = currentWeek(point.timeZone, now);
  const closedDays = useClosedDays(point.id, week[0]!.date, week[6]!.date).data ?? [];
  const today = wallClock(point.timeZone, now).date;
  return (
    <section className="sp-card" aria-labelledby={`${id}-name`}>
      <Heading variant={level} id={`${id}-name`} mb="xs">
        {localized(point.name, lang)}
      </Heading>
      <p className="sp-card-status">
        {point.active ? <OpenStatus hours={point.openingHours} timeZone={point.timeZone} now={now} closedToday={closedDays.find((c) => c.date === today)} /> : t('inactive')}
      </p>
      <dl className="sp-card-facts">
        <div>
          <dt>{t('address')}</dt>
          <dd>
            {localized(point.streetAddress, lang)}, {point.postalCode} {localized(point.city, lang)}
          </dd>
        </div>
        <div>
          <dt>{t('phone')}</dt>
          <dd>
            <Link href={`tel:${point.phone.replace(/\s/g, '')}`}>{point.phone}</Link>
          </dd>
        </div>
      </dl>
      <Heading variant={sub} id={`${id}-hours`} mb="xs">
        {t('openingHours')}
      </Heading>
      <OpeningHours hours={point.openingHours} timeZone={point.timeZone} now={now} headingId={`${id}-hours`} closedDays={closedDays} />
      {showRooms && (
        <>
          <Heading variant={sub} id={`${id}-rooms`} mt="m" mb="xs">
            {t('rooms')}
          </Heading>
          {point.rooms.length === 0 ? (
            <p>{t('noRooms')}</p>
          ) : (
            <ul className="sp-card-rooms" aria-labelledby={`${id}-rooms`}>
              {point.rooms.map((room) => (
                <li key={room.id}>{room.active ? localized(room.name, lang) : t('roomInactive', { name: localized(room.name, lang) })}</li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
