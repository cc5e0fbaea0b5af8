import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Button, Heading, Paragraph } from 'suomifi-ui-components';
import { get } from '../../../api';
import { ErrorAlert, NoticeAlert } from '../../../components/Alerts';
import { errorMessage } from '../../../errors';

type VerifyResult = { ok: boolean; checked: number; pending: number; firstBrokenId?: number };

/** Recomputes the hash chain on the server and says whether the log is intact. */
export function AuditVerify() {
  const { t } = useTranslation(['reports', 'common']);
  const verify = useMutation({ mutationFn: () => get<VerifyResult>('/api/audit-events/verify') });
  const result = verify.data;
  return (
    <section className="audit-verify" aria-labelledby="audit-verify-heading">
      <Heading variant="h3" id="audit-verify-heading" mb="xs">
        {t('audit.verify.heading')}
      </Heading>
      <Paragraph mb="s">{t('audit.verify.intro')}</Paragraph>
      {verify.isError && <ErrorAlert>{errorMessage(t, verify.error)}</ErrorAlert>}
      {result?.ok && <NoticeAlert>{t('audit.verify.ok', { n: result.checked })}</NoticeAlert>}
      {result && !result.ok && <ErrorAlert>{t('audit.verify.broken', { n: result.checked, id: result.firstBrokenId })}</ErrorAlert>}
      {result && result.pending > 0 && <Paragraph mb="s">{t('audit.verify.pending', { n: result.pending })}</Paragraph>}
      <Button variant="secondary" onClick={() => verify.mutate()} disabled={verify.isPending}>
        {verify.isPending ? t('audit.verify.running') : t('audit.verify.button')}
      </Button>
    </section>
  );
}
