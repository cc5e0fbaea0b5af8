import type { LoginRequest } from '../../shared/auth.js';
import type { AppContext } from '../context.js';
import { HttpProblem } from '../http/problem.js';
import { recordAudit } from '../modules/audit/record.js';
import { userRepository } from '../modules/users/repository.js';
import { anonymous } from './actor.js';
import { burnPasswordCheck, verifyPassword } from './password.js';
import { sessionRepository } from './session-repository.js';
import { hashToken, newToken } from './tokens.js';
import { isSealedCurrent, openTotpSecret, sealTotpSecret } from './totp-secret.js';
import { matchTotp } from './totp.js';

const invalidCredentials = () =>
  new HttpProblem(401, 'auth.invalid_credentials', 'Invalid credentials', 'The email address or password is wrong');

export type LoginResult = { sessionId: string; csrfToken: string; userId: string };

/** Password (and TOTP when enrolled) → a new server-side session. Failures count towards a temporary lockout. */
export async function login(ctx: AppContext, input: LoginRequest, ip: string): Promise<LoginResult> {
  const { db, config } = ctx;
  const now = new Date();
  const user = await userRepository.byEmail(db, input.email);
  const fail = async (reason: string, userId?: string) =>
    recordAudit(db, anonymous, { action: 'auth.login', outcome: 'failure', targetType: 'user', targetId: userId, details: { reason } }, ip);

  if (!user || !user.passwordHash || !user.active) {
    await burnPasswordCheck(input.password);
    await fail(user ? (user.active ? 'no-password' : 'inactive') : 'unknown-email', user?.id);
    throw invalidCredentials();
  }
  if (user.lockedUntil && user.lockedUntil > now) {
    await fail('locked', user.id);
    throw lockedProblem(user.lockedUntil, now);
  }

  const passwordOk = await verifyPassword(user.passwordHash, input.password);
  if (!passwordOk) return rejectAndCount(ctx, user.id, 'bad-password', ip, now);

  let totpStep: number | undefined;
  if (user.mfaEnabled && user.mfaSecret) {
    if (!input.totp) throw new HttpProblem(401, 'auth.totp_required', 'Verification code required', 'Enter the code from your authenticator app');
    totpStep = matchTotp(openTotpSecret(config, user.id, user.mfaSecret), input.totp, now.getTime());
    if (totpStep === undefined || (user.mfaLastStep !== null && totpStep <= user.mfaLastStep)) {
      return rejectAndCount(ctx, user.id, 'bad-totp', ip, now, 'auth.totp_invalid');
    }
  }

  const sessionId = newToken();
  const csrfToken = newToken(24);
  await db.transaction(async (tx) => {
    await userRepository.update(tx, user.id, {
      failedLogins: 0,
      lockedUntil: null,
      ...(totpStep !== undefined ? { mfaLastStep: totpStep } : {}),
      // A secret stored before sealing (or under the previous master key) is sealed anew now.
      ...(totpStep !== undefined && user.mfaSecret && !isSealedCurrent(config, user.mfaSecret) && config.documentMasterKey
        ? { mfaSecret: sealTotpSecret(config, user.id, openTotpSecret(config, user.id, user.mfaSecret)) }
        : {}),
    });
    await sessionRepository.create(tx, {
      idHash: hashToken(sessionId),
      userId: user.id,
      csrfToken,
      expiresAt: new Date(now.getTime() + config.sessionMaxHours * 3_600_000),
    });
    await recordAudit(tx, { kind: 'anonymous' }, { action: 'auth.login', targetType: 'user', targetId: user.id, organisationId: user.organisationId, details: { mfa: totpStep !== undefined } }, ip);
  });
  return { sessionId, csrfToken, userId: user.id };
}

function lockedProblem(until: Date, now: Date) {
  const seconds = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
  return new HttpProblem(429, 'auth.locked', 'Account temporarily locked', `Too many failed sign-ins. Try again in ${Math.ceil(seconds / 60)} minutes.`, undefined, {
    'retry-after': String(seconds),
  });
}

async function rejectAndCount(ctx: AppContext, userId: string, reason: string, ip: string, now: Date, code = 'auth.invalid_credentials'): Promise<never> {
  const { db, config } = ctx;
  const lockUntil = new Date(now.getTime() + config.loginLockMinutes * 60_000);
  const state = await userRepository.registerFailure(db, userId, config.loginMaxFailures, lockUntil);
  await recordAudit(db, anonymous, { action: 'auth.login', outcome: 'failure', targetType: 'user', targetId: userId, details: { reason } }, ip);
  if (state.lockedUntil && state.lockedUntil > now) {
    await recordAudit(db, anonymous, { action: 'auth.lockout', targetType: 'user', targetId: userId, details: { until: state.lockedUntil.toISOString() } }, ip);
    throw lockedProblem(state.lockedUntil, now);
  }
  if (code === 'auth.totp_invalid') throw new HttpProblem(401, code, 'Invalid verification code', 'The verification code is wrong or already used');
  throw invalidCredentials();
}
