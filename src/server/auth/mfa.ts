import type { AppContext } from '../context.js';
import { HttpProblem } from '../http/problem.js';
import { recordAudit } from '../modules/audit/record.js';
import { userRepository } from '../modules/users/repository.js';
import type { UserActor } from './actor.js';
import { matchTotp, newTotpSecret, otpauthUrl } from './totp.js';
import { openTotpSecret, sealTotpSecret } from './totp-secret.js';
import { authChanged } from './session-cache.js';

/** Starts (or restarts) TOTP enrolment: a new secret, shown as a QR code, enabled only once confirmed. */
export async function startMfaSetup(ctx: AppContext, actor: UserActor) {
  const user = await userRepository.byId(ctx.db, actor.userId);
  if (!user) throw new HttpProblem(404, 'not_found', 'Not found');
  if (user.mfaEnabled) throw new HttpProblem(409, 'mfa.already_enabled', 'Conflict', 'Multi-factor authentication is already on');
  const secret = newTotpSecret();
  await userRepository.update(ctx.db, user.id, { mfaSecret: sealTotpSecret(ctx.config, user.id, secret) });
  await authChanged(ctx, { userId: user.id });
  const url = otpauthUrl(secret, user.email);
  const { default: QRCode } = await import('qrcode'); // only enrolment needs it: not loaded at start-up
  const qrDataUrl = await QRCode.toDataURL(url, { errorCorrectionLevel: 'M', margin: 2, width: 240 });
  return { secret, otpauthUrl: url, qrDataUrl };
}

export async function confirmMfa(ctx: AppContext, actor: UserActor, code: string, ip: string) {
  const user = await userRepository.byId(ctx.db, actor.userId);
  if (!user?.mfaSecret || user.mfaEnabled) throw new HttpProblem(409, 'mfa.not_started', 'Conflict', 'Start the set-up first');
  const step = matchTotp(openTotpSecret(ctx.config, user.id, user.mfaSecret), code);
  if (step === undefined) throw new HttpProblem(422, 'auth.totp_invalid', 'Invalid verification code', 'The verification code is wrong');
  await ctx.db.transaction(async (tx) => {
    await userRepository.update(tx, user.id, { mfaEnabled: true, mfaLastStep: step });
    await recordAudit(tx, actor, { action: 'user.mfa_enabled', targetType: 'user', targetId: user.id, organisationId: user.organisationId }, ip);
  });
  // The session's "MFA pending" ends now on every instance.
  await authChanged(ctx, { userId: user.id });
}
