import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams } from '../../../shared/common.js';
import {
  monthParams,
  monthReturn,
  monthView,
  suggestionDismissal,
  suggestionView,
  suggestionsQuery,
  timeEntriesQuery,
  timeEntriesView,
  timeEntryInput,
  timeEntryPatch,
  timeEntryView,
} from '../../../shared/time-reports.js';
import { authorize } from '../../auth/policy.js';
import { requireUser } from '../../auth/routes.js';
import type { AppContext } from '../../context.js';
import { notFound } from '../../http/problem.js';
import { closeMonth } from './close-month.js';
import { deleteEntry } from './delete-entry.js';
import { dismissSuggestion } from './dismiss-suggestion.js';
import { listEntries, presentRows } from './list-entries.js';
import { readMonth } from './read-month.js';
import { recordEntry } from './record-entry.js';
import { timeRepository } from './repository.js';
import { listSuggestions } from './suggestions.js';
import { updateEntry } from './update-entry.js';

const tags = ['time-reports'];

/** Advisors' time entries, suggestions from what the system saw, and the month close (docs/time-reports.md). */
export function timeReportRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const one = async (actor: ReturnType<typeof requireUser>, id: string) => {
    const row = await timeRepository.byId(ctx.db, id);
    if (!row) throw notFound('Time entry');
    return (await presentRows(ctx.db, actor, [row]))[0]!;
  };

  r.get('/api/time-entries', { schema: { tags, querystring: timeEntriesQuery, response: { 200: timeEntriesView } } }, async (request) =>
    listEntries(ctx, requireUser(request), request.query),
  );
  r.post('/api/time-entries', { schema: { tags, body: timeEntryInput, response: { 201: timeEntryView } } }, async (request, reply) => {
    const actor = requireUser(request);
    const id = await recordEntry(ctx, actor, request.body, request.ip);
    return reply.status(201).send(await one(actor, id));
  });
  r.patch('/api/time-entries/:id', { schema: { tags, params: idParams, body: timeEntryPatch, response: { 200: timeEntryView } } }, async (request) => {
    const actor = requireUser(request);
    await updateEntry(ctx, actor, request.params.id, request.body, request.ip);
    return one(actor, request.params.id);
  });
  r.delete('/api/time-entries/:id', { schema: { tags, params: idParams } }, async (request, reply) => {
    await deleteEntry(ctx, requireUser(request), request.params.id, request.ip);
    return reply.status(204).send();
  });
  r.get('/api/time-entries/suggestions', { schema: { tags, querystring: suggestionsQuery, response: { 200: z.array(suggestionView) } } }, async (request) => {
    const actor = requireUser(request);
    authorize(actor, 'time-entry:suggestions');
    return listSuggestions(ctx, actor, request.query);
  });
  r.post('/api/time-entries/suggestions/dismissals', { schema: { tags, body: suggestionDismissal } }, async (request, reply) => {
    const actor = requireUser(request);
    authorize(actor, 'time-entry:suggestions');
    await dismissSuggestion(ctx, actor, request.body, request.ip);
    return reply.status(204).send();
  });

  r.get('/api/time-reports/:servicePointId/:month', { schema: { tags, params: monthParams, response: { 200: monthView } } }, async (request) =>
    readMonth(ctx, requireUser(request), request.params.servicePointId, request.params.month),
  );
  for (const decision of ['submit', 'approve'] as const) {
    r.post(`/api/time-reports/:servicePointId/:month/${decision}`, { schema: { tags, params: monthParams, response: { 200: monthView } } }, async (request) => {
      const actor = requireUser(request);
      await closeMonth(ctx, actor, request.params.servicePointId, request.params.month, decision, undefined, request.ip);
      return readMonth(ctx, actor, request.params.servicePointId, request.params.month);
    });
  }
  r.post('/api/time-reports/:servicePointId/:month/return', { schema: { tags, params: monthParams, body: monthReturn, response: { 200: monthView } } }, async (request) => {
    const actor = requireUser(request);
    await closeMonth(ctx, actor, request.params.servicePointId, request.params.month, 'return', request.body.comment, request.ip);
    return readMonth(ctx, actor, request.params.servicePointId, request.params.month);
  });
}
