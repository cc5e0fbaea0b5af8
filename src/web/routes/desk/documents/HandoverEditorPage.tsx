import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { Button, Heading, Paragraph } from 'suomifi-ui-components';
import type { HandoverView, PageView } from '../../../../shared/documents';
import { ErrorAlert, NoticeAlert, StatusMessage } from '../../../components/Alerts';
import { QueryStatus } from '../../../components/QueryStatus';
import { PdfPreview } from '../../../pdf/PdfPreview';
import { localized, useLanguage } from '../../../localized';
import { useOrganisations } from '../../../queries';
import { useTitle } from '../../../useTitle';
import { contentUrl, useDiscardHandover, useHandover, useRemovePage, useReorderPages, useSendHandover, useUploadPage } from './api';
import { CameraCapture } from './CameraCapture';
import { documentError, formatBytes, formatWhen } from './labels';
import { StatusChip } from './StatusChip';

/** /desk/documents/:id: a draft's pages (add, capture, order, drop) and sending; after that, facts and the receipt. */
export function HandoverEditorPage() {
  const { id } = useParams();
  const handover = useHandover(id);
  return <QueryStatus query={handover}>{(h) => (h.status === 'draft' ? <DraftEditor h={h} /> : <SentHandover h={h} />)}</QueryStatus>;
}

function Facts({ h }: { h: HandoverView }) {
  const { t } = useTranslation('documents');
  const { lang } = useLanguage();
  const agency = useOrganisations().data?.find((o) => o.id === h.agencyId);
  return (
    <dl className="doc-facts">
      <dt>{t('facts.status')}</dt>
      <dd>
        <StatusChip status={h.status} />
      </dd>
      <dt>{t('facts.customer')}</dt>
      <dd>{h.customerName ?? '–'}</dd>
      <dt>{t('facts.agency')}</dt>
      <dd>{agency ? localized(agency.name, lang) : '–'}</dd>
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
      <dt>{t('facts.created')}</dt>
      <dd>{formatWhen(h.createdAt, lang)}</dd>
      {h.sentAt && (
        <>
          <dt>{t('facts.sent')}</dt>
          <dd>{formatWhen(h.sentAt, lang)}</dd>
        </>
      )}
      {h.acknowledgedAt && (
        <>
          <dt>{t('facts.acknowledged')}</dt>
          <dd>{formatWhen(h.acknowledgedAt, lang)}</dd>
        </>
      )}
      <dt>{h.purgedAt ? t('facts.purged') : t('facts.purgeAt')}</dt>
      <dd>{formatWhen(h.purgedAt ?? h.purgeAt, lang)}</dd>
    </dl>
  );
}

function PageItem({ h, page, index, count, onMove, onRemove, busy }: { h: HandoverView; page: PageView; index: number; count: number; onMove: (delta: number) => void; onRemove: () => void; busy: boolean }) {
  const { t } = useTranslation('documents');
  const n = index + 1;
  const isPdf = page.mediaType === 'application/pdf';
  const [previewing, setPreviewing] = useState(false);
  return (
    <li className="doc-page" data-testid="doc-page">
      {isPdf ? <span className="doc-thumb doc-thumb-pdf">PDF</span> : <img className="doc-thumb" src={contentUrl(h, page)} alt={t('pages.imageAlt', { n })} />}
      <div>
        <strong>{t('pages.item', { n })}</strong>
        <div>
          {isPdf ? t('pages.pdf', { count: page.pageCount }) : t(page.source === 'upload' ? 'pages.image' : 'pages.camera')} · {formatBytes(page.byteSize)}
        </div>
        {isPdf && (
          // Previewed inside the app (PDF.js), as in the agency's inbox: no new tab, nothing downloaded.
          <details className="doc-pdf-preview" onToggle={(e) => setPreviewing(e.currentTarget.open)}>
            <summary>{t('pages.open', { n })}</summary>
            {/* Read (and audited) only when opened. */}
            {previewing && <PdfPreview url={contentUrl(h, page)} label={t('pages.item', { n })} />}
          </details>
        )}
        <div className="doc-page-actions">
          <button type="button" disabled={busy || index === 0} onClick={() => onMove(-1)} aria-label={t('pages.moveUp', { n })}>
            ↑ {t('pages.up')}
          </button>
          <button type="button" disabled={busy || index === count - 1} onClick={() => onMove(1)} aria-label={t('pages.moveDown', { n })}>
            ↓ {t('pages.down')}
          </button>
          <button type="button" disabled={busy} onClick={onRemove} aria-label={t('pages.remove', { n })}>
            {t('pages.removeShort')}
          </button>
        </div>
      </div>
    </li>
  );
}

