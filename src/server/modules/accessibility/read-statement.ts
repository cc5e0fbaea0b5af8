import type { StatementVersionView } from '../../../shared/accessibility.js';
import type { Language } from '../../../shared/common.js';
import type { UserActor } from '../../auth/actor.js';
import { authorize } from '../../auth/policy.js';
import type { AppContext } from '../../context.js';
import { presentStatement } from './present.js';
import { accessibilityRepository as repo } from './repository.js';

/** The statement anyone may read, without signing in: the newest saved version, or the built-in one. */
export async function readStatement(ctx: AppContext, language: Language): Promise<StatementVersionView> {
  return presentStatement(language, await repo.currentStatement(ctx.db, language));
}

/** Every saved version of a language's statement, newest first (the built-in one last, as version 0). */
export async function statementHistory(ctx: AppContext, actor: UserActor, language: Language): Promise<StatementVersionView[]> {
  authorize(actor, 'accessibility-statement:manage');
  const rows = await repo.statementHistory(ctx.db, language);
  return [...rows.map((row) => presentStatement(language, row)), presentStatement(language, undefined)];
}
