import type { z } from 'zod';
import type { agencyTokenInput } from '../../../shared/documents.js';
import type { AgencySystemActor, UserActor } from '../../auth/actor.js';
import { authorize } from '../../auth/policy.js';
import { hashToken, newToken } from '../../auth/tokens.js';
import type { AppContext } from '../../context.js';
import { HttpProblem, notFound } from '../../http/problem.js';
import { recordAudit } from '../audit/record.js';
import { presentToken } from './present.js';
import { tokenRepository } from './key-repository.js';

const TOKEN_PREFIX = 'etp_agency_';
const TOUCH_EVERY_MS = 60_000;

/** An agency admin creates a token for the agency's own system; the secret is in this answer only. */
export async function createAgencyToken(ctx: AppContext, actor: UserActor, agencyId: string, input: z.infer<typeof agencyTokenInput>, ip?: string) {
  authorize(actor, 'agency-token:manage', { organisationId: agencyId });
  const token = `${TOKEN_PREFIX}${newToken()}`;
  return ctx.db.transaction(async (tx) => {
    const row = await tokenRepository.insert(tx, { agencyId, name: input.name, scopes: [...new Set(input.scopes)], tokenHash: hashToken(token), createdBy: actor.userId });
    await recordAudit(tx, actor, { action: 'agency_token.created', targetType: 'agency-token', targetId: row.id, organisationId: agencyId, details: { scopes: row.scopes } }, ip);
    return { token, apiToken: presentToken(row) };
  });
}

export async function listAgencyTokens(ctx: AppContext, actor: UserActor, agencyId: string) {
  authorize(actor, 'agency-token:manage', { organisationId: agencyId });
  return (await tokenRepository.ofAgency(ctx.db, agencyId)).map(presentToken);
}

/** Revoking is final and takes effect on the token's next request. */
export async function revokeAgencyToken(ctx: AppContext, actor: UserActor, tokenId: string, ip?: string) {
  const row = await tokenRepository.byId(ctx.db, tokenId);
  if (!row) throw notFound('API token');
  authorize(actor, 'agency-token:manage', { organisationId: row.agencyId });
  if (row.revokedAt) return presentToken(row);
  return ctx.db.transaction(async (tx) => {
    const revoked = await tokenRepository.update(tx, tokenId, { revokedAt: new Date(), revokedBy: actor.userId });
    await recordAudit(tx, actor, { action: 'agency_token.revoked', targetType: 'agency-token', targetId: tokenId, organisationId: row.agencyId }, ip);
    return presentToken(revoked);
  });
}

/** The agency system behind a bearer token, or 401. */
export async function agencyActorFromBearer(ctx: AppContext, authorization: string | undefined): Promise<AgencySystemActor> {
  const token = authorization?.startsWith('Bearer ') ? authorization.slice(7).trim() : undefined;
  const row = token?.startsWith(TOKEN_PREFIX) ? await tokenRepository.activeByHash(ctx.db, hashToken(token)) : undefined;
  if (!row) throw new HttpProblem(401, 'auth.invalid_token', 'Invalid credentials', 'The API token is not valid', undefined, { 'www-authenticate': 'Bearer' });
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > TOUCH_EVERY_MS) await tokenRepository.update(ctx.db, row.id, { lastUsedAt: new Date() });
  return { kind: 'agency-system', tokenId: row.id, organisationId: row.agencyId, scopes: row.scopes };
}
