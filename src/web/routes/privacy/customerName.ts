import { useTranslation } from 'react-i18next';
import type { BookingView } from '../../../shared/scheduling';

/** The booking's customer as the calendars show it: the name, or that the data was removed (docs/privacy.md). */
export function useCustomerName(): (b: Pick<BookingView, 'customer' | 'customerDataRemoved'>) => string {
  const { t } = useTranslation('privacy');
  return (b) => (b.customerDataRemoved ? t('removed') : b.customer.name);
}
