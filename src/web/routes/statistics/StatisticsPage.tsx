import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Heading, Paragraph } from 'suomifi-ui-components';
import { type MeasureGroup, MEASURE_GROUPS, PILOT_PERIOD, type StatisticsView, isoWeek as isoWeekOf } from '../../../shared/statistics';
import { cellText, statisticsColumns } from '../../../shared/statistics-columns';
import { QueryStatus } from '../../components/QueryStatus';
import { formatDay } from '../../days';
import { useLanguage } from '../../localized';
import { useTitle } from '../../useTitle';
import { interpretingLanguageName } from '../desk/calendar/languages';
import { type StatisticsParams, statisticsUrl, useStatistics } from './api';
import { MeasureChart, WeeklyChart, weeklyTable } from './Charts';
import { DataTable, TableFrame } from './DataTable';
import { Filters, useScopeNote } from './Filters';
import { HeatMap } from './HeatMap';
import './statistics.css';

/** Statistics of the remote service (/reports/statistics): filters, charts with their tables, exports, print. */
export function StatisticsPage() {
  const { t } = useTranslation('statistics');
  const { lang } = useLanguage();
  const scope = useScopeNote();
  const [params, setParams] = useState<StatisticsParams>({ ...PILOT_PERIOD, groupBy: 'agency' });
  const [measures, setMeasures] = useState<MeasureGroup[]>([...MEASURE_GROUPS]);
  const query = useStatistics(params, lang);
  useTitle(t('title'));
  return (
    <div className="st-page">
      <Heading variant="h1" mb="xs">
        {t('title')}
      </Heading>
      <p className="st-print-title">{t('printTitle', { from: formatDay(params.from, lang), to: formatDay(params.to, lang) })}</p>
      <Paragraph mb="s">{t('intro')}</Paragraph>
      {scope !== 'all' && <Paragraph mb="m">{t(scope === 'agency' ? 'scopeAgency' : 'scopePoints')}</Paragraph>}
      <Filters value={params} onChange={setParams} measures={measures} onMeasures={setMeasures} />
      <div className="st-exports" role="group" aria-label={t('export.heading')}>
        <a href={statisticsUrl(params, lang, 'csv', measures)} download>
          {t('export.csv')}
        </a>
        <a href={statisticsUrl(params, lang, 'xlsx', measures)} download>
          {t('export.xlsx')}
        </a>
        <Button variant="secondary" onClick={() => window.print()}>
          {t('export.print')}
        </Button>
      </div>
      <QueryStatus query={query}>{(view) => <Results view={view} measures={measures} />}</QueryStatus>
    </div>
  );
}

function Results({ view, measures }: { view: StatisticsView; measures: MeasureGroup[] }) {
  const { t } = useTranslation(['statistics', 'calendar']);
  const { lang, locale } = useLanguage();
  const id = useId();
  const groups = statisticsColumns(view.rows, (key, params) => t(key, params ?? {}), (code) => interpretingLanguageName(t, code, locale), measures);
  const groupLabel = t(`groupBy.${view.groupBy}`);
  if (view.rows.length === 0) return <Paragraph>{t('empty')}</Paragraph>;
  const weekly = weeklyTable(view);
  return (
    <>
      <Paragraph mb="m" className="st-note">
        {t('suppressedNote')}
      </Paragraph>
      {view.weekly.length > 0 && (
        <section className="agr-section st-group" aria-labelledby={`${id}-weekly`}>
          <h2 id={`${id}-weekly`}>{t('charts.weekly')}</h2>
          <div className="st-pair">
            <WeeklyChart view={view} />
            <TableFrame caption={t('charts.tableOf', { what: t('charts.weekly') })}>
                <thead>
                  <tr>
                    <th scope="col">{t('groupBy.week')}</th>
                    {weekly.agencies.map(([agencyId, name]) => (
                      <th key={agencyId} scope="col">
                        {name}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {weekly.weeks.map((w) => (
                    <tr key={w}>
                      <th scope="row">{t('week', isoWeekOf(w))}</th>
                      {weekly.agencies.map(([agencyId]) => (
                        <td key={agencyId} className="st-num">
                          {cellText(weekly.cell(w, agencyId), {}, lang)}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
            </TableFrame>
          </div>
        </section>
      )}
      {groups.map((g) => (
        <section key={g.group} className="agr-section st-group" aria-labelledby={`${id}-${g.group}`}>
          <h2 id={`${id}-${g.group}`}>{g.label}</h2>
          <div className="st-pair">
            {g.columns.some((c) => c.chart !== false) && <MeasureChart id={`${id}-${g.group}`} title={g.label} rows={view.rows} columns={g.columns} />}
            <DataTable caption={t('charts.tableOf', { what: g.label })} groupLabel={groupLabel} rows={view.rows} columns={g.columns} />
          </div>
        </section>
      ))}
      {measures.includes('capacity') && (
        <section className="agr-section st-group" aria-labelledby={`${id}-heat`}>
          <h2 id={`${id}-heat`}>{t('charts.heatmap')}</h2>
          <Paragraph mb="s">{t('charts.heatmapIntro')}</Paragraph>
          <HeatMap view={view} caption={t('charts.tableOf', { what: t('charts.heatmap') })} />
        </section>
      )}
    </>
  );
}
