import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import './calendar.css';

/** The desk's way into its main tool: a large link to the booking calendar. */
export function CalendarLink({ to = '/desk/calendar', variant = 'desk' }: { to?: string; variant?: 'desk' | 'expert' }) {
  const { t } = useTranslation('calendar');
  return (
    <p className="cal-entry">
      <Link to={to} className="cal-entry-link">
        {variant === 'desk' ? t('entry.desk') : t('entry.expert')}
      </Link>
    </p>
  );
}
