import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { WalkInForm } from './WalkInForm';
import { WalkInQueue } from './WalkInQueue';

/** The desk's walk-in queue: add a customer who came without a booking, see who waits. */
export function WalkInPanel({ servicePointId }: { servicePointId: string }) {
  const { t } = useTranslation('calendar');
  const id = useId();
  return (
    <section className="cal-panel" aria-labelledby={id}>
      <h2 id={id} className="cal-panel-title">
        {t('walkIn.title')}
      </h2>
      <h3 className="cal-subheading">
        {t('walkIn.waiting')}
      </h3>
      <WalkInQueue params={{ servicePointId }} mode="advisor" />
      <h3 className="cal-subheading">{t('walkIn.add')}</h3>
      <WalkInForm servicePointId={servicePointId} />
    </section>
  );
}
