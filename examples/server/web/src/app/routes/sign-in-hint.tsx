import { Link, useLocation } from 'react-router';

import { paths } from '@/config/paths';

/**
 * SignInHint links to sign in or to create an account, coming back to
 * this page after.
 */
export function SignInHint() {
  const { pathname, search } = useLocation();
  const back = pathname + search;
  return (
    <p className="mt-2 text-sm">
      <Link to={paths.loginThen(back)} className="font-semibold underline">
        Ingresa
      </Link>{' '}
      o{' '}
      <Link
        to={`${paths.register}?volver=${encodeURIComponent(back)}`}
        className="font-semibold underline"
      >
        crea una cuenta
      </Link>
      .
    </p>
  );
}
