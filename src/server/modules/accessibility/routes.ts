import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  feedbackAnswer,
  feedbackCreate,
  feedbackItem,
  feedbackQuery,
  feedbackReceipt,
  feedbackSummary as summarySchema,
  statementContentSchema,
  statementParams,
  statementVersionView,
  statementView,
} from '../../../shared/accessibility.js';
import { idParams } from '../../../shared/common.js';
import { requireUser } from '../../auth/routes.js';
import type { AppContext } from '../../context.js';
import { answerFeedback } from './answer-feedback.js';
import { closeFeedback } from './close-feedback.js';
import { feedbackSummary, getFeedback, listFeedback } from './list-feedback.js';
import { readStatement, statementHistory } from './read-statement.js';
import { receiveFeedback } from './receive-feedback.js';
import { saveStatement } from './save-statement.js';

const tags = ['accessibility'];

/** The accessibility statement and feedback (306/2019): public reading and sending, the main admin's and coordinators' work. */
export function accessibilityRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/public/accessibility-statement/:language', { schema: { tags, params: statementParams, response: { 200: statementView } } }, async (request) =>
    readStatement(ctx, request.params.language),
  );
  r.post(
    '/api/public/accessibility-feedback',
    {
      schema: { tags, body: feedbackCreate, response: { 201: feedbackReceipt } },
      // Per client address (TRUST_PROXY decides what that is); a refused request counts too.
      config: { rateLimit: { max: ctx.config.accessibilityFeedbackPerHour, timeWindow: '1 hour' } },
    },
    async (request, reply) => reply.status(201).send(await receiveFeedback(ctx, request.body, request.ip)),
  );

  r.get('/api/accessibility-statement/:language/versions', { schema: { tags, params: statementParams, response: { 200: z.array(statementVersionView) } } }, async (request) =>
    statementHistory(ctx, requireUser(request), request.params.language),
  );
  r.put('/api/accessibility-statement/:language', { schema: { tags, params: statementParams, body: statementContentSchema, response: { 200: statementVersionView } } }, async (request) =>
    saveStatement(ctx, requireUser(request), request.params.language, request.body, request.ip),
  );

  r.get('/api/accessibility-feedback', { schema: { tags, querystring: feedbackQuery, response: { 200: z.array(feedbackItem) } } }, async (request) =>
    listFeedback(ctx, requireUser(request), request.query, request.ip),
  );
  r.get('/api/accessibility-feedback/summary', { schema: { tags, response: { 200: summarySchema } } }, async (request) => feedbackSummary(ctx, requireUser(request)));
  r.get('/api/accessibility-feedback/:id', { schema: { tags, params: idParams, response: { 200: feedbackItem } } }, async (request) =>
    getFeedback(ctx, requireUser(request), request.params.id, request.ip),
  );
  r.post('/api/accessibility-feedback/:id/answer', { schema: { tags, params: idParams, body: feedbackAnswer, response: { 200: feedbackItem } } }, async (request) =>
    answerFeedback(ctx, requireUser(request), request.params.id, request.body, request.ip),
  );
  r.post('/api/accessibility-feedback/:id/close', { schema: { tags, params: idParams, response: { 200: feedbackItem } } }, async (request) =>
    closeFeedback(ctx, requireUser(request), request.params.id, request.ip),
  );
}
