import {
  keepPreviousData,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';

import { apiGet, apiRequest } from '@/lib/api-client';
import type { Role, User } from '@/lib/auth/types';
import type { Paginated } from '@/types/api';

/** The parameters of GET /admin/users. */
export interface UserQuery {
  q?: string;
  role?: Role;
  page?: number;
}

const usersKey = ['admin', 'users'] as const;

/** useUsers lists accounts for staff, one page at a time. */
export function useUsers(query: UserQuery) {
  return useQuery({
    queryKey: [...usersKey, query],
    queryFn: ({ signal }) =>
      apiGet<Paginated<User>>('/admin/users', { ...query }, signal),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}

/** A change to an account: a new role, or whether it may sign in. */
export type UserChange = { role: Role } | { active: boolean };

/** useUpdateUser changes an account's role or whether it may sign in. */
export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, change }: { id: number; change: UserChange }) =>
      'role' in change
        ? apiRequest<User>('PUT', `/admin/users/${id}/role`, { body: change })
        : apiRequest<User>('PUT', `/admin/users/${id}/active`, {
            body: change,
          }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersKey }),
  });
}
