import type { Config } from '../config.js';
import type { Db } from '../db/client.js';
import { sessionRepository } from './session-repository.js';
import { hashToken, newToken } from './tokens.js';

export type SessionOrigin = { identityProvider?: string; idTokenSealed?: (idHash: string) => string | undefined; mfaByProvider?: boolean };

/** A new server-side session for a user who has proven who they are (password sign-in or an OpenID provider). */
export async function newSession(db: Db, config: Config, userId: string, origin: SessionOrigin = {}, now = new Date()) {
  const sessionId = newToken();
  const csrfToken = newToken(24);
  const idHash = hashToken(sessionId);
  await sessionRepository.create(db, {
    idHash,
    userId,
    csrfToken,
    expiresAt: new Date(now.getTime() + config.sessionMaxHours * 3_600_000),
    identityProvider: origin.identityProvider ?? null,
    idTokenSealed: origin.idTokenSealed?.(idHash) ?? null,
    mfaByProvider: origin.mfaByProvider ?? false,
  });
  return { sessionId, csrfToken };
}
