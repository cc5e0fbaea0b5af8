import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** The expert's way to today's video meetings, next to the calendar link. */
export function MeetingsLink() {
  const { t } = useTranslation('meeting');
  return (
    <p className="cal-entry">
      <Link to="/expert/meetings" className="cal-entry-link">
        {t('list.entry')}
      </Link>
    </p>
  );
}
