import type { AppContext } from '../../context.js';
import { hashToken, newToken } from '../../auth/tokens.js';
import { userRepository } from './repository.js';

const LINK_VALID_HOURS = 72;

/** A new one-time set-password link; earlier unused links of the user stop working. */
export async function issuePasswordLink(ctx: AppContext, userId: string) {
  const token = newToken();
  const now = new Date();
  const expiresAt = new Date(now.getTime() + LINK_VALID_HOURS * 3_600_000);
  await userRepository.invalidatePasswordTokens(ctx.db, userId, now);
  await userRepository.createPasswordToken(ctx.db, { tokenHash: hashToken(token), userId, expiresAt });
  const base = ctx.config.publicUrl ?? `http://localhost:${ctx.config.port}`;
  return { url: `${base}/set-password/${token}`, expiresAt };
}
