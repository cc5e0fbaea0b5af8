import type { StatementContent, StatementVersionView } from '../../../shared/accessibility.js';
import type { Language } from '../../../shared/common.js';
import type { UserActor } from '../../auth/actor.js';
import { authorize } from '../../auth/policy.js';
import type { AppContext } from '../../context.js';
import { recordAudit } from '../audit/record.js';
import { presentStatement } from './present.js';
import { accessibilityRepository as repo } from './repository.js';

/** The main admin saves a new version; earlier versions stay as they were. */
export async function saveStatement(ctx: AppContext, actor: UserActor, language: Language, content: StatementContent, ip?: string): Promise<StatementVersionView> {
  authorize(actor, 'accessibility-statement:manage');
  const saved = await ctx.db.transaction(async (tx) => {
    const row = await repo.insertStatement(tx, language, content, actor.userId);
    await recordAudit(tx, actor, { action: 'accessibility-statement.saved', targetType: 'accessibility-statement', targetId: row.id, details: { language, version: row.version } }, ip);
    return row;
  });
  return presentStatement(language, { ...saved, savedByName: actor.name });
}
