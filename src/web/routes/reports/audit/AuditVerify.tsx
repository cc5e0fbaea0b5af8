import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Button, Heading, Paragraph } from 'suomifi-ui-components';
import { get } from '../../../api';
import { ErrorAlert, StatusMessage } from '../../../components/Alerts';
import { errorMessage } from '../../../errors';

type VerifyResult = { ok: boolean; checked: number; pending: number; firstBrokenId?: number; anchor?: { throughSeq: number; hash: string } };

/** Recomputes the hash chain on the server when the page opens (and on request) and says whether the log is unchanged. */
export function AuditVerify() {
  const { t } = useTranslation(['reports', 'common']);
  // Each check is itself recorded: run once on opening, then only when asked.
  const verify = useQuery({ queryKey: ['audit-verify'], queryFn: () => get<VerifyResult>('/api/audit-events/verify'), staleTime: Infinity, refetchOnWindowFocus: false, retry: false });
  const result = verify.data;
  return (
    <section className="audit-verify" aria-labelledby="audit-verify-heading">
      <Heading variant="h3" id="audit-verify-heading" mb="xs">
        {t('audit.verify.heading')}
      </Heading>
      <Paragraph mb="s">{t('audit.verify.intro')}</Paragraph>
      <StatusMessage message={!verify.isFetching && result?.ok ? t('audit.verify.ok', { n: result.checked }) : undefined} />
      {!verify.isFetching && result && result.pending > 0 && <Paragraph mb="s">{t('audit.verify.pending', { n: result.pending })}</Paragraph>}
      {!verify.isFetching && result?.anchor && <Paragraph mb="s">{t('audit.verify.anchor', { seq: result.anchor.throughSeq })}</Paragraph>}
      {!verify.isFetching && result && !result.ok && <ErrorAlert>{t('audit.verify.broken', { n: result.checked, id: result.firstBrokenId })}</ErrorAlert>}
      {verify.isError && <ErrorAlert>{errorMessage(t, verify.error)}</ErrorAlert>}
      <Button variant="secondary" onClick={() => void verify.refetch()} disabled={verify.isFetching}>
        {verify.isFetching ? t('audit.verify.running') : t('audit.verify.button')}
      </Button>
    </section>
  );
}
