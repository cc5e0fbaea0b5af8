import { useTranslation } from 'react-i18next';
import type { PersonRecords } from '../../../shared/privacy';
import { localized, useLanguage } from '../../localized';
import { formatWhen } from '../desk/documents/labels';

/** What the agency holds about the person, as tables: bookings, walk-in queue entries, document handovers. */
export function PersonRecordsView({ records }: { records: PersonRecords }) {
  const { t } = useTranslation(['privacy', 'calendar', 'documents']);
  const { lang } = useLanguage();
  return (
    <>
      {records.bookings.length > 0 && (
        <div className="privacy-scroll">
          <table className="privacy-table">
            <caption>{t('subjects.bookings')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('subjects.reference')}</th>
                <th scope="col">{t('subjects.time')}</th>
                <th scope="col">{t('subjects.service')}</th>
                <th scope="col">{t('subjects.status')}</th>
                <th scope="col">{t('subjects.name')}</th>
                <th scope="col">{t('subjects.contact')}</th>
                <th scope="col">{t('subjects.note')}</th>
              </tr>
            </thead>
            <tbody>
              {records.bookings.map((b) => (
                <tr key={b.id}>
                  <td>{b.reference}</td>
                  <td>{formatWhen(b.start, lang)}</td>
                  <td>
                    {localized(b.service, lang)}, {localized(b.servicePoint, lang)}
                  </td>
                  <td>{t(`calendar:status.${b.status}`)}</td>
                  <td>{b.customer.name}</td>
                  <td>{[b.customer.phone, b.customer.email].filter(Boolean).join(', ') || '–'}</td>
                  <td>{b.note ?? '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {records.walkIns.length > 0 && (
        <div className="privacy-scroll">
          <table className="privacy-table">
            <caption>{t('subjects.walkIns')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('subjects.time')}</th>
                <th scope="col">{t('subjects.service')}</th>
                <th scope="col">{t('subjects.name')}</th>
              </tr>
            </thead>
            <tbody>
              {records.walkIns.map((w) => (
                <tr key={w.id}>
                  <td>{formatWhen(w.createdAt, lang)}</td>
                  <td>
                    {localized(w.service, lang)}, {localized(w.servicePoint, lang)}
                  </td>
                  <td>{w.customerName}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {records.documents.length > 0 && (
        <div className="privacy-scroll">
          <table className="privacy-table">
            <caption>{t('subjects.documents')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('subjects.receipt')}</th>
                <th scope="col">{t('subjects.time')}</th>
                <th scope="col">{t('subjects.kind')}</th>
                <th scope="col">{t('subjects.status')}</th>
              </tr>
            </thead>
            <tbody>
              {records.documents.map((d) => (
                <tr key={d.id}>
                  <td>{d.reference}</td>
                  <td>{formatWhen(d.createdAt, lang)}</td>
                  <td>{t(`documents:kind.${d.kind}`)}</td>
                  <td>{t(`documents:status.${d.status}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
