import { timingSafeEqual } from 'node:crypto';
import { uuidSchema } from '../../../shared/common.js';
import { hashToken } from '../../auth/tokens.js';
import type { AppContext } from '../../context.js';
import { HttpProblem } from '../../http/problem.js';
import { type PressResult, auditPress, registerPress } from './register-press.js';
import { callRepository } from './repository.js';

export const invalidButtonCredential = () =>
  new HttpProblem(401, 'auth.invalid_token', 'Invalid credentials', 'The button credential is not valid', undefined, { 'www-authenticate': 'Bearer' });

const sameHash = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/**
 * A call button's press over HTTP or MQTT. The token authenticates the press either way (the MQTT broker is
 * shared, so a topic alone proves nothing). A wrong, unknown or revoked credential stores no call: only the
 * failed attempt in the audit log, and the caller gets 401.
 */
export async function pressButton(ctx: AppContext, buttonId: string, token: string | undefined, via: 'http' | 'mqtt', ip?: string): Promise<PressResult> {
  const known = uuidSchema.safeParse(buttonId).success;
  const found = known ? await callRepository.buttonWithPlace(ctx.db, buttonId) : undefined;
  const reason = !found ? 'unknown-button' : found.button.revokedAt ? 'revoked' : !token || !sameHash(found.button.tokenHash, hashToken(token)) ? 'invalid-token' : undefined;
  if (!found || reason) {
    await auditPress(
      ctx.db,
      { kind: 'button', buttonId: found ? buttonId : 'unknown', via },
      { organisationId: found?.organisationId },
      { outcome: 'failure', targetType: 'call-button', targetId: known ? buttonId : undefined, details: { via, reason } },
      ip,
    );
    throw invalidButtonCredential();
  }
  const place = { roomId: found.button.roomId, servicePointId: found.servicePointId, organisationId: found.organisationId };
  return registerPress(ctx, place, { kind: 'button', buttonId, via }, ip);
}
