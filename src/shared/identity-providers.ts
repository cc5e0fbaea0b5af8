import { z } from 'zod';
import { AGENCY_ROLES, type Role } from './roles.js';
import { languageSchema, secret } from './common.js';

/** A provider offered on the sign-in page: `env` or an admin-configured provider's id. */
export const signInProvider = z.object({ id: z.string(), name: z.string() });
export const signInProvidersResponse = z.object({ providers: z.array(signInProvider) });
export type SignInProvider = z.infer<typeof signInProvider>;

export const oidcStartParams = z.object({ providerId: z.string().min(1).max(64) });
export const oidcStartQuery = z.strictObject({ lang: languageSchema.optional() });
/** The provider's redirect: code, state and session ids are random and may spell anything, so they are secret(). */
export const oidcCallbackQuery = z.looseObject({
  code: secret(z.string().max(4096)).optional(),
  state: secret(z.string().max(1024)).optional(),
  session_state: secret(z.string().max(1024)).optional(),
  iss: z.string().max(2048).optional(),
  error: z.string().max(200).optional(),
  error_description: z.string().max(2000).optional(),
});
export const oidcTotpRequest = z.strictObject({ totp: secret(z.string().regex(/^\d{6}$/)) });

const domain = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, 'identity_provider.domain');
const mappableRole = z.enum(AGENCY_ROLES as [Role, ...Role[]]);

/** What the main admin edits. The client secret is write-only: never sent back, kept when left out of an update. */
export const identityProviderFields = {
  name: z.string().trim().min(1).max(100),
  issuer: z.url().max(2048),
  clientId: z.string().trim().min(1).max(512),
  clientSecret: secret(z.string().min(1).max(2048)).optional(),
  organisationIds: z.array(z.uuid()).min(1).max(20),
  emailDomains: z.array(domain).max(20),
  allowCreate: z.boolean(),
  groupClaim: z.string().trim().regex(/^[A-Za-z0-9_:./-]{1,100}$/).nullable(),
  groupRoles: z.record(z.string().trim().min(1).max(256), mappableRole),
  active: z.boolean(),
};
export const createIdentityProviderRequest = z.strictObject(identityProviderFields);
export const updateIdentityProviderRequest = z.strictObject(identityProviderFields).partial();
export type IdentityProviderInput = z.infer<typeof createIdentityProviderRequest>;

export const identityProviderView = z.object({
  id: z.uuid(),
  name: z.string(),
  issuer: z.string(),
  clientId: z.string(),
  hasClientSecret: z.boolean(),
  organisationIds: z.array(z.uuid()),
  emailDomains: z.array(z.string()),
  allowCreate: z.boolean(),
  groupClaim: z.string().nullable(),
  groupRoles: z.record(z.string(), z.string()),
  active: z.boolean(),
  redirectUri: z.string(),
});
export type IdentityProviderView = z.infer<typeof identityProviderView>;
export const identityProviderParams = z.object({ id: z.uuid() });
