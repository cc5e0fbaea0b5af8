import { HttpProblem } from '../../http/problem.js';

/**
 * Why an OpenID sign-in was refused. `reason` goes to the audit log; `code` is what the person is told on the
 * sign-in page: no account (unknown, another organisation, unverified or foreign e-mail), a deactivated account,
 * or that the sign-in failed (the provider's answer did not pass the checks).
 */
export type RefusalCode = 'auth.oidc_no_account' | 'auth.oidc_inactive' | 'auth.oidc_failed';

export class OidcRefusal extends Error {
  constructor(
    readonly code: RefusalCode,
    readonly reason: string,
    readonly userId?: string,
    readonly organisationId?: string,
  ) {
    super(`${code}: ${reason}`);
  }
}

export const noAccount = (reason: string, userId?: string, organisationId?: string) => new OidcRefusal('auth.oidc_no_account', reason, userId, organisationId);

export const unknownProvider = () => new HttpProblem(404, 'auth.oidc_unknown_provider', 'Not found', 'No such identity provider');
