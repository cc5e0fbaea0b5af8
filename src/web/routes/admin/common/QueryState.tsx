import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { InlineAlert, LoadingSpinner } from 'suomifi-ui-components';
import { adminError } from './adminError';

type Query<T> = { isPending: boolean; isError: boolean; error: unknown; data: T | undefined };

/** Loading spinner, error message or the content for a query's data. */
export function QueryState<T>({ query, children }: { query: Query<T>; children: (data: T) => ReactNode }) {
  const { t } = useTranslation('admin');
  if (query.isError) return <InlineAlert status="error">{adminError(t, query.error)}</InlineAlert>;
  if (query.isPending || query.data === undefined) return <LoadingSpinner status="loading" text={t('loading')} textAlign="right" />;
  return <>{children(query.data)}</>;
}
