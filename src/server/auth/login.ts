import type { LoginRequest } from '../../shared/auth.js';
import type { AppContext } from '../context.js';
import { HttpProblem } from '../http/problem.js';
import { recordAudit, signingInUser } from '../modules/audit/record.js';
import { userRepository } from '../modules/users/repository.js';
import { anonymous } from './actor.js';
import { burnPasswordCheck, verifyPassword } from './password.js';
import type { LoginThrottle } from './login-throttle.js';
import { newSession } from './new-session.js';
import { acceptedTotpStep, afterAcceptedTotp } from './totp-check.js';

const invalidCredentials = () =>
  new HttpProblem(401, 'auth.invalid_credentials', 'Invalid credentials', 'The email address or password is wrong');

export type LoginResult = { sessionId: string; csrfToken: string; userId: string; deviceCookie: string };
export type LoginClient = { ip: string; deviceCookie?: string; throttle: LoginThrottle };

/**
 * Password (and TOTP when enrolled) → a new server-side session. Every failure, for a known address or not, counts
 * the same way in the throttle (login-throttle.ts), so the answers never tell which addresses have accounts.
 */
export async function login(ctx: AppContext, input: LoginRequest, client: LoginClient): Promise<LoginResult> {
  const { db, config } = ctx;
  const { ip, throttle } = client;
  const now = new Date();
  const keys = throttle.keysFor(input.email, ip, client.deviceCookie);
  const user = await userRepository.byEmail(db, input.email);
  const audit = async (reason: string) =>
    recordAudit(db, anonymous, { action: 'auth.login', outcome: 'failure', targetType: 'user', targetId: user?.id, details: { reason } }, ip);

  const wait = throttle.waitMs(keys);
  if (wait > 0) {
    await audit('throttled');
    throw throttledProblem(wait);
  }
  const reject = async (reason: string, problem = invalidCredentials()): Promise<never> => {
    throttle.fail(keys);
    await audit(reason);
    throw problem;
  };

  if (!user || !user.passwordHash || !user.active) {
    await burnPasswordCheck(input.password);
    return reject(user ? (user.active ? 'no-password' : 'inactive') : 'unknown-email');
  }
  if (!(await verifyPassword(user.passwordHash, input.password))) return reject('bad-password');

  let totpStep: number | undefined;
  if (user.mfaEnabled && user.mfaSecret) {
    if (!input.totp) throw new HttpProblem(401, 'auth.totp_required', 'Verification code required', 'Enter the code from your authenticator app');
    totpStep = acceptedTotpStep(config, user, input.totp, now.getTime());
    if (totpStep === undefined) {
      return reject('bad-totp', new HttpProblem(401, 'auth.totp_invalid', 'Invalid verification code', 'The verification code is wrong or already used'));
    }
  }

  const { sessionId, csrfToken } = await db.transaction(async (tx) => {
    // A secret stored before sealing (or under the previous master key) is sealed anew now.
    if (totpStep !== undefined) await userRepository.update(tx, user.id, afterAcceptedTotp(config, user, totpStep));
    const session = await newSession(tx, config, user.id, {}, now);
    // The person signed in: the event is theirs (not "unidentified"), the account its target.
    await recordAudit(tx, signingInUser(user.id), { action: 'auth.login', targetType: 'user', targetId: user.id, organisationId: user.organisationId, details: { mfa: totpStep !== undefined } }, ip);
    return session;
  });
  throttle.succeed(keys);
  return { sessionId, csrfToken, userId: user.id, deviceCookie: throttle.deviceCookieAfterSuccess(keys, client.deviceCookie) };
}

function throttledProblem(waitMs: number) {
  const seconds = Math.max(1, Math.ceil(waitMs / 1000));
  return new HttpProblem(429, 'auth.locked', 'Too many failed sign-ins', `Too many failed sign-ins. Try again in ${seconds} seconds.`, undefined, {
    'retry-after': String(seconds),
  });
}
