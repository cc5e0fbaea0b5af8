import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Button } from 'suomifi-ui-components';
import type { Language } from '../../../../shared/common';
import type { ReceiptView } from '../../../../shared/documents';
import { officialDate, officialDateTime } from '../../../../shared/official-time';
import { ErrorAlert, StatusMessage } from '../../../components/Alerts';
import { QueryStatus } from '../../../components/QueryStatus';
import { LANGUAGES } from '../../../i18n/languages';
import { useTitle } from '../../../useTitle';
import { receiptPdfUrl, useEmailReceipt, useReceipt } from './api';
import { documentError } from './labels';

const LANGUAGE_NAMES: Record<Language, string> = { fi: 'suomi', sv: 'svenska', en: 'English' };

/** The same official style as the PDF and the e-mail: "2.3.2026 klo 10.15", in the point's zone. */
const when = (iso: string, lang: Language, tz: string, time = true) => (time ? officialDateTime(iso, lang, tz, false) : officialDate(iso, lang, tz, false));

/** The receipt itself, in the customer's language: what, how many pages, for whom, when and where; no content. */
function ReceiptSheet({ r, lang }: { r: ReceiptView; lang: Language }) {
  const { t } = useTranslation('documents', { lng: lang });
  const tz = r.servicePoint.timeZone;
  return (
    <article className="doc-receipt" lang={lang} aria-labelledby="doc-receipt-h">
      <h1 id="doc-receipt-h">{t('receipt.title')}</h1>
      <p>{t('receipt.intro')}</p>
      <dl className="doc-facts">
        <dt>{t('receipt.reference')}</dt>
        <dd data-testid="receipt-reference">{r.reference}</dd>
        {r.customerName && (
          <>
            <dt>{t('receipt.customer')}</dt>
            <dd>{r.customerName}</dd>
          </>
        )}
        <dt>{t('receipt.agency')}</dt>
        <dd>{r.agency[lang]}</dd>
        <dt>{t('receipt.kind')}</dt>
        <dd>{t(`kind.${r.kind}`)}</dd>
        <dt>{t('receipt.pages')}</dt>
        <dd data-testid="receipt-pages">{r.pageCount}</dd>
        <dt>{t('receipt.files')}</dt>
        <dd>{r.fileCount}</dd>
        <dt>{t('receipt.received')}</dt>
        <dd>{when(r.receivedAt, lang, tz)}</dd>
        {r.sentAt && (
          <>
            <dt>{t('receipt.sent')}</dt>
            <dd>{when(r.sentAt, lang, tz)}</dd>
          </>
        )}
        <dt>{t('receipt.place')}</dt>
        <dd>
          {[r.servicePoint.name[lang], r.room?.[lang]].filter(Boolean).join(', ')}
          <br />
          {`${r.servicePoint.streetAddress[lang] || r.servicePoint.streetAddress.fi}, ${r.servicePoint.postalCode} ${r.servicePoint.city[lang]}`}
          <br />
          {r.servicePoint.phone}
        </dd>
      </dl>
      <p>{t('receipt.retention', { date: when(r.purgeAt, lang, tz, false) })}</p>
      <p>{t('receipt.noContent')}</p>
    </article>
  );
}

function EmailReceipt({ r, id, lang }: { r: ReceiptView; id: string; lang: Language }) {
  const { t } = useTranslation('documents');
  const inputId = useId();
  const [email, setEmail] = useState('');
  const send = useEmailReceipt(id);
  return (
    <form
      className="doc-form doc-no-print"
      onSubmit={(e) => {
        e.preventDefault();
        send.mutate({ ...(email.trim() ? { email: email.trim() } : {}), language: lang });
      }}
    >
      <div className="doc-field">
        <label htmlFor={inputId}>{t('receiptPage.email')}</label>
        <input id={inputId} type="email" autoComplete="off" value={email} placeholder={r.customerEmail ?? ''} onChange={(e) => setEmail(e.target.value)} aria-describedby={`${inputId}-hint`} />
        <span id={`${inputId}-hint`}>{r.customerEmail ? t('receiptPage.emailBooking') : t('receiptPage.emailGive')}</span>
      </div>
      {send.isError && <ErrorAlert>{documentError(t, send.error)}</ErrorAlert>}
      <StatusMessage message={send.isSuccess ? t('receiptPage.emailSent', { email: send.data.sentTo }) : undefined} />
      <div>
        <Button type="submit" variant="secondary" disabled={send.isPending}>
          {t('receiptPage.emailSubmit')}
        </Button>
      </div>
    </form>
  );
}

/** /desk/documents/:id/receipt: the printable receipt (print CSS shows the sheet only), its PDF, and e-mail. */
export function ReceiptPage() {
  const { id } = useParams();
  const { t } = useTranslation('documents');
  const receipt = useReceipt(id!);
  const [chosen, setChosen] = useState<Language>();
  useTitle(t('receipt.title'));
  return (
    <QueryStatus query={receipt}>
      {(r) => {
        const lang = chosen ?? r.language;
        return (
          <>
            <div className="doc-no-print">
              <p>
                <Link to={`/desk/documents/${id}`}>{t('receiptPage.back')}</Link>
              </p>
              <fieldset className="doc-choice">
                <legend className="doc-legend">{t('receiptPage.language')}</legend>
                {LANGUAGES.map((l) => (
                  <label key={l} lang={l}>
                    <input type="radio" name="receipt-language" checked={lang === l} onChange={() => setChosen(l)} />
                    {LANGUAGE_NAMES[l]}
                  </label>
                ))}
              </fieldset>
              <div className="doc-actions">
                <Button onClick={() => window.print()}>{t('receiptPage.print')}</Button>
                <a className="doc-button" href={receiptPdfUrl(id!, lang)} target="_blank" rel="noreferrer">
                  {t('receiptPage.pdf')}
                </a>
              </div>
            </div>
            <ReceiptSheet r={r} lang={lang} />
            <EmailReceipt r={r} id={id!} lang={lang} />
          </>
        );
      }}
    </QueryStatus>
  );
}
