import { Link } from 'react-router';

import { paths } from '@/config/paths';
import { AuthCard } from '@/features/auth/components/auth-card';
import { ForgotPasswordForm } from '@/features/auth/components/forgot-password-form';

/** ForgotPasswordRoute serves /recuperar. */
export function ForgotPasswordRoute() {
  return (
    <AuthCard
      title="Recupera tu contraseña"
      intro="Te enviaremos un enlace para crear una nueva."
      footer={
        <p>
          <Link
            to={paths.login}
            className="font-semibold text-indigo-700 underline"
          >
            Volver a ingresar
          </Link>
        </p>
      }
    >
      <ForgotPasswordForm />
    </AuthCard>
  );
}
