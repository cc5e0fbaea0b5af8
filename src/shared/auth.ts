import { z } from 'zod';
import { ROLES } from './roles.js';
import { emailSchema, languageSchema, secret } from './common.js';

export const loginRequest = z.strictObject({
  email: z.string().trim().min(1).max(254),
  password: secret(z.string().min(1).max(1024)),
  totp: secret(z.string().regex(/^\d{6}$/)).optional(),
});
export type LoginRequest = z.infer<typeof loginRequest>;

export const roleAssignmentView = z.object({
  role: z.enum(ROLES),
  organisationId: z.uuid(),
  servicePointId: z.uuid().optional(),
});
export type RoleAssignmentView = z.infer<typeof roleAssignmentView>;

export const meResponse = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  organisationId: z.uuid(),
  roles: z.array(roleAssignmentView),
  mfaEnabled: z.boolean(),
  /** True when the user's roles require MFA and it is not yet enrolled: only enrolment is allowed. */
  mfaRequired: z.boolean(),
  preferredLanguage: languageSchema.optional(),
  /** Minutes of inactivity after which the session ends. */
  idleTimeoutMinutes: z.number(),
});
export type Me = z.infer<typeof meResponse>;

export const loginResponse = z.object({ csrfToken: z.string(), user: meResponse });
export type LoginResponse = z.infer<typeof loginResponse>;

export const sessionResponse = z.object({ csrfToken: z.string(), user: meResponse });

export const PASSWORD_MIN_LENGTH = 12;
export const passwordSchema = secret(z.string().min(PASSWORD_MIN_LENGTH).max(256));

export const passwordTokenSchema = secret(z.string().min(16).max(128));
export const passwordTokenParams = z.object({ token: passwordTokenSchema });
export const setPasswordRequest = z.strictObject({ token: passwordTokenSchema, password: passwordSchema });
export const passwordTokenInfo = z.object({ email: z.string(), name: z.string() });

export const mfaSetupResponse = z.object({ secret: z.string(), otpauthUrl: z.string(), qrDataUrl: z.string() });
export const mfaConfirmRequest = z.strictObject({ code: secret(z.string().regex(/^\d{6}$/)) });

export const preferencesRequest = z.strictObject({ preferredLanguage: languageSchema });

export { emailSchema };
