import { useTranslation } from 'react-i18next';
import type { StatisticsView } from '../../../shared/statistics';
import { capitalize, useLanguage } from '../../localized';
import { TableFrame } from './DataTable';

const level = (share: number | null) => (share === null ? 'none' : share < 0.25 ? '1' : share < 0.5 ? '2' : share < 0.75 ? '3' : '4');

/**
 * The rooms' use by weekday and hour as a table whose cells are shaded by the share booked: the shade helps the eye,
 * the percentage in every cell carries the figure (not colour alone), and the table is the chart's own data table.
 */
export function HeatMap({ view, caption }: { view: StatisticsView; caption: string }) {
  const { t } = useTranslation('statistics');
  const { locale } = useLanguage();
  const cells = view.capacityByHour;
  const weekdays = [...new Set(cells.map((c) => c.weekday))].sort();
  const hours = [...new Set(cells.map((c) => c.hour))].sort((a, b) => a - b);
  const pct = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  if (cells.length === 0) return <p>{t('empty')}</p>;
  return (
    <TableFrame caption={caption} className="st-heat">
        <thead>
          <tr>
            <th scope="col">{t('charts.weekday')}</th>
            {hours.map((h) => (
              <th key={h} scope="col">
                {`${String(h).padStart(2, '0')}–${String(h + 1).padStart(2, '0')}`}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weekdays.map((d) => (
            <tr key={d}>
              <th scope="row">{capitalize(t(`charts.weekdays.${d}`))}</th>
              {hours.map((h) => {
                const c = cells.find((x) => x.weekday === d && x.hour === h);
                const share = c?.share ?? null;
                return (
                  <td key={h} className={`st-num st-heat-${level(share)}`}>
                    {share === null ? t('noneShort') : pct.format(share)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
    </TableFrame>
  );
}
