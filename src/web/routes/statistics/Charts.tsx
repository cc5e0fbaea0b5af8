import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { type Column, cellText } from '../../../shared/statistics-columns';
import { useLanguage } from '../../localized';
import { type StatisticsRow, type StatisticsView, isoWeek } from '../../../shared/statistics';

/**
 * Charts by recharts (its accessibility layer: the chart is focusable and its points are read out with the arrow
 * keys). A series is told apart by its pattern or line style and its legend, never by colour alone; each chart has
 * its numbers in a table beside it.
 */
const COLOURS = ['#0b5cad', '#b3470f', '#1b7a3e', '#7a2a8c', '#a4000f', '#4d565c', '#006b75', '#5f4b00'];
const DASHES = ['', '8 4', '2 3', '12 4 2 4', '4 4', '1 6', '16 6', '6 2 2 2'];

/** Fill patterns for bars: solid, stripes, dots, cross-hatch… (one per series). */
function Patterns({ prefix }: { prefix: string }) {
  const shape = (i: number, c: string) =>
    [
      null,
      <path key="p" d="M0,8 L8,0" stroke="#fff" strokeWidth="2" />,
      <circle key="p" cx="4" cy="4" r="1.6" fill="#fff" />,
      <path key="p" d="M0,0 L8,8 M8,0 L0,8" stroke="#fff" strokeWidth="1.5" />,
      <path key="p" d="M0,4 L8,4" stroke="#fff" strokeWidth="2" />,
      <path key="p" d="M4,0 L4,8" stroke="#fff" strokeWidth="2" />,
      <path key="p" d="M0,0 L8,8" stroke="#fff" strokeWidth="2" />,
      <rect key="p" x="2" y="2" width="4" height="4" fill="#fff" />,
    ][i % 8] ?? <rect key="p" width="8" height="8" fill={c} />;
  return (
    <defs>
      {COLOURS.map((c, i) => (
        <pattern key={c} id={`${prefix}-${i}`} width="8" height="8" patternUnits="userSpaceOnUse">
          <rect width="8" height="8" fill={c} />
          {shape(i, c)}
        </pattern>
      ))}
    </defs>
  );
}

const chartValue = (v: unknown) => (typeof v === 'number' ? v : null);
/** Whether a chart would draw anything: otherwise it says so rather than show empty axes (all 0, or all hidden). */
const drawable = (data: Record<string, unknown>[]) => data.some((d) => Object.values(d).some((v) => typeof v === 'number' && v !== 0));

/** Bars of a measure group's columns for each group (suppressed and unknown figures are left out of the chart). */
export function MeasureChart({ id, title, rows, columns }: { id: string; title: string; rows: StatisticsRow[]; columns: Column[] }) {
  const { t } = useTranslation('statistics');
  const shown = columns.filter((c) => c.chart !== false);
  const percent = shown.some((c) => c.percent);
  const data = rows.map((r) => ({ name: r.group.name, ...Object.fromEntries(shown.map((c) => [c.key, chartValue(c.value(r))])) }));
  const prefix = `pat-${id.replace(/[^a-zA-Z0-9-]/g, '')}`;
  const { lang } = useLanguage();
  const share = (v: unknown) => cellText(Number(v), { percent: true }, lang);
  // Ticks a step apart below 1 % (0,15 %, 0,3 %…) keep their second decimal, or two would read alike.
  const tick = (v: unknown) => cellText(Number(v), { percent: true, decimals: 2 }, lang);
  if (!drawable(data)) return <EmptyChart title={title} />;
  return (
    <figure className="st-chart" aria-label={t('charts.chartOf', { what: title })}>
      <ResponsiveContainer width="100%" height={300}>
        <BarChart data={data} accessibilityLayer margin={{ top: 8, right: 8, bottom: 8, left: 8 }}>
          <Patterns prefix={prefix} />
          <CartesianGrid strokeDasharray="3 3" stroke="#c8cdd0" />
          <XAxis dataKey="name" tick={{ fill: '#1f2328', fontSize: 13 }} interval={0} />
          <YAxis tick={{ fill: '#1f2328', fontSize: 13 }} tickFormatter={percent ? tick : undefined} allowDecimals={!percent ? false : true} />
          <Tooltip formatter={percent ? share : undefined} />
          <Legend wrapperStyle={{ color: '#1f2328' }} />
          {shown.map((c, i) => (
            <Bar key={c.key} dataKey={c.key} name={c.label} fill={`url(#${prefix}-${i % COLOURS.length})`} stroke={COLOURS[i % COLOURS.length]} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}

/** Meetings held per week, one line per agency, each with its own dash pattern. */
export function WeeklyChart({ view }: { view: StatisticsView }) {
  const { t } = useTranslation('statistics');
  const agencies = [...new Map(view.weekly.map((w) => [w.agency.id, w.agency.name])).entries()];
  const weeks = [...new Set(view.weekly.map((w) => w.week))].sort();
  const label = (week: string) => t('week', isoWeek(week));
  const data = weeks.map((week) => ({
    name: label(week),
    ...Object.fromEntries(agencies.map(([id]) => [id, chartValue(view.weekly.find((w) => w.week === week && w.agency.id === id)?.meetings)])),
  }));
  if (!drawable(data)) return <EmptyChart title={t('charts.weekly')} />;
  return (
    <figure className="st-chart" aria-label={t('charts.chartOf', { what: t('charts.weekly') })}>
      <ResponsiveContainer width="100%" height={300}>
        <LineChart data={data} accessibilityLayer margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#c8cdd0" />
          <XAxis dataKey="name" tick={{ fill: '#1f2328', fontSize: 13 }} />
          <YAxis tick={{ fill: '#1f2328', fontSize: 13 }} allowDecimals={false} />
          <Tooltip />
          <Legend wrapperStyle={{ color: '#1f2328' }} />
          {agencies.map(([id, name], i) => (
            <Line key={id} dataKey={id} name={name} stroke={COLOURS[i % COLOURS.length]} strokeWidth={2} strokeDasharray={DASHES[i % DASHES.length]} connectNulls={false} isAnimationActive={false} />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </figure>
  );
}

/** In place of a chart with nothing to draw: the figure says why; its numbers (0 or "< 5") are in the table beside it. */
function EmptyChart({ title }: { title: string }) {
  const { t } = useTranslation('statistics');
  return (
    <figure className="st-chart st-chart-empty" aria-label={t('charts.chartOf', { what: title })}>
      <p>{t('charts.nothingToDraw')}</p>
    </figure>
  );
}

export function weeklyTable(view: StatisticsView) {
  const agencies = [...new Map(view.weekly.map((w) => [w.agency.id, w.agency.name])).entries()];
  const weeks = [...new Set(view.weekly.map((w) => w.week))].sort();
  return { agencies, weeks, cell: (week: string, agency: string) => view.weekly.find((w) => w.week === week && w.agency.id === agency)?.meetings ?? 0 };
}
