import type { AppContext } from '../context.js';
import { HttpProblem } from '../http/problem.js';
import { recordAudit } from '../modules/audit/record.js';
import { userRepository } from '../modules/users/repository.js';
import { anonymous } from './actor.js';
import { hashPassword } from './password.js';
import { sessionRepository } from './session-repository.js';
import { hashToken } from './tokens.js';
import { authChanged } from './session-cache.js';

const expired = () => new HttpProblem(410, 'password_token.invalid', 'Link expired', 'This link has expired or has already been used');

export async function passwordTokenInfo(ctx: AppContext, token: string) {
  const found = await userRepository.findUsablePasswordToken(ctx.db, hashToken(token), new Date());
  if (!found || !found.user.active) throw expired();
  return { email: found.user.email, name: found.user.name };
}

/** Uses a one-time link: sets the password, ends existing sessions and unlocks the account. */
export async function setPassword(ctx: AppContext, token: string, password: string, ip: string) {
  const now = new Date();
  const tokenHash = hashToken(token);
  const found = await userRepository.findUsablePasswordToken(ctx.db, tokenHash, now);
  if (!found || !found.user.active) throw expired();
  const passwordHash = await hashPassword(password);
  await ctx.db.transaction(async (tx) => {
    if (!(await userRepository.consumePasswordToken(tx, tokenHash, now))) throw expired();
    await userRepository.update(tx, found.user.id, { passwordHash });
    await sessionRepository.deleteForUser(tx, found.user.id);
    await recordAudit(tx, anonymous, { action: 'user.password_set', targetType: 'user', targetId: found.user.id, organisationId: found.user.organisationId }, ip);
  });
  await authChanged(ctx, { userId: found.user.id });
}
