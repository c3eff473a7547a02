import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';

import { Loading } from '@/components/loading';
import { paths, storeName } from '@/config/paths';
import { useAuth } from '@/lib/auth/auth-context';
import type { User } from '@/lib/auth/types';

/**
 * RequireAuth shows its page to a signed-in person who passes `allow`;
 * it sends anyone else to sign in first, and tells a signed-in person
 * without the right that the page is not for them.
 */
export function RequireAuth({
  allow = () => true,
  children,
}: {
  allow?: (user: User) => boolean;
  children: ReactNode;
}) {
  const auth = useAuth();
  const location = useLocation();

  if (auth.status === 'loading') return <Loading />;
  if (auth.status === 'anonymous') {
    return (
      <Navigate
        replace
        to={paths.loginThen(location.pathname + location.search)}
      />
    );
  }
  if (!allow(auth.user)) return <Forbidden />;
  return children;
}

function Forbidden() {
  return (
    <div className="mx-auto max-w-xl px-4 py-20 text-center">
      <title>{`Sin acceso · ${storeName}`}</title>
      <p className="text-sm font-semibold text-indigo-700">Error 403</p>
      <h1 className="mt-2 text-3xl font-bold text-slate-900">
        No tienes acceso a esta página
      </h1>
      <p className="mt-3 text-slate-600">
        Tu cuenta no tiene permiso para verla. Si crees que es un error, habla
        con un administrador de la tienda.
      </p>
    </div>
  );
}
