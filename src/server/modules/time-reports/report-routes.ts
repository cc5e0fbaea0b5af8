import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { reimbursementReport, reportQuery } from '../../../shared/time-reports.js';
import { requireUser } from '../../auth/routes.js';
import type { AppContext } from '../../context.js';
import { sendDownload } from '../../http/download.js';
import { buildReport } from './build-report.js';
import { reportCsv } from './report-csv.js';
import { reportPdf } from './report-pdf.js';
import { reportXlsx } from './report-xlsx.js';

const tags = ['time-reports'];
/** The reimbursement report as JSON, CSV, XLSX or PDF: the same figures in each (docs/time-reports.md). */
export function reportRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/reimbursement-report', { schema: { tags, querystring: reportQuery, response: { 200: reimbursementReport } } }, async (request, reply) => {
    const { format, lang, ...q } = request.query;
    const report = await buildReport(ctx, requireUser(request), q, lang);
    if (format === 'json') return report;
    const body = format === 'csv' ? reportCsv(report, lang) : format === 'xlsx' ? await reportXlsx(report, lang) : await reportPdf(report, lang);
    return sendDownload(reply, format, report.invoiceBasis.reference, body);
  });
}
