import type { SourceRef } from '../../../shared/time-reports.js';
import type { UserActor } from '../../auth/actor.js';
import type { AppContext } from '../../context.js';
import { conflict } from '../../http/problem.js';
import { recordAudit } from '../audit/record.js';
import { timeRepository as repo } from './repository.js';
import { ownActivity } from './suggestions.js';

/** The advisor discards a suggestion: it is not offered again (and not counted). */
export async function dismissSuggestion(ctx: AppContext, actor: UserActor, ref: SourceRef, ip?: string) {
  await ctx.db.transaction(async (tx) => {
    await ownActivity(tx, actor, ref);
    if ((await repo.sourcesTaken(tx, [ref])).size > 0 || !(await repo.dismiss(tx, ref, actor.userId))) {
      throw conflict('time_entry.source_taken', 'This activity is already recorded or discarded');
    }
    await recordAudit(tx, actor, { action: 'time_suggestion.dismissed', targetType: ref.kind, targetId: ref.id, details: { sourceKind: ref.kind } }, ip);
  });
}
