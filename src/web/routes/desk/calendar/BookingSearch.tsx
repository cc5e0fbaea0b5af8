import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, TextInput } from 'suomifi-ui-components';
import { QueryStatus } from '../../../components/QueryStatus';
import { BookingRow } from './BookingRow';
import { useBookings } from './queries';

/** Find a booking by the customer's name, phone number or the reference; newest first. Searches on submit only. */
export function BookingSearch({ servicePointId, agencyId }: { servicePointId?: string; agencyId?: string }) {
  const { t } = useTranslation('calendar');
  const id = useId();
  const [text, setText] = useState('');
  const [q, setQ] = useState<string>();
  const [tooShort, setTooShort] = useState(false);
  const results = useBookings(q ? { q, servicePointId, agencyId, limit: 50 } : undefined);
  return (
    <section className="cal-panel" aria-labelledby={id}>
      <h2 id={id} className="cal-panel-title">
        {t('search.title')}
      </h2>
      <form
        role="search"
        aria-labelledby={id}
        className="cal-search"
        onSubmit={(e) => {
          e.preventDefault();
          const value = text.trim();
          setTooShort(value.length < 2);
          setQ(value.length >= 2 ? value : undefined);
        }}
      >
        <TextInput
          labelText={t('search.label')}
          hintText={t('search.hint')}
          value={text}
          onChange={(v) => setText(String(v ?? ''))}
          status={tooShort ? 'error' : 'default'}
          statusText={tooShort ? t('search.tooShort') : undefined}
          fullWidth
        />
        <Button type="submit">{t('search.submit')}</Button>
      </form>
      {q && (
        <QueryStatus query={results}>
          {({ bookings }) => (
            <>
              <p role="status">{t('search.count', { count: bookings.length })}</p>
              {bookings.length > 0 && (
                <ul className="cal-rows">
                  {bookings.map((b) => (
                    <li key={b.id}>
                      <BookingRow booking={b} showDay />
                    </li>
                  ))}
                </ul>
              )}
            </>
          )}
        </QueryStatus>
      )}
    </section>
  );
}
