import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, RadioButton, RadioButtonGroup } from 'suomifi-ui-components';
import { DOCUMENT_TYPES, type DocumentType, type IdentityCheckView, identityCheckResultRequest } from '../../../../shared/assistance';
import { useRecordCheckResult } from './api';
import { assistanceError } from './assistanceError';

type YesNo = 'yes' | 'no' | '';
type Field = 'verified' | 'documentType' | 'photoMatched';

/**
 * What the advisor saw in the room, in three choices only: verified or not, the document's type, whether the
 * photo matched. By design there is no text field: no document number or personal identity code can be typed.
 */
export function IdentityResultForm({ check }: { check: IdentityCheckView }) {
  const { t } = useTranslation('assistance');
  const id = useId();
  const record = useRecordCheckResult();
  const [verified, setVerified] = useState<YesNo>('');
  const [documentType, setDocumentType] = useState<DocumentType | ''>('');
  const [photo, setPhoto] = useState<YesNo>('');
  const [problems, setProblems] = useState<Map<Field, string>>(new Map());
  const status = (field: Field) =>
    problems.has(field) ? { groupStatus: 'error' as const, groupStatusText: t(`result.problems.${problems.get(field)!}`) } : { groupStatus: 'default' as const };

  const submit = () => {
    const found = new Map<Field, string>();
    if (!verified) found.set('verified', 'choose');
    const body = {
      verified: verified === 'yes',
      ...(documentType ? { documentType } : {}),
      ...(photo ? { photoMatched: photo === 'yes' } : {}),
    };
    const parsed = identityCheckResultRequest.safeParse(body);
    if (!parsed.success && verified) {
      for (const issue of parsed.error.issues) {
        const field = issue.path[0] as Field;
        found.set(field, field === 'photoMatched' ? (photo ? 'mismatch' : 'choose') : 'choose');
      }
    }
    setProblems(found);
    if (found.size === 0 && parsed.success) record.mutate({ id: check.id, result: parsed.data });
  };

  return (
    <form
      className="assist-result"
      noValidate
      aria-labelledby={`${id}-h`}
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <h3 id={`${id}-h`} className="assist-result-title">
        {t('result.heading')}
      </h3>
      <RadioButtonGroup labelText={t('result.verified')} name={`${id}-verified`} value={verified} onChange={(v) => setVerified(v as YesNo)} {...status('verified')}>
        <RadioButton value="yes">{t('result.verifiedYes')}</RadioButton>
        <RadioButton value="no">{t('result.verifiedNo')}</RadioButton>
      </RadioButtonGroup>
      <RadioButtonGroup
        labelText={t('result.documentType')}
        optionalText={verified === 'yes' ? undefined : t('result.optional')}
        name={`${id}-document`}
        value={documentType}
        onChange={(v) => setDocumentType(v as DocumentType)}
        {...status('documentType')}
      >
        {DOCUMENT_TYPES.map((d) => (
          <RadioButton key={d} value={d}>
            {t(`documentType.${d}`)}
          </RadioButton>
        ))}
      </RadioButtonGroup>
      <RadioButtonGroup
        labelText={t('result.photoMatched')}
        optionalText={verified === 'yes' ? undefined : t('result.optional')}
        name={`${id}-photo`}
        value={photo}
        onChange={(v) => setPhoto(v as YesNo)}
        {...status('photoMatched')}
      >
        <RadioButton value="yes">{t('result.yes')}</RadioButton>
        <RadioButton value="no">{t('result.no')}</RadioButton>
      </RadioButtonGroup>
      {record.isError && (
        <p className="assist-error" role="alert">
          {assistanceError(t, record.error)}
        </p>
      )}
      <div className="assist-actions">
        <Button type="submit" disabled={record.isPending}>
          {t('result.save')}
        </Button>
      </div>
    </form>
  );
}
