import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { type Column, cellText } from '../../../shared/statistics-columns';
import type { StatisticsRow } from '../../../shared/statistics';
import { useLanguage } from '../../localized';

/** A chart's numbers as a table: one row per group, the measure group's columns; scrolls sideways on its own. */
export function DataTable({ caption, groupLabel, rows, columns }: { caption: string; groupLabel: string; rows: StatisticsRow[]; columns: Column[] }) {
  const { t } = useTranslation('statistics');
  const { lang } = useLanguage();
  return (
    <TableFrame caption={caption}>
        <thead>
          <tr>
            <th scope="col">{groupLabel}</th>
            {columns.map((c) => (
              <th key={c.key} scope="col">
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.group.id}>
              <th scope="row">{r.group.name}</th>
              {columns.map((c) => (
                <td key={c.key} className="st-num">
                  {cellText(c.value(r), c, lang, t('noneShort'))}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
    </TableFrame>
  );
}

/** A captioned table in a focusable region that scrolls sideways on its own (keyboard users can scroll it too). */
export function TableFrame({ caption, className = '', children }: { caption: string; className?: string; children: ReactNode }) {
  return (
    <div className="st-table-wrap" role="region" aria-label={caption} tabIndex={0}>
      <table className={`st-table ${className}`}>
        <caption>{caption}</caption>
        {children}
      </table>
    </div>
  );
}
