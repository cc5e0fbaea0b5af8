import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { MeasureGroup, StatisticsGroupBy, StatisticsView } from '../../../shared/statistics';
import { get } from '../../api';

/** What the page asks for: the API's query, minus the format (the page reads JSON; exports link to files). */
export type StatisticsParams = {
  from: string;
  to: string;
  groupBy: StatisticsGroupBy;
  servicePointId?: string;
  agencyId?: string;
  serviceId?: string;
  channel?: string;
  language?: string;
  interpreting?: 'true' | 'false';
};

export function statisticsUrl(p: StatisticsParams, lang: string, format: 'json' | 'csv' | 'xlsx' = 'json', measures?: readonly MeasureGroup[]): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(p)) if (v) q.set(k, v);
  q.set('lang', lang);
  if (format !== 'json') q.set('format', format);
  if (measures) q.set('measures', measures.join(','));
  return `/api/statistics?${q}`;
}

export const useStatistics = (p: StatisticsParams, lang: string) =>
  useQuery({ queryKey: ['statistics', p, lang], queryFn: () => get<StatisticsView>(statisticsUrl(p, lang)), placeholderData: keepPreviousData });
