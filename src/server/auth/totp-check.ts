import type { Config } from '../config.js';
import type { UserRow } from '../modules/users/repository.js';
import { isSealedCurrent, openTotpSecret, sealTotpSecret } from './totp-secret.js';
import { matchTotp } from './totp.js';

/** The time step of a valid code not used before, or undefined. */
export function acceptedTotpStep(config: Config, user: UserRow, code: string, now: number): number | undefined {
  if (!user.mfaSecret) return undefined;
  const step = matchTotp(openTotpSecret(config, user.id, user.mfaSecret), code, now);
  if (step === undefined || (user.mfaLastStep !== null && step <= user.mfaLastStep)) return undefined;
  return step;
}

/** What to store after an accepted code: the step (no replay), and the secret sealed anew if it was plain or old. */
export function afterAcceptedTotp(config: Config, user: UserRow, step: number): Partial<UserRow> {
  return {
    mfaLastStep: step,
    ...(user.mfaSecret && !isSealedCurrent(config, user.mfaSecret) && config.documentMasterKey
      ? { mfaSecret: sealTotpSecret(config, user.id, openTotpSecret(config, user.id, user.mfaSecret)) }
      : {}),
  };
}
