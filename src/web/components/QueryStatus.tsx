import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../errors';
import { ErrorAlert } from './Alerts';
import { Loading } from './Loading';

/** Loading text, a translated error, or the data: the three states every read shows the same way. */
export function QueryStatus<T>({ query, children }: { query: UseQueryResult<T>; children: (data: T) => ReactNode }) {
  const { t } = useTranslation('common');
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorAlert>{errorMessage(t, query.error)}</ErrorAlert>;
  return <>{children(query.data)}</>;
}
