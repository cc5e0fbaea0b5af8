import { useTranslation } from 'react-i18next';
import type { BookingStatus } from '../../../../shared/scheduling';
import { useCalendar } from './CalendarContext';

/** A booking's status as a labelled chip; the colour only repeats what the text says. */
export function StatusChip({ status }: { status: BookingStatus }) {
  const { t } = useTranslation('calendar');
  return <span className={`cal-chip cal-chip-${status}`}>{t(`status.${status}`)}</span>;
}

/**
 * The agency as a short coloured tag ("Vero"), the same words the block and the legend use (so the visible
 * label is also the accessible one); the full name on hover.
 */
export function AgencyTag({ agencyId }: { agencyId: string }) {
  const { agencyShort, agencyName, colourOf } = useCalendar();
  return (
    <span className={`cal-tag cal-agency-${colourOf(agencyId)}`} title={agencyName(agencyId)}>
      {agencyShort(agencyId)}
    </span>
  );
}
