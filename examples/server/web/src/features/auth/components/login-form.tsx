import { useRef, useState } from 'react';
import type { FormEvent } from 'react';

import { Button } from '@/components/button';
import { FormError } from '@/components/form-error';
import { TextField } from '@/components/form-field';
import { useFocusFirstError } from '@/hooks/use-focus-first-error';
import { ApiError } from '@/lib/api-client';
import { useAuth } from '@/lib/auth/auth-context';
import { apiFieldErrors, hasErrors, isEmail } from '@/lib/form-errors';
import type { FieldErrors } from '@/lib/form-errors';

import { ExpiredPasswordForm } from './expired-password-form';

/** LoginForm signs a person in with their email and password. */
export function LoginForm({ onSignedIn }: { onSignedIn: () => void }) {
  const { login } = useAuth();
  const form = useRef<HTMLFormElement>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<unknown>();
  const [pending, setPending] = useState(false);
  // A staff member whose password expired: what they typed, to change it.
  const [expired, setExpired] = useState<{ email: string; password: string }>();
  useFocusFirstError(form, errors);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const email = String(data.get('email') ?? '').trim();
    const password = String(data.get('password') ?? '');
    const found: FieldErrors = {
      email: !email
        ? 'Ingresa tu correo.'
        : !isEmail(email)
          ? 'Revisa el correo: debe ser como nombre@ejemplo.cl.'
          : undefined,
      password: password ? undefined : 'Ingresa tu contraseña.',
    };
    setFailure(undefined);
    setErrors(found);
    if (hasErrors(found)) return;

    setPending(true);
    try {
      await login({ email, password });
      onSignedIn();
    } catch (error) {
      setPending(false);
      if (error instanceof ApiError && error.code === 'password_expired') {
        setExpired({ email, password });
        return;
      }
      setErrors(apiFieldErrors(error));
      setFailure(error);
    }
  }

  if (expired) {
    return (
      <ExpiredPasswordForm
        email={expired.email}
        currentPassword={expired.password}
        onSignedIn={onSignedIn}
      />
    );
  }

  return (
    <form ref={form} noValidate onSubmit={submit} className="space-y-4">
      <FormError error={failure} />
      <TextField
        label="Correo electrónico"
        name="email"
        type="email"
        autoComplete="email"
        required
        maxLength={254}
        error={errors.email}
      />
      <TextField
        label="Contraseña"
        name="password"
        type="password"
        autoComplete="current-password"
        required
        maxLength={128}
        error={errors.password}
      />
      <Button type="submit" pending={pending} className="w-full">
        Ingresar
      </Button>
    </form>
  );
}
