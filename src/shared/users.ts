import { z } from 'zod';
import { ROLES } from './roles.js';
import { emailSchema } from './common.js';
import { containsHetu } from './hetu.js';
import { roleAssignmentView } from './auth.js';

export const roleAssignmentInput = z.strictObject({
  role: z.enum(ROLES),
  organisationId: z.uuid(),
  servicePointId: z.uuid().optional(),
});
export type RoleAssignmentInput = z.infer<typeof roleAssignmentInput>;

export const userView = z.object({
  id: z.uuid(),
  organisationId: z.uuid(),
  email: z.string(),
  name: z.string(),
  active: z.boolean(),
  mfaEnabled: z.boolean(),
  hasPassword: z.boolean(),
  roles: z.array(roleAssignmentView),
  createdAt: z.string(),
});
export type UserView = z.infer<typeof userView>;

export const userListQuery = z.strictObject({ organisationId: z.uuid().optional() });

/** A person's name; a henkilötunnus in it is refused here too, so the form says so at the field. */
const personName = z
  .string()
  .trim()
  .min(1)
  .max(120)
  .refine((v) => !containsHetu(v), { message: 'must not contain a personal identity code', params: { code: 'personal_id_forbidden' } });

/** A new account needs at least one role: an account without one can sign in to nothing. */
export const createUserRequest = z.strictObject({
  organisationId: z.uuid(),
  email: emailSchema,
  name: personName,
  roles: z.array(roleAssignmentInput).min(1).max(20),
});
export type CreateUserRequest = z.infer<typeof createUserRequest>;

/** Only the fields given change. The email is the sign-in name, so it stays unique (409 user.email_taken). */
export const updateUserRequest = z.strictObject({ name: personName.optional(), email: emailSchema.optional() });
export const setRolesRequest = z.strictObject({ roles: z.array(roleAssignmentInput).max(20) });

/** The one-time link is shown once, to the admin who created it. */
export const userWithLinkResponse = z.object({ user: userView, setPasswordUrl: z.string(), expiresAt: z.string() });
