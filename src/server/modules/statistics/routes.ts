import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { statisticsQuery, statisticsView } from '../../../shared/statistics.js';
import { requireUser } from '../../auth/routes.js';
import type { AppContext } from '../../context.js';
import { sendDownload } from '../../http/download.js';
import { recordAudit } from '../audit/record.js';
import { buildStatistics } from './build-statistics.js';
import { statisticsCsv, statisticsXlsx } from './exports.js';

const tags = ['statistics'];

/** Statistics of the remote service as JSON, or the same table as CSV or XLSX (issue 14). */
export function statisticsRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/statistics', { schema: { tags, querystring: statisticsQuery, response: { 200: statisticsView } } }, async (request, reply) => {
    const { format, measures, ...q } = request.query;
    const actor = requireUser(request);
    const view = await buildStatistics(ctx, actor, q);
    if (format === 'json') return view;
    // Pseudonymous figures, but an export leaves the system: the log says who took which selection out.
    await recordAudit(ctx.db, actor, { action: 'statistics.exported', targetType: 'statistics', details: { format, measures, ...q } }, request.ip);
    const body = format === 'csv' ? statisticsCsv(view, q.lang, measures) : await statisticsXlsx(view, q.lang, measures);
    return sendDownload(reply, format, `statistics-${view.from}-${view.to}`, body);
  });
}
