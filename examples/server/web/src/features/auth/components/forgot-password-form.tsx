import { useRef, useState } from 'react';
import type { FormEvent } from 'react';

import { Button } from '@/components/button';
import { FormError } from '@/components/form-error';
import { TextField } from '@/components/form-field';
import { useFocusFirstError } from '@/hooks/use-focus-first-error';
import { apiFieldErrors, hasErrors, isEmail } from '@/lib/form-errors';
import type { FieldErrors } from '@/lib/form-errors';

import { useForgotPassword } from '../api/recovery';

/**
 * ForgotPasswordForm asks for a reset link. It says the same whether the
 * account exists or not, as the server does.
 */
export function ForgotPasswordForm() {
  const forgot = useForgotPassword();
  const form = useRef<HTMLFormElement>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [sentTo, setSentTo] = useState('');
  useFocusFirstError(form, errors);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const email = String(
      new FormData(event.currentTarget).get('email') ?? '',
    ).trim();
    const found: FieldErrors = {
      email: !email
        ? 'Ingresa tu correo.'
        : !isEmail(email)
          ? 'Revisa el correo: debe ser como nombre@ejemplo.cl.'
          : undefined,
    };
    setErrors(found);
    if (found.email) return;
    forgot.mutate(email, {
      onSuccess: () => setSentTo(email),
      onError: (error) => setErrors(apiFieldErrors(error)),
    });
  }

  if (sentTo) {
    return (
      <div role="status" className="rounded-md bg-emerald-50 p-4 text-sm">
        <p className="font-semibold text-emerald-900">Revisa tu correo</p>
        <p className="mt-1 text-emerald-900">
          Si hay una cuenta con <strong>{sentTo}</strong>, te enviamos un enlace
          para crear una nueva contraseña. El enlace vence pronto y sirve una
          sola vez.
        </p>
      </div>
    );
  }

  return (
    <form ref={form} noValidate onSubmit={submit} className="space-y-4">
      {forgot.error && !hasErrors(errors) && <FormError error={forgot.error} />}
      <TextField
        label="Correo electrónico"
        name="email"
        type="email"
        autoComplete="email"
        required
        maxLength={254}
        error={errors.email}
      />
      <Button type="submit" pending={forgot.isPending} className="w-full">
        Enviar enlace
      </Button>
    </form>
  );
}