function DraftEditor({ h }: { h: HandoverView }) {
  const { t } = useTranslation('documents');
  const inputId = useId();
  const navigate = useNavigate();
  const upload = useUploadPage(h.id);
  const reorder = useReorderPages(h.id);
  const remove = useRemovePage(h.id);
  const send = useSendHandover(h.id);
  const discard = useDiscardHandover(h.id);
  const [uploadError, setUploadError] = useState<unknown>();
  const pages = h.pages ?? [];
  const busy = upload.isPending || reorder.isPending || remove.isPending || send.isPending;
  useTitle(t('editor.title', { reference: h.reference }));

  const addFiles = async (files: FileList | null) => {
    setUploadError(undefined);
    for (const file of Array.from(files ?? [])) {
      try {
        await upload.mutateAsync({ file, source: 'upload' });
      } catch (error) {
        setUploadError(error);
        return;
      }
    }
  };
  const move = (index: number, delta: number) => {
    const ids = pages.map((p) => p.id);
    const [moved] = ids.splice(index, 1);
    ids.splice(index + delta, 0, moved!);
    reorder.mutate(ids);
  };
  const error = uploadError ?? (reorder.error || remove.error || send.error || discard.error);

  return (
    <>
      <p className="doc-no-print">
        <Link to="/desk/documents">{t('editor.back')}</Link>
      </p>
      <Heading variant="h1" mb="s">
        {t('editor.title', { reference: h.reference })}
      </Heading>
      <Facts h={h} />
      <div className="doc-layout">
        <section className="doc-panel" aria-labelledby="doc-pages-h">
          <h2 id="doc-pages-h">{t('pages.heading')}</h2>
          {pages.length === 0 ? (
            <Paragraph>{t('pages.none')}</Paragraph>
          ) : (
            <ol className="doc-pages" aria-label={t('pages.heading')}>
              {pages.map((p, i) => (
                <PageItem key={p.id} h={h} page={p} index={i} count={pages.length} busy={busy} onMove={(d) => move(i, d)} onRemove={() => remove.mutate(p.id)} />
              ))}
            </ol>
          )}
          <p role="status" className="doc-visually-hidden">
            {t('facts.files', { count: h.fileCount })}, {t('facts.pages', { count: h.pageCount })}.
          </p>
        </section>
        <div>
          <section className="doc-panel" aria-labelledby="doc-add-h">
            <h2 id="doc-add-h">{t('add.heading')}</h2>
            <div className="doc-field">
              <label htmlFor={inputId}>{t('add.files')}</label>
              <input
                id={inputId}
                type="file"
                multiple
                accept="application/pdf,image/jpeg,image/png"
                aria-describedby={`${inputId}-hint`}
                onChange={(e) => {
                  void addFiles(e.currentTarget.files).then(() => {
                    e.target.value = '';
                  });
                }}
              />
              <span id={`${inputId}-hint`}>{t('add.filesHint')}</span>
            </div>
          </section>
          <section className="doc-panel" aria-labelledby="doc-camera-h">
            <h2 id="doc-camera-h">{t('camera.heading')}</h2>
            <CameraCapture busy={busy} onCapture={(blob) => upload.mutate({ file: blob, source: 'camera' }, { onError: setUploadError })} />
          </section>
        </div>
      </div>
      {!!error && <ErrorAlert>{documentError(t, error)}</ErrorAlert>}
      <StatusMessage message={upload.isPending ? t('add.uploading') : undefined} />
      <div className="doc-actions">
        <Button onClick={() => send.mutate(undefined)} disabled={busy || pages.length === 0}>
          {t('editor.send')}
        </Button>
        <Button variant="secondary" onClick={() => discard.mutate(undefined, { onSuccess: () => void navigate('/desk/documents') })} disabled={busy}>
          {t('editor.discard')}
        </Button>
      </div>
      <Paragraph mt="s">{t('editor.sendHint')}</Paragraph>
    </>
  );
}

function SentHandover({ h }: { h: HandoverView }) {
  const { t } = useTranslation('documents');
  useTitle(t('editor.title', { reference: h.reference }));
  return (
    <>
      <p>
        <Link to="/desk/documents">{t('editor.back')}</Link>
      </p>
      <Heading variant="h1" mb="s">
        {t('editor.title', { reference: h.reference })}
      </Heading>
      <NoticeAlert>{t('editor.sentNotice')}</NoticeAlert>
      <Facts h={h} />
      <p className="doc-entry">
        <Link to={`/desk/documents/${h.id}/receipt`}>{t('editor.receipt')}</Link>
      </p>
    </>
  );
}
