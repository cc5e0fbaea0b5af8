import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Button } from 'suomifi-ui-components';
import { DOCUMENT_KINDS, type DocumentKind, handoverCreate } from '../../../../shared/documents';
import type { BookingView } from '../../../../shared/scheduling';
import { get } from '../../../api';
import { ErrorAlert } from '../../../components/Alerts';
import { localized, useLanguage } from '../../../localized';
import { useOrganisations } from '../../../queries';
import { useDelegatedTasks } from '../../agreements/api';
import { useCreateHandover } from './api';
import { hetuFields } from '../../../errors';
import { documentError, formatWhen } from './labels';

/** The one text for a henkilötunnus in any field (common:errors.personal_id_forbidden), at the field. */
function HetuError({ id }: { id: string }) {
  const { t } = useTranslation('common');
  return (
    <span id={id} className="doc-field-error" role="alert">
      {t('errors.personal_id_forbidden')}
    </span>
  );
}

/** Today's bookings at the point, for choosing whose documents these are. */
function useTodaysBookings(servicePointId: string) {
  const from = new Date();
  from.setHours(0, 0, 0, 0);
  const to = new Date(from.getTime() + 24 * 3600_000);
  return useQuery({
    queryKey: ['bookings', 'documents-today', servicePointId, from.toISOString()],
    queryFn: async () =>
      (await get<{ bookings: BookingView[] }>(`/api/bookings?servicePointId=${servicePointId}&from=${encodeURIComponent(from.toISOString())}&to=${encodeURIComponent(to.toISOString())}`)).bookings.filter(
        (b) => b.status !== 'cancelled',
      ),
  });
}

/** The advisor starts a handover: whose (a booking today, or a walk-in customer of an agency), what, and a note. */
export function NewHandoverForm({ servicePointId }: { servicePointId: string }) {
  const { t } = useTranslation('documents');
  const { lang } = useLanguage();
  const id = useId();
  const navigate = useNavigate();
  const bookings = useTodaysBookings(servicePointId);
  const agencies = (useOrganisations().data ?? []).filter((o) => o.kind === 'principal');
  // A walk-in customer's documents only for agencies whose agreement delegates receiving documents here today.
  const delegated = useDelegatedTasks(servicePointId);
  const receiving = agencies.filter((a) => delegated.data?.agencies.some((d) => d.agencyId === a.id && d.tasks.includes('document-reception')));
  const [mode, setMode] = useState<'booking' | 'walkIn'>('booking');
  const [bookingId, setBookingId] = useState('');
  const [agencyId, setAgencyId] = useState('');
  const [customerName, setCustomerName] = useState('');
  const [kind, setKind] = useState<DocumentKind>('application');
  const [coverNote, setCoverNote] = useState('');
  const [invalid, setInvalid] = useState(false);
  const [hetu, setHetu] = useState<Set<string>>(new Set());
  const create = useCreateHandover();
  const agencyName = (aid: string) => localized(agencies.find((a) => a.id === aid)?.name ?? { fi: '', sv: '', en: '' }, lang);

  return (
    <form
      className="doc-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const body = {
          kind,
          ...(coverNote.trim() ? { coverNote } : {}),
          ...(mode === 'booking' ? { bookingId: bookingId || undefined } : { walkIn: { servicePointId, agencyId, customerName } }),
        };
        const parsed = handoverCreate.safeParse(body);
        const withHetu = hetuFields(parsed);
        setHetu(withHetu);
        // A henkilötunnus is said at its field, not hidden behind "choose a booking".
        setInvalid(!parsed.success && withHetu.size === 0);
        if (!parsed.success) return;
        create.mutate(parsed.data, { onSuccess: (h) => void navigate(`/desk/documents/${h.id}`) });
      }}
    >
      <fieldset className="doc-choice">
        <legend className="doc-legend">{t('new.whose')}</legend>
        <label>
          <input type="radio" name={`${id}-mode`} checked={mode === 'booking'} onChange={() => setMode('booking')} />
          {t('new.booking')}
        </label>
        <label>
          <input type="radio" name={`${id}-mode`} checked={mode === 'walkIn'} onChange={() => setMode('walkIn')} />
          {t('new.walkIn')}
        </label>
      </fieldset>
      {mode === 'booking' ? (
        <div className="doc-field">
          <label htmlFor={`${id}-booking`}>{t('new.chooseBooking')}</label>
          <select id={`${id}-booking`} value={bookingId} onChange={(e) => setBookingId(e.target.value)} aria-invalid={invalid && !bookingId}>
            <option value="">{t('new.bookingPlaceholder')}</option>
            {(bookings.data ?? []).map((b) => (
              <option key={b.id} value={b.id}>
                {`${formatWhen(b.start, lang)} ${b.customer.name} (${agencyName(b.agencyId)})`}
              </option>
            ))}
          </select>
          {bookings.data?.length === 0 && <span>{t('new.noBookings')}</span>}
        </div>
      ) : (
        <>
          <div className="doc-field">
            <label htmlFor={`${id}-agency`}>{t('new.agency')}</label>
            <select
              id={`${id}-agency`}
              value={agencyId}
              onChange={(e) => setAgencyId(e.target.value)}
              aria-invalid={invalid && !agencyId}
              aria-describedby={`${id}-agency-hint`}
            >
              <option value="">{t('new.agencyPlaceholder')}</option>
              {receiving.map((a) => (
                <option key={a.id} value={a.id}>
                  {localized(a.name, lang)}
                </option>
              ))}
            </select>
            <span id={`${id}-agency-hint`}>{delegated.isSuccess && receiving.length === 0 ? t('agreements:desk.handoverNone') : t('agreements:desk.handoverOnly')}</span>
          </div>
          <div className="doc-field">
            <label htmlFor={`${id}-name`}>{t('new.customerName')}</label>
            <input
              id={`${id}-name`}
              type="text"
              autoComplete="off"
              value={customerName}
              onChange={(e) => setCustomerName(e.target.value)}
              aria-invalid={(invalid && !customerName.trim()) || hetu.has('walkIn.customerName')}
              aria-describedby={hetu.has('walkIn.customerName') ? `${id}-name-hetu` : undefined}
            />
            {hetu.has('walkIn.customerName') && <HetuError id={`${id}-name-hetu`} />}
          </div>
        </>
      )}
      <div className="doc-field">
        <label htmlFor={`${id}-kind`}>{t('new.kind')}</label>
        <select id={`${id}-kind`} value={kind} onChange={(e) => setKind(e.target.value as DocumentKind)}>
          {DOCUMENT_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`kind.${k}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="doc-field">
        <label htmlFor={`${id}-note`}>{t('new.coverNote')}</label>
        <textarea
          id={`${id}-note`}
          rows={3}
          maxLength={500}
          value={coverNote}
          onChange={(e) => setCoverNote(e.target.value)}
          aria-invalid={hetu.has('coverNote')}
          aria-describedby={hetu.has('coverNote') ? `${id}-note-hetu ${id}-note-hint` : `${id}-note-hint`}
        />
        {hetu.has('coverNote') && <HetuError id={`${id}-note-hetu`} />}
        <span id={`${id}-note-hint`}>{t('new.coverNoteHint')}</span>
      </div>
      {invalid && <ErrorAlert>{t('new.incomplete')}</ErrorAlert>}
      {create.isError && <ErrorAlert>{documentError(t, create.error)}</ErrorAlert>}
      <div>
        <Button type="submit" disabled={create.isPending}>
          {t('new.submit')}
        </Button>
      </div>
    </form>
  );
}
