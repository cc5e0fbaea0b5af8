import type { Language } from '../../../shared/common.js';
import { type ColumnGroup, statisticsColumns } from '../../../shared/statistics-columns.js';
import type { MeasureGroup, StatisticsView } from '../../../shared/statistics.js';
import { csvDocument } from '../../http/download.js';
import { languageNamer, translator } from './labels.js';

const columnsOf = (view: StatisticsView, lang: Language, measures?: readonly MeasureGroup[]): ColumnGroup[] =>
  statisticsColumns(view.rows, translator(lang), languageNamer(lang), measures);
const dayText = (iso: string) => iso.split('-').reverse().map(Number).join('.');

/**
 * The statistics as CSV, one row per group as on screen: a header of `measure group: column` labels in the asker's
 * language, then the figures as numbers (a share as a fraction), "< 5" where suppressed and empty where not known.
 */
export function statisticsCsv(view: StatisticsView, lang: Language, measures?: readonly MeasureGroup[]): string {
  const t = translator(lang);
  const columns = columnsOf(view, lang, measures).flatMap((g) => g.columns.map((c) => ({ ...c, label: `${g.label}: ${c.label}` })));
  return csvDocument([
    [t(`groupBy.${view.groupBy}`), 'id', ...columns.map((c) => c.label)],
    ...view.rows.map((r) => [r.group.name, r.group.id, ...columns.map((c) => c.value(r))]),
  ]);
}

/** The same table as a spreadsheet: a title row, measure groups over their columns, numbers as numbers. */
export async function statisticsXlsx(view: StatisticsView, lang: Language, measures?: readonly MeasureGroup[]): Promise<Buffer> {
  const t = translator(lang);
  const groups = columnsOf(view, lang, measures);
  // Loaded on first use: exceljs (with bluebird and unzipper) cost seconds of CPU at every start-up (bench/startup.ts).
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Etäpiste';
  const ws = wb.addWorksheet(t('title'));
  ws.getRow(1).values = [t('printTitle', { from: dayText(view.from), to: dayText(view.to) })];
  ws.getRow(1).font = { bold: true };
  ws.getRow(2).values = [t('suppressedNote')];
  const groupRow = ws.getRow(4);
  const header = ws.getRow(5);
  header.values = [t(`groupBy.${view.groupBy}`), ...groups.flatMap((g) => g.columns.map((c) => c.label))];
  header.font = { bold: true };
  groupRow.font = { bold: true };
  let col = 2;
  for (const g of groups) {
    groupRow.getCell(col).value = g.label;
    col += g.columns.length;
  }
  const columns = groups.flatMap((g) => g.columns);
  view.rows.forEach((r, i) => {
    const row = ws.getRow(6 + i);
    row.values = [r.group.name, ...columns.map((c) => c.value(r))];
    columns.forEach((c, j) => {
      if (c.percent) row.getCell(2 + j).numFmt = '0.0 %';
    });
  });
  ws.getColumn(1).width = 32;
  for (let j = 2; j <= columns.length + 1; j++) ws.getColumn(j).width = 14;
  ws.views = [{ state: 'frozen', xSplit: 1, ySplit: 5 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}
