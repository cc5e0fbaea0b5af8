import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Route, Routes, useParams } from 'react-router';
import { Button, Heading, Paragraph } from 'suomifi-ui-components';
import type { HandoverView, PageView } from '../../../../shared/documents';
import { useUser } from '../../../auth';
import { ErrorAlert, NoticeAlert } from '../../../components/Alerts';
import { QueryStatus } from '../../../components/QueryStatus';
import { localized, useLanguage } from '../../../localized';
import { useOrganisations } from '../../../queries';
import { LiveStatus } from '../../../realtime/LiveStatus';
import { PdfPreview } from '../../../pdf/PdfPreview';
import { useTitle } from '../../../useTitle';
import { contentUrl, useAcknowledge, useDocumentEvents, useHandover, useHandovers, useRetentionNotice } from '../../desk/documents/api';
import { HandoverTable } from '../../desk/documents/DeskDocumentsArea';
import { documentError, formatBytes, formatWhen } from '../../desk/documents/labels';
import { StatusChip } from '../../desk/documents/StatusChip';
import '../../desk/documents/documents.css';

/** /expert/documents: the agency's inbox of handed-over documents, live; a handover's pages; acknowledgement. */
export function ExpertDocumentsArea() {
  const me = useUser();
  const agencyIds = [...new Set(me.roles.filter((r) => r.role === 'expert').map((r) => r.organisationId))];
  const [chosen, setChosen] = useState<string>();
  const agencyId = chosen ?? agencyIds[0];
  const live = useDocumentEvents(agencyId ? [{ agencyId }] : []);
  return (
    <Routes>
      <Route path=":id" element={<HandoverView live={live} />} />
      <Route path="*" element={<Inbox agencyIds={agencyIds} agencyId={agencyId} onAgency={setChosen} live={live} />} />
    </Routes>
  );
}

export function RetentionNotice({ agencyId }: { agencyId: string }) {
  const { t } = useTranslation('documents');
  const { lang } = useLanguage();
  const notice = useRetentionNotice(agencyId);
  if (!notice.data || notice.data.expiringSoon === 0) return null;
  return (
    <NoticeAlert status="warning">
      {t('retention.notice', { count: notice.data.expiringSoon, date: formatWhen(notice.data.nextPurgeAt, lang), within: t('retention.within', { count: notice.data.warnDays }) })}
    </NoticeAlert>
  );
}

function Inbox({ agencyIds, agencyId, onAgency, live }: { agencyIds: string[]; agencyId?: string; onAgency: (id: string) => void; live: ReturnType<typeof useDocumentEvents> }) {
  const { t } = useTranslation('documents');
  const { lang } = useLanguage();
  const organisations = useOrganisations().data ?? [];
  const [status, setStatus] = useState<'sent' | 'all'>('sent');
  const list = useHandovers({ agencyId, status: status === 'sent' ? 'sent' : undefined });
  useTitle(t('inbox.title'));
  if (!agencyId) return <NoticeAlert status="warning">{t('inbox.noAgency')}</NoticeAlert>;
  return (
    <>
      <div className="cal-page-head">
        <Heading variant="h1">{t('inbox.title')}</Heading>
        <LiveStatus state={live} />
      </div>
      {agencyIds.length > 1 && (
        <div className="doc-field">
          <label htmlFor="doc-agency">{t('inbox.agency')}</label>
          <select id="doc-agency" value={agencyId} onChange={(e) => onAgency(e.target.value)}>
            {agencyIds.map((id) => (
              <option key={id} value={id}>
                {localized(organisations.find((o) => o.id === id)?.name ?? { fi: id, sv: id, en: id }, lang)}
              </option>
            ))}
          </select>
        </div>
      )}
      <Paragraph mb="m">{t('inbox.intro')}</Paragraph>
      <RetentionNotice agencyId={agencyId} />
      <fieldset className="doc-choice">
        <legend className="doc-legend">{t('inbox.show')}</legend>
        <label>
          <input type="radio" name="doc-inbox-status" checked={status === 'sent'} onChange={() => setStatus('sent')} />
          {t('inbox.waiting')}
        </label>
        <label>
          <input type="radio" name="doc-inbox-status" checked={status === 'all'} onChange={() => setStatus('all')} />
          {t('inbox.all')}
        </label>
      </fieldset>
      <section className="doc-panel" aria-labelledby="doc-inbox-h">
        <h2 id="doc-inbox-h">{status === 'sent' ? t('inbox.waiting') : t('inbox.all')}</h2>
        <QueryStatus query={list}>{(handovers) => <HandoverTable handovers={handovers} linkTo={(h) => `/expert/documents/${h.id}`} caption={t('inbox.title')} />}</QueryStatus>
      </section>
    </>
  );
}

