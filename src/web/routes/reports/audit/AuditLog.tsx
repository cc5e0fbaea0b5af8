import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Heading, Paragraph } from 'suomifi-ui-components';
import type { AuditEventView } from '../../../../shared/audit';
import { get } from '../../../api';
import { ErrorAlert } from '../../../components/Alerts';
import { Loading } from '../../../components/Loading';
import { errorMessage } from '../../../errors';
import { type AuditFilter, AuditFilters } from './AuditFilters';
import { AuditExport } from './AuditExport';
import { AuditTable } from './AuditTable';
import { AuditVerify } from './AuditVerify';

type AuditPage = { events: AuditEventView[]; nextBeforeId?: number };
const PAGE_SIZE = 50;

function auditUrl(filter: AuditFilter, beforeId?: number) {
  const q = new URLSearchParams({ limit: String(PAGE_SIZE) });
  for (const [k, v] of Object.entries(filter)) if (v) q.set(k, v);
  if (beforeId) q.set('beforeId', String(beforeId));
  return `/api/audit-events?${q}`;
}

/** The audit log for auditors: the chain verified on opening, export of a period, filters, paging back in time. */
export function AuditLog() {
  const { t } = useTranslation(['reports', 'common']);
  const [filter, setFilter] = useState<AuditFilter>({});
  const log = useInfiniteQuery({
    queryKey: ['audit-events', filter],
    queryFn: ({ pageParam }) => get<AuditPage>(auditUrl(filter, pageParam)),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => last.nextBeforeId,
    // Every read is itself recorded in the log: read only when the auditor asks.
    refetchOnWindowFocus: false,
    staleTime: Infinity,
  });
  const events = log.data?.pages.flatMap((p) => p.events) ?? [];
  return (
    <section aria-labelledby="audit-heading" className="reports-section">
      <Heading variant="h2" id="audit-heading" mb="xs">
        {t('audit.heading')}
      </Heading>
      <Paragraph mb="m">{t('audit.intro')}</Paragraph>
      <AuditVerify />
      <AuditExport />
      <AuditFilters onApply={setFilter} />
      {log.isFetchNextPageError && <ErrorAlert>{errorMessage(t, log.error)}</ErrorAlert>}
      {log.isPending ? (
        <Loading />
      ) : log.isError && !log.data ? (
        <ErrorAlert>{errorMessage(t, log.error)}</ErrorAlert>
      ) : events.length === 0 ? (
        <Paragraph>{t('audit.empty')}</Paragraph>
      ) : (
        <>
          <p role="status">{t('audit.shown', { count: events.length })}</p>
          <AuditTable events={events} labelledBy="audit-heading" />
          <div className="audit-more">
            {log.hasNextPage && (
              <Button variant="secondary" onClick={() => void log.fetchNextPage()} disabled={log.isFetchingNextPage}>
                {log.isFetchingNextPage ? t('audit.loadingMore') : t('audit.loadMore')}
              </Button>
            )}
          </div>
        </>
      )}
    </section>
  );
}
