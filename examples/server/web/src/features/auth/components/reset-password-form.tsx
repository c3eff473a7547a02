import { useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { Link } from 'react-router';

import { Button } from '@/components/button';
import { FormError } from '@/components/form-error';
import { TextField } from '@/components/form-field';
import { PasswordHints } from '@/components/password-hints';
import { paths } from '@/config/paths';
import { useFocusFirstError } from '@/hooks/use-focus-first-error';
import { apiFieldErrors, hasErrors } from '@/lib/form-errors';
import type { FieldErrors } from '@/lib/form-errors';
import { passwordProblem } from '@/lib/password-policy';

import { useResetPassword } from '../api/recovery';

/** ResetPasswordForm sets a new password with the token of a mailed link. */
export function ResetPasswordForm({ token }: { token: string }) {
  const reset = useResetPassword();
  const form = useRef<HTMLFormElement>(null);
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  useFocusFirstError(form, errors);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const confirm = String(new FormData(event.currentTarget).get('confirm'));
    const found: FieldErrors = {
      password: passwordProblem(password),
      confirm:
        confirm === password ? undefined : 'Las contraseñas no coinciden.',
    };
    setErrors(found);
    if (hasErrors(found)) return;
    reset.mutate(
      { token, password },
      {
        onError: (error) => {
          const { token: _token, ...fields } = apiFieldErrors(error);
          setErrors(fields);
        },
      },
    );
  }

  if (reset.isSuccess) {
    return (
      <div role="status" className="rounded-md bg-emerald-50 p-4 text-sm">
        <p className="font-semibold text-emerald-900">
          Listo: tu contraseña cambió
        </p>
        <p className="mt-1 text-emerald-900">
          Por seguridad cerramos las sesiones abiertas.{' '}
          <Link to={paths.login} className="font-semibold underline">
            Ingresa con tu nueva contraseña
          </Link>
          .
        </p>
      </div>
    );
  }

  return (
    <form ref={form} noValidate onSubmit={submit} className="space-y-4">
      {reset.error && !hasErrors(errors) && (
        <div className="space-y-2">
          <FormError error={reset.error} />
          <p className="text-sm">
            <Link
              to={paths.forgotPassword}
              className="font-semibold text-indigo-700 underline"
            >
              Pide un enlace nuevo
            </Link>
          </p>
        </div>
      )}
      <TextField
        label="Nueva contraseña"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        maxLength={128}
        value={password}
        onChange={(event) => setPassword(event.target.value)}
        error={errors.password}
        hint={<PasswordHints password={password} />}
      />
      <TextField
        label="Repite la contraseña"
        name="confirm"
        type="password"
        autoComplete="new-password"
        required
        maxLength={128}
        error={errors.confirm}
      />
      <Button type="submit" pending={reset.isPending} className="w-full">
        Guardar contraseña
      </Button>
    </form>
  );
}
