import { useSearchParams } from 'react-router';

import { AuthCard } from '@/features/auth/components/auth-card';
import { VerifyEmail } from '@/features/auth/components/verify-email';

/** VerifyEmailRoute serves /verificar?token=<token from the mail>. */
export function VerifyEmailRoute() {
  const [params] = useSearchParams();

  return (
    <AuthCard title="Verifica tu correo">
      <VerifyEmail token={params.get('token') ?? ''} />
    </AuthCard>
  );
}
