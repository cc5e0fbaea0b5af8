import type { Me } from '../../shared/auth.js';
import type { Language } from '../../shared/common.js';
import type { Config } from '../config.js';
import type { UserActor } from './actor.js';

export function presentMe(actor: UserActor, config: Config, preferredLanguage?: string | null): Me {
  return {
    id: actor.userId,
    email: actor.email,
    name: actor.name,
    organisationId: actor.organisationId,
    roles: actor.roles.map((r) => ({ role: r.role, organisationId: r.organisationId, ...(r.servicePointId ? { servicePointId: r.servicePointId } : {}) })),
    mfaEnabled: actor.mfaEnabled,
    mfaRequired: actor.mfaPending,
    preferredLanguage: (preferredLanguage ?? undefined) as Language | undefined,
    idleTimeoutMinutes: config.sessionIdleMinutes,
  };
}
