import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router';

import { Loading } from '@/components/loading';
import { paths } from '@/config/paths';
import { useAuth } from '@/lib/auth/auth-context';
import type { User } from '@/lib/auth/types';

/** SignInHint links to the sign-in page, coming back here after. */
export function SignInHint() {
  const { pathname, search } = useLocation();
  return (
    <p className="mt-2 text-sm">
      <Link
        to={paths.loginThen(pathname + search)}
        className="font-semibold underline"
      >
        Ingresa
      </Link>{' '}
      o{' '}
      <Link to={paths.register} className="font-semibold underline">
        crea una cuenta
      </Link>
      .
    </p>
  );
}

/** Whether the user may manage orders: managers and above. */
function isStaff(user: User | undefined): boolean {
  return !!user && user.role !== 'customer';
}

/**
 * SignedIn shows its children to a signed-in user (staff only, with
 * `staff`), and otherwise says why not and how to sign in.
 */
export function SignedIn({
  title,
  staff = false,
  children,
}: {
  title: string;
  staff?: boolean;
  children: ReactNode;
}) {
  const auth = useAuth();
  if (auth.status === 'loading') return <Loading />;
  if (auth.status === 'authenticated' && (!staff || isStaff(auth.user)))
    return children;
  return (
    <div className="mx-auto max-w-xl px-4 py-10">
      <div className="rounded-md border border-amber-200 bg-amber-50 p-4 text-amber-900">
        <h1 className="font-semibold">
          {auth.status === 'authenticated'
            ? 'Esta página es solo para el personal de la tienda'
            : title}
        </h1>
        {auth.status !== 'authenticated' && <SignInHint />}
      </div>
    </div>
  );
}
