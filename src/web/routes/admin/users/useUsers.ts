import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateUserRequest, RoleAssignmentInput, UserView } from '../../../../shared/users';
import { get, patch, post, put } from '../../../api';

export type OneTimeLinkResponse = { setPasswordUrl: string; expiresAt: string };
export type UserWithLink = OneTimeLinkResponse & { user: UserView };

const userKeys = {
  all: ['admin', 'users'] as const,
  list: (organisationId?: string) => ['admin', 'users', 'list', organisationId ?? 'all'] as const,
  one: (id: string) => ['admin', 'users', 'one', id] as const,
};

export function useUserList(organisationId?: string) {
  const qs = organisationId ? `?organisationId=${encodeURIComponent(organisationId)}` : '';
  return useQuery({ queryKey: userKeys.list(organisationId), queryFn: () => get<UserView[]>(`/api/users${qs}`) });
}

export function useUserDetail(id: string) {
  return useQuery({ queryKey: userKeys.one(id), queryFn: () => get<UserView>(`/api/users/${id}`) });
}

/** Any change to an account refreshes the lists and the account's own page. */
function useInvalidateUsers() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: userKeys.all });
}

export function useCreateUser() {
  const invalidate = useInvalidateUsers();
  return useMutation({ mutationFn: (body: CreateUserRequest) => post<UserWithLink>('/api/users', body), onSuccess: invalidate });
}

export function useUpdateUser(id: string) {
  const invalidate = useInvalidateUsers();
  return useMutation({ mutationFn: (body: { name?: string; email?: string }) => patch<UserView>(`/api/users/${id}`, body), onSuccess: invalidate });
}

export function useSetRoles(id: string) {
  const invalidate = useInvalidateUsers();
  return useMutation({ mutationFn: (roles: RoleAssignmentInput[]) => put<UserView>(`/api/users/${id}/roles`, { roles }), onSuccess: invalidate });
}

export type UserAction = 'deactivate' | 'activate' | 'mfa/reset';

export function useUserAction(id: string) {
  const invalidate = useInvalidateUsers();
  return useMutation({ mutationFn: (action: UserAction) => post<unknown>(`/api/users/${id}/${action}`), onSuccess: invalidate });
}

export function usePasswordLink(id: string) {
  const invalidate = useInvalidateUsers();
  return useMutation({ mutationFn: () => post<OneTimeLinkResponse>(`/api/users/${id}/password-link`), onSuccess: invalidate });
}
