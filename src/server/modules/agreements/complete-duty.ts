import type { z } from 'zod';
import type { dutyCompletion } from '../../../shared/agreements.js';
import type { UserActor } from '../../auth/actor.js';
import type { AppContext } from '../../context.js';
import { conflict, notFound } from '../../http/problem.js';
import { recordAudit } from '../audit/record.js';
import { agreementRepository as repo } from './repository.js';

/** Marks a registration duty done on the day it was done (once: a done duty stays as recorded). */
export async function completeDuty(ctx: AppContext, actor: UserActor, agreementId: string, dutyId: string, input: z.infer<typeof dutyCompletion>, ip?: string) {
  await ctx.db.transaction(async (tx) => {
    const duty = await repo.duty(tx, agreementId, dutyId);
    if (!duty) throw notFound('Duty');
    if (duty.doneOn) throw conflict('agreement.duty_done', `This duty was already done on ${duty.doneOn}`);
    await repo.completeDuty(tx, dutyId, input.doneOn, input.note || null, actor.userId);
    await repo.touch(tx, agreementId, new Date());
    await recordAudit(tx, actor, { action: 'agreement.duty_completed', targetType: 'agreement', targetId: agreementId, details: { dutyId, kind: duty.kind, subject: duty.subject, doneOn: input.doneOn } }, ip);
  });
}
