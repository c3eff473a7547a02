import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';

import { paths } from '@/config/paths';
import { AuthCard } from '@/features/auth/components/auth-card';
import { LoginForm } from '@/features/auth/components/login-form';
import { useAuth } from '@/lib/auth/auth-context';
import { safeReturnPath } from '@/lib/safe-path';

/** LoginRoute serves /ingresar?volver=<path>. */
export function LoginRoute() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const { status } = useAuth();
  const back = safeReturnPath(params.get('volver'));

  if (status === 'authenticated') return <Navigate replace to={back} />;

  return (
    <AuthCard
      title="Ingresar"
      footer={
        <>
          <p>
            <Link
              to={paths.forgotPassword}
              className="font-semibold text-indigo-700 underline"
            >
              ¿Olvidaste tu contraseña?
            </Link>
          </p>
          <p>
            ¿Primera vez aquí?{' '}
            <Link
              to={
                back === '/'
                  ? paths.register
                  : `${paths.register}?volver=${encodeURIComponent(back)}`
              }
              className="font-semibold text-indigo-700 underline"
            >
              Crea tu cuenta
            </Link>
          </p>
        </>
      }
    >
      <LoginForm onSignedIn={() => navigate(back, { replace: true })} />
    </AuthCard>
  );
}
