import { Link, useSearchParams } from 'react-router';

import { paths } from '@/config/paths';
import { AuthCard } from '@/features/auth/components/auth-card';
import { ResetPasswordForm } from '@/features/auth/components/reset-password-form';

/** ResetPasswordRoute serves /restablecer?token=<token from the mail>. */
export function ResetPasswordRoute() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';

  return (
    <AuthCard title="Crea una nueva contraseña">
      {token ? (
        <ResetPasswordForm token={token} />
      ) : (
        <div role="alert" className="rounded-md bg-rose-50 p-4 text-sm">
          <p className="font-semibold text-rose-900">
            El enlace está incompleto
          </p>
          <p className="mt-1 text-rose-900">
            Abre el enlace del correo tal como llegó, o{' '}
            <Link to={paths.forgotPassword} className="font-semibold underline">
              pide uno nuevo
            </Link>
            .
          </p>
        </div>
      )}
    </AuthCard>
  );
}
