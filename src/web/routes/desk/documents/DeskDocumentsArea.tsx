import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Route, Routes } from 'react-router';
import { Heading, Paragraph } from 'suomifi-ui-components';
import type { HandoverView } from '../../../../shared/documents';
import { useUser } from '../../../auth';
import { NoticeAlert } from '../../../components/Alerts';
import { QueryStatus } from '../../../components/QueryStatus';
import { localized, useLanguage } from '../../../localized';
import { useOrganisations, useServicePoints } from '../../../queries';
import { LiveStatus } from '../../../realtime/LiveStatus';
import { useTitle } from '../../../useTitle';
import { useDocumentEvents, useHandovers } from './api';
import { HandoverEditorPage } from './HandoverEditorPage';
import { formatWhen } from './labels';
import { NewHandoverForm } from './NewHandoverForm';
import { ReceiptPage } from './ReceiptPage';
import { StatusChip } from './StatusChip';
import './documents.css';

/** /desk/documents: the point's handovers, a new one, its editor and the customer's receipt. */
export function DeskDocumentsArea() {
  return (
    <Routes>
      <Route path=":id/receipt" element={<ReceiptPage />} />
      <Route path=":id" element={<HandoverEditorPage />} />
      <Route path="*" element={<DeskDocumentsPage />} />
    </Routes>
  );
}

/** The desk's link into documents. */
export function DocumentsLink({ to = '/desk/documents' }: { to?: string }) {
  const { t } = useTranslation('documents');
  return (
    <p className="doc-entry">
      <Link to={to}>{t('entry')}</Link>
    </p>
  );
}

export function HandoverTable({ handovers, linkTo, caption }: { handovers: HandoverView[]; linkTo: (h: HandoverView) => string; caption: string }) {
  const { t } = useTranslation('documents');
  const { lang } = useLanguage();
  const agencies = useOrganisations().data ?? [];
  const agencyName = (id: string) => {
    const a = agencies.find((o) => o.id === id);
    return a ? localized(a.name, lang) : '';
  };
  if (handovers.length === 0) return <Paragraph>{t('list.empty')}</Paragraph>;
  return (
    <table className="doc-table">
      <caption className="doc-visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('list.reference')}</th>
          <th scope="col">{t('list.customer')}</th>
          <th scope="col">{t('list.agency')}</th>
          <th scope="col">{t('list.kind')}</th>
          <th scope="col">{t('list.pages')}</th>
          <th scope="col">{t('list.status')}</th>
          <th scope="col">{t('list.received')}</th>
        </tr>
      </thead>
      <tbody>
        {handovers.map((h) => (
          <tr key={h.id}>
            <td>
              <Link to={linkTo(h)}>{h.reference}</Link>
            </td>
            <td>{h.customerName ?? '–'}</td>
            <td>{agencyName(h.agencyId)}</td>
            <td>{t(`kind.${h.kind}`)}</td>
            <td>{h.pageCount}</td>
            <td>
              <StatusChip status={h.status} />
            </td>
            <td>{formatWhen(h.sentAt ?? h.createdAt, lang)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function DeskDocumentsPage() {
  const { t } = useTranslation('documents');
  const { lang } = useLanguage();
  const me = useUser();
  const points = useServicePoints();
  const mine = [...new Set(me.roles.filter((r) => r.role === 'advisor' && r.servicePointId).map((r) => r.servicePointId!))];
  const [chosen, setChosen] = useState<string>();
  const servicePointId = chosen ?? mine[0];
  const list = useHandovers({ servicePointId, status: 'open' });
  const live = useDocumentEvents(servicePointId ? [{ servicePointId }] : []);
  useTitle(t('desk.title'));
  if (!servicePointId) return <NoticeAlert status="warning">{t('desk.noPoint')}</NoticeAlert>;
  const pointName = points.data?.find((p) => p.id === servicePointId);
  return (
    <>
      <div className="cal-page-head">
        <Heading variant="h1">{t('desk.title')}</Heading>
        {pointName && <p className="cal-point-name">{localized(pointName.name, lang)}</p>}
        <LiveStatus state={live} />
      </div>
      {mine.length > 1 && (
        <div className="doc-field">
          <label htmlFor="doc-point">{t('desk.point')}</label>
          <select id="doc-point" value={servicePointId} onChange={(e) => setChosen(e.target.value)}>
            {mine.map((id) => (
              <option key={id} value={id}>
                {localized(points.data?.find((p) => p.id === id)?.name ?? { fi: id, sv: id, en: id }, lang)}
              </option>
            ))}
          </select>
        </div>
      )}
      <Paragraph mb="m">{t('desk.intro')}</Paragraph>
      <div className="doc-layout">
        <section className="doc-panel" aria-labelledby="doc-list-h">
          <h2 id="doc-list-h">{t('desk.listHeading')}</h2>
          <QueryStatus query={list}>{(handovers) => <HandoverTable handovers={handovers} linkTo={(h) => `/desk/documents/${h.id}`} caption={t('desk.listHeading')} />}</QueryStatus>
        </section>
        <section className="doc-panel" aria-labelledby="doc-new-h">
          <h2 id="doc-new-h">{t('new.heading')}</h2>
          <NewHandoverForm servicePointId={servicePointId} />
        </section>
      </div>
    </>
  );
}
