import { useEffect } from 'react';
import { Link } from 'react-router';

import { ErrorState } from '@/components/error-state';
import { Loading } from '@/components/loading';
import { paths } from '@/config/paths';
import { useAuth } from '@/lib/auth/auth-context';

import { useVerifyEmail } from '../api/recovery';

/** VerifyEmail spends the token of a mailed link and says how it went. */
export function VerifyEmail({ token }: { token: string }) {
  const verify = useVerifyEmail(token);
  const auth = useAuth();
  const { user, updateUser } = auth;

  // The signed-in person sees the change at once.
  useEffect(() => {
    if (verify.isSuccess && user && !user.email_verified) {
      updateUser({ ...user, email_verified: true });
    }
  }, [verify.isSuccess, user, updateUser]);

  if (!token) {
    return (
      <div role="alert" className="rounded-md bg-rose-50 p-4 text-sm">
        <p className="font-semibold text-rose-900">El enlace está incompleto</p>
        <p className="mt-1 text-rose-900">
          Abre el enlace del correo tal como llegó, sin cortarlo.
        </p>
      </div>
    );
  }
  if (verify.isPending) return <Loading label="Verificando tu correo…" />;
  if (verify.isError) {
    return (
      <ErrorState title="No pudimos verificar tu correo" error={verify.error} />
    );
  }
  return (
    <div role="status" className="rounded-md bg-emerald-50 p-4 text-sm">
      <p className="font-semibold text-emerald-900">
        Tu correo quedó verificado
      </p>
      <p className="mt-1 text-emerald-900">
        <Link
          to={auth.status === 'authenticated' ? paths.account : paths.login}
          className="font-semibold underline"
        >
          {auth.status === 'authenticated' ? 'Ir a mi cuenta' : 'Ingresar'}
        </Link>
      </p>
    </div>
  );
}
