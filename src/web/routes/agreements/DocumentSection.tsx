import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from 'suomifi-ui-components';
import type { AgreementDetail } from '../../../shared/agreements';
import { ErrorAlert } from '../../components/Alerts';
import { useLanguage } from '../../localized';
import { adminError } from '../admin/common/adminError';
import { formatBytes } from '../desk/documents/labels';
import { documentUrl, useUploadDocument } from './api';
import { formatInstant } from './format';

/** The signed agreement as a PDF: a download link for readers, a file input for the main admin. */
export function DocumentSection({ agreement, canEdit }: { agreement: AgreementDetail; canEdit: boolean }) {
  const { t } = useTranslation('agreements');
  const { lang } = useLanguage();
  const id = useId();
  const [file, setFile] = useState<File>();
  const [missing, setMissing] = useState(false);
  const [done, setDone] = useState(false);
  const upload = useUploadDocument(agreement.id);
  const doc = agreement.document;
  return (
    <section className="agr-section" aria-labelledby="agr-doc-h">
      <h2 id="agr-doc-h">{t('document.heading')}</h2>
      {doc ? (
        <p>
          <a href={documentUrl(agreement.id)} download={doc.filename}>
            {t('document.download', { filename: doc.filename })}
          </a>{' '}
          ({t('document.facts', { size: formatBytes(doc.sizeBytes), date: formatInstant(doc.uploadedAt, lang) })})
        </p>
      ) : (
        <p>{t('document.none')}</p>
      )}
      {canEdit && (
        <form
          className="agr-inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            setDone(false);
            setMissing(!file);
            if (file) upload.mutate(file, { onSuccess: () => setDone(true) });
          }}
        >
          <div className="agr-field">
            <label htmlFor={`${id}-file`}>{t('document.file')}</label>
            <input
              id={`${id}-file`}
              type="file"
              accept="application/pdf,.pdf"
              onChange={(e) => {
                setFile(e.target.files?.[0]);
                setMissing(false);
              }}
            />
          </div>
          {missing && <ErrorAlert>{t('document.chooseFirst')}</ErrorAlert>}
          {upload.isError && <ErrorAlert>{adminError(t, upload.error)}</ErrorAlert>}
          <div className="agr-actions">
            <Button type="submit" variant="secondary" disabled={upload.isPending}>
              {doc ? t('document.replace') : t('document.upload')}
            </Button>
            <p role="status" className="agr-status">
              {done ? t('document.uploaded') : ''}
            </p>
          </div>
        </form>
      )}
    </section>
  );
}
