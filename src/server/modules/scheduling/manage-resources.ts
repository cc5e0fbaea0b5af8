import type { z } from 'zod';
import type { closureInput, interpreterInput, interpreterPatch, workingHoursInput } from '../../../shared/scheduling.js';
import type { UserActor } from '../../auth/actor.js';
import type { AppContext } from '../../context.js';
import { recordAudit } from '../audit/record.js';
import { catalogueChanged } from './availability-catalogue.js';
import { catalogueRepository } from './catalogue-repository.js';
import type { ResourceKind } from './repository.js';

export async function setWorkingHours(ctx: AppContext, actor: UserActor, kind: ResourceKind, id: string, input: z.infer<typeof workingHoursInput>, ip: string) {
  await ctx.db.transaction(async (tx) => {
    await catalogueRepository.replaceWorkingHours(tx, kind, id, input.weekly, input.exceptions);
    await recordAudit(tx, actor, { action: 'working_hours.set', targetType: kind, targetId: id, details: { weekly: input.weekly.length, exceptions: input.exceptions.length } }, ip);
  });
  await catalogueChanged(ctx, { id });
}

export async function createInterpreter(ctx: AppContext, actor: UserActor, input: z.infer<typeof interpreterInput>, ip: string) {
  const row = await ctx.db.transaction(async (tx) => {
    const created = await catalogueRepository.insertInterpreter(tx, input);
    await recordAudit(tx, actor, { action: 'interpreter.created', targetType: 'interpreter', targetId: created.id }, ip);
    return created;
  });
  await catalogueChanged(ctx, { id: row.id });
  return row;
}

export async function updateInterpreter(ctx: AppContext, actor: UserActor, id: string, patch: z.infer<typeof interpreterPatch>, ip: string) {
  const row = await ctx.db.transaction(async (tx) => {
    const updated = await catalogueRepository.updateInterpreter(tx, id, patch);
    await recordAudit(tx, actor, { action: 'interpreter.updated', targetType: 'interpreter', targetId: id, details: { fields: Object.keys(patch) } }, ip);
    return updated;
  });
  await catalogueChanged(ctx, { id });
  return row;
}

export async function addClosure(ctx: AppContext, actor: UserActor, servicePointId: string, input: z.infer<typeof closureInput>, ip: string) {
  const row = await ctx.db.transaction(async (tx) => {
    const closure = await catalogueRepository.insertClosure(tx, { servicePointId, ...input });
    await recordAudit(tx, actor, { action: 'closure.created', targetType: 'closure', targetId: closure.id, details: { startsOn: input.startsOn, endsOn: input.endsOn } }, ip);
    return closure;
  });
  await catalogueChanged(ctx, { servicePointId });
  return row;
}

export async function removeClosure(ctx: AppContext, actor: UserActor, closure: { id: string; servicePointId: string }, ip: string) {
  await ctx.db.transaction(async (tx) => {
    await catalogueRepository.deleteClosure(tx, closure.id);
    await recordAudit(tx, actor, { action: 'closure.deleted', targetType: 'closure', targetId: closure.id }, ip);
  });
  await catalogueChanged(ctx, { servicePointId: closure.servicePointId });
}
