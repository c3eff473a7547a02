import { useId } from 'react';

import { Button } from '@/components/button';
import { canManageRoles, roleNames } from '@/lib/auth/types';
import type { Role, User } from '@/lib/auth/types';

import { useUpdateUser } from '../api/users';

const roles = Object.keys(roleNames) as Role[];

/**
 * UserRow is one account in the staff's list, with what `me` may do to
 * it: a super admin changes roles; admins activate and deactivate.
 * Nobody changes their own account here.
 */
export function UserRow({ user, me }: { user: User; me: User | undefined }) {
  const update = useUpdateUser();
  const roleId = useId();
  const self = me?.id === user.id;
  const active = user.active !== false;

  return (
    <tr className={active ? '' : 'bg-slate-50 text-slate-500'}>
      <th scope="row" className="px-4 py-2 font-medium text-slate-900">
        {user.name || '—'}
      </th>
      <td className="px-4 py-2">{user.email}</td>
      <td className="px-4 py-2">
        {canManageRoles(me) && !self ? (
          <>
            <label htmlFor={roleId} className="sr-only">
              Rol de {user.email}
            </label>
            <select
              id={roleId}
              value={user.role}
              disabled={update.isPending}
              onChange={(event) =>
                update.mutate({
                  id: user.id,
                  change: { role: event.target.value as Role },
                })
              }
              className="rounded-md border border-slate-300 bg-white px-2 py-1"
            >
              {roles.map((r) => (
                <option key={r} value={r}>
                  {roleNames[r]}
                </option>
              ))}
            </select>
          </>
        ) : (
          (roleNames[user.role] ?? user.role)
        )}
      </td>
      <td className="px-4 py-2">{active ? 'Activa' : 'Desactivada'}</td>
      <td className="px-4 py-2">
        {!self && (
          <Button
            variant={active ? 'danger' : 'secondary'}
            pending={update.isPending}
            onClick={() =>
              update.mutate({ id: user.id, change: { active: !active } })
            }
          >
            {active ? 'Desactivar' : 'Reactivar'}{' '}
            <span className="sr-only">{user.email}</span>
          </Button>
        )}
        {update.isError && (
          <p role="alert" className="mt-1 text-xs text-rose-700">
            {update.error.message}
          </p>
        )}
      </td>
    </tr>
  );
}
