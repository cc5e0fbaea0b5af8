import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { PublicBookingCreated } from '../../../shared/public-booking';
import { BookingFacts, type Facts, IcsLink } from './BookingFacts';

type Props = { created: PublicBookingCreated; facts: Facts; headingRef: RefObject<HTMLHeadingElement | null>; onAnother(): void };

/** The confirmation: reference, place and time, what to bring, the .ics and the manage link. */
export function BookingDone({ created, facts, headingRef, onAnother }: Props) {
  const { t } = useTranslation('publicBooking');
  const withReference = { ...facts, reference: created.reference };
  return (
    <section className="pb-card" aria-labelledby="pb-done">
      <h2 id="pb-done" ref={headingRef} tabIndex={-1}>
        {t('done.heading')}
      </h2>
      <p role="status">{t('done.lead')}</p>
      <BookingFacts facts={withReference} />
      <p>{t('done.referenceHint')}</p>
      <h3>{t('done.bring')}</h3>
      <p>{t('done.bringList')}</p>
      <h3>{t('done.manage')}</h3>
      <p>{t('done.manageHint')}</p>
      <p className="pb-link">
        <a href={created.manageUrl}>{created.manageUrl}</a>
      </p>
      <div className="pb-actions">
        <IcsLink facts={withReference} manageUrl={created.manageUrl} />
        <button type="button" className="pb-button pb-secondary" onClick={onAnother}>
          {t('done.another')}
        </button>
      </div>
    </section>
  );
}
