import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';

import { paths } from '@/config/paths';
import { AuthCard } from '@/features/auth/components/auth-card';
import { RegisterForm } from '@/features/auth/components/register-form';
import { useAuth } from '@/lib/auth/auth-context';
import { safeReturnPath } from '@/lib/safe-path';

/** RegisterRoute serves /registro?volver=<path>. */
export function RegisterRoute() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const { status } = useAuth();
  const back = safeReturnPath(params.get('volver'), paths.account);

  if (status === 'authenticated') return <Navigate replace to={back} />;

  return (
    <AuthCard
      title="Crea tu cuenta"
      intro="Guarda tus direcciones y sigue tus pedidos."
      footer={
        <p>
          ¿Ya tienes cuenta?{' '}
          <Link
            to={paths.login}
            className="font-semibold text-indigo-700 underline"
          >
            Ingresa
          </Link>
        </p>
      }
    >
      <RegisterForm onRegistered={() => navigate(back, { replace: true })} />
    </AuthCard>
  );
}
