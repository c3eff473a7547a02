import { UsersView } from '@/features/admin-users/components/users-view';
import { canManageUsers } from '@/lib/auth/types';

import { RequireAuth } from './require-auth';

/** AdminUsersRoute serves /panel/usuarios to admins and super admins. */
export function AdminUsersRoute() {
  return (
    <RequireAuth allow={canManageUsers}>
      <UsersView />
    </RequireAuth>
  );
}
