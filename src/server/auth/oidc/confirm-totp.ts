import type { AppContext } from '../../context.js';
import { HttpProblem } from '../../http/problem.js';
import { recordAudit } from '../../modules/audit/record.js';
import { userRepository } from '../../modules/users/repository.js';
import { anonymous } from '../actor.js';
import type { LoginThrottle } from '../login-throttle.js';
import { newSession } from '../new-session.js';
import { acceptedTotpStep, afterAcceptedTotp } from '../totp-check.js';
import { sealIdToken } from './finish-sign-in.js';
import type { PendingMfa } from './flow-cookie.js';
import { authChanged } from '../session-cache.js';

const expired = () => new HttpProblem(401, 'auth.oidc_expired', 'Sign-in expired', 'Sign in with your organisation account again');

/**
 * The second step of a provider sign-in without multi-factor for an account that uses Etäpiste's TOTP: the code
 * is checked as in the password sign-in, and failures count in the same throttle.
 */
export async function confirmTotp(ctx: AppContext, pending: PendingMfa | undefined, code: string, client: { ip: string; throttle: LoginThrottle }) {
  if (!pending) throw expired();
  const user = await userRepository.byId(ctx.db, pending.userId);
  if (!user?.active || !user.mfaEnabled) throw expired();
  const keys = client.throttle.keysFor(user.email, client.ip, undefined);
  const audit = (reason: string) =>
    recordAudit(ctx.db, anonymous, { action: 'auth.login', outcome: 'failure', targetType: 'user', targetId: user.id, details: { method: 'oidc', reason } }, client.ip);
  const wait = client.throttle.waitMs(keys);
  if (wait > 0) {
    await audit('throttled');
    const seconds = Math.max(1, Math.ceil(wait / 1000));
    throw new HttpProblem(429, 'auth.locked', 'Too many failed sign-ins', `Try again in ${seconds} seconds.`, undefined, { 'retry-after': String(seconds) });
  }
  const now = new Date();
  const step = acceptedTotpStep(ctx.config, user, code, now.getTime());
  if (step === undefined) {
    client.throttle.fail(keys);
    await audit('bad-totp');
    throw new HttpProblem(401, 'auth.totp_invalid', 'Invalid verification code', 'The verification code is wrong or already used');
  }
  const session = await ctx.db.transaction(async (tx) => {
    await userRepository.update(tx, user.id, afterAcceptedTotp(ctx.config, user, step));
    const created = await newSession(tx, ctx.config, user.id, { identityProvider: pending.providerId, idTokenSealed: sealIdToken(ctx, pending.idToken) }, now);
    await recordAudit(
      tx,
      anonymous,
      { action: 'auth.login', targetType: 'user', targetId: user.id, organisationId: user.organisationId, details: { method: 'oidc', provider: pending.providerId, mfa: 'totp' } },
      client.ip,
    );
    return created;
  });
  client.throttle.succeed(keys);
  await authChanged(ctx, { userId: user.id });
  return session;
}