function PageFigure({ h, page }: { h: HandoverView; page: PageView }) {
  const { t } = useTranslation('documents');
  const n = page.position;
  const isPdf = page.mediaType === 'application/pdf';
  return (
    <figure>
      {isPdf ? (
        <PdfPreview url={contentUrl(h, page)} label={t('pages.item', { n })} />
      ) : (
        <img src={contentUrl(h, page)} alt={t('pages.imageAlt', { n })} />
      )}
      <figcaption>
        <strong>{t('pages.item', { n })}</strong>
        <span>{isPdf ? t('pages.pdf', { count: page.pageCount }) : t(page.source === 'upload' ? 'pages.image' : 'pages.camera')} · {formatBytes(page.byteSize)}</span>
        <a href={contentUrl(h, page, true)} download>
          {t('inbox.download', { n })}
        </a>
      </figcaption>
    </figure>
  );
}

function HandoverView({ live }: { live: ReturnType<typeof useDocumentEvents> }) {
  const { id } = useParams();
  const { t } = useTranslation('documents');
  const { lang } = useLanguage();
  const handover = useHandover(id);
  const acknowledge = useAcknowledge();
  const [confirming, setConfirming] = useState(false);
  const agency = useOrganisations().data;
  useTitle(t('inbox.detailTitle', { reference: handover.data?.reference ?? '' }));
  return (
    <>
      <p>
        <Link to="/expert/documents">{t('inbox.back')}</Link>
      </p>
      <QueryStatus query={handover}>
        {(h) => (
          <>
            <div className="cal-page-head">
              <Heading variant="h1">{t('inbox.detailTitle', { reference: h.reference })}</Heading>
              <LiveStatus state={live} />
            </div>
            <dl className="doc-facts">
              <dt>{t('facts.status')}</dt>
              <dd>
                <StatusChip status={h.status} />
              </dd>
              <dt>{t('facts.customer')}</dt>
              <dd>{h.customerName ?? '–'}</dd>
              <dt>{t('facts.agency')}</dt>
              <dd>{localized(agency?.find((o) => o.id === h.agencyId)?.name ?? { fi: '–', sv: '–', en: '–' }, lang)}</dd>
              <dt>{t('facts.kind')}</dt>
              <dd>{t(`kind.${h.kind}`)}</dd>
              <dt>{t('facts.pages')}</dt>
              <dd>{t('facts.pages', { count: h.pageCount })}, {t('facts.files', { count: h.fileCount })}</dd>
              {h.coverNote && (
                <>
                  <dt>{t('facts.coverNote')}</dt>
                  <dd>{h.coverNote}</dd>
                </>
              )}
              <dt>{t('facts.sent')}</dt>
              <dd>{formatWhen(h.sentAt, lang)}</dd>
              <dt>{h.purgedAt ? t('facts.purged') : t('facts.purgeAt')}</dt>
              <dd>{formatWhen(h.purgedAt ?? h.purgeAt, lang)}</dd>
            </dl>
            {h.status === 'sent' && !confirming && (
              <div className="doc-actions">
                <Button onClick={() => setConfirming(true)}>{t('inbox.acknowledge')}</Button>
                <span>{t('inbox.acknowledgeHint')}</span>
              </div>
            )}
            {h.status === 'sent' && confirming && (
              // Acknowledging purges the content for good: asked once more, with the way back first.
              <div className="doc-actions" role="group" aria-label={t('inbox.confirmTitle')}>
                <p>
                  <strong>{t('inbox.confirmTitle')}</strong> {t('inbox.confirmText')}
                </p>
                <Button onClick={() => acknowledge.mutate(h.id, { onSettled: () => setConfirming(false) })} disabled={acknowledge.isPending}>
                  {t('inbox.confirmAcknowledge')}
                </Button>
                <Button variant="secondary" onClick={() => setConfirming(false)}>
                  {t('inbox.confirmCancel')}
                </Button>
              </div>
            )}
            {acknowledge.isError && <ErrorAlert>{documentError(t, acknowledge.error)}</ErrorAlert>}
            {h.status === 'purged' && <NoticeAlert>{t(h.purgeReason === 'acknowledged' ? 'inbox.purgedAcknowledged' : h.purgeReason === 'erasure' ? 'inbox.purgedErasure' : 'inbox.purgedRetention')}</NoticeAlert>}
            {h.pages && h.pages.length > 0 && (
              <section className="doc-viewer" aria-labelledby="doc-viewer-h">
                <h2 id="doc-viewer-h">{t('pages.heading')}</h2>
                {h.pages.map((p) => (
                  <PageFigure key={p.id} h={h} page={p} />
                ))}
              </section>
            )}
          </>
        )}
      </QueryStatus>
    </>
  );
}
