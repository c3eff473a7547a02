import { useId } from 'react';
import type { FormEvent } from 'react';
import { useSearchParams } from 'react-router';

import { ErrorState } from '@/components/error-state';
import { Loading } from '@/components/loading';
import { storeName } from '@/config/paths';
import { useAuth } from '@/lib/auth/auth-context';
import { roleNames } from '@/lib/auth/types';
import type { Role } from '@/lib/auth/types';

import { useUsers } from '../api/users';
import { UserRow } from './user-row';

const roles = Object.keys(roleNames) as Role[];

/**
 * UsersView is the staff's list of accounts. Its search, role filter and
 * page live in the URL: q, rol, pagina.
 */
export function UsersView() {
  const [params, setParams] = useSearchParams();
  const { user: me } = useAuth();
  const q = params.get('q') ?? '';
  const roleParam = params.get('rol') ?? '';
  const role = roles.includes(roleParam as Role)
    ? (roleParam as Role)
    : undefined;
  const page = Math.max(1, Number(params.get('pagina')) || 1);
  const users = useUsers({ q: q || undefined, role, page });
  const searchId = useId();
  const roleId = useId();

  function change(next: Record<string, string>) {
    const out = new URLSearchParams(params);
    for (const [key, value] of Object.entries(next)) {
      if (value) out.set(key, value);
      else out.delete(key);
    }
    setParams(out);
  }

  function search(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    change({ q: String(data.get('q') ?? '').trim(), pagina: '' });
  }

  const pagination = users.data?.pagination;
  return (
    <div className="mx-auto max-w-6xl space-y-6 px-4 py-8">
      <title>{`Usuarios · ${storeName}`}</title>
      <h1 className="text-2xl font-bold text-slate-900">Usuarios</h1>

      <div className="flex flex-wrap items-end gap-4">
        <form role="search" onSubmit={search} className="flex items-end gap-2">
          <div>
            <label
              htmlFor={searchId}
              className="block text-sm font-medium text-slate-800"
            >
              Buscar por nombre o correo
            </label>
            <input
              key={q}
              id={searchId}
              name="q"
              type="search"
              defaultValue={q}
              maxLength={100}
              className="mt-1 w-64 rounded-md border border-slate-300 px-3 py-2 text-sm focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500 focus:outline-none"
            />
          </div>
          <button
            type="submit"
            className="rounded-md bg-indigo-600 px-4 py-2 text-sm font-semibold text-white hover:bg-indigo-700"
          >
            Buscar
          </button>
        </form>
        <div>
          <label
            htmlFor={roleId}
            className="block text-sm font-medium text-slate-800"
          >
            Rol
          </label>
          <select
            id={roleId}
            value={role ?? ''}
            onChange={(event) =>
              change({ rol: event.target.value, pagina: '' })
            }
            className="mt-1 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm"
          >
            <option value="">Todos</option>
            {roles.map((r) => (
              <option key={r} value={r}>
                {roleNames[r]}
              </option>
            ))}
          </select>
        </div>
      </div>

      {users.isPending ? (
        <Loading label="Cargando usuarios…" />
      ) : users.isError ? (
        <ErrorState error={users.error} onRetry={() => users.refetch()} />
      ) : (
        <>
          <p role="status" className="text-sm text-slate-600">
            {pagination?.total === 1
              ? '1 usuario'
              : `${(pagination?.total ?? 0).toLocaleString('es-CL')} usuarios`}
          </p>
          {users.data.data.length > 0 && (
            <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
              <table className="w-full text-left text-sm">
                <caption className="sr-only">Usuarios de la tienda</caption>
                <thead className="bg-slate-50 text-slate-700">
                  <tr>
                    <th scope="col" className="px-4 py-2">
                      Nombre
                    </th>
                    <th scope="col" className="px-4 py-2">
                      Correo
                    </th>
                    <th scope="col" className="px-4 py-2">
                      Rol
                    </th>
                    <th scope="col" className="px-4 py-2">
                      Estado
                    </th>
                    <th scope="col" className="px-4 py-2">
                      Acciones
                    </th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {users.data.data.map((user) => (
                    <UserRow key={user.id} user={user} me={me} />
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {pagination && pagination.pages > 1 && (
            <nav
              aria-label="Páginas de usuarios"
              className="flex items-center gap-3 text-sm"
            >
              <button
                type="button"
                disabled={page <= 1}
                onClick={() => change({ pagina: String(page - 1) })}
                className="rounded-md border border-slate-300 px-3 py-1.5 disabled:opacity-50"
              >
                Anterior
              </button>
              <span>
                Página {page} de {pagination.pages}
              </span>
              <button
                type="button"
                disabled={page >= pagination.pages}
                onClick={() => change({ pagina: String(page + 1) })}
                className="rounded-md border border-slate-300 px-3 py-1.5 disabled:opacity-50"
              >
                Siguiente
              </button>
            </nav>
          )}
        </>
      )}
    </div>
  );
}
