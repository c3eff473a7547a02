import { useRef, useState } from 'react';
import type { FormEvent } from 'react';

import { Button } from '@/components/button';
import { FormError } from '@/components/form-error';
import { TextField } from '@/components/form-field';
import { PasswordHints } from '@/components/password-hints';
import { useFocusFirstError } from '@/hooks/use-focus-first-error';
import { useAuth } from '@/lib/auth/auth-context';
import { apiFieldErrors, hasErrors } from '@/lib/form-errors';
import type { FieldErrors } from '@/lib/form-errors';
import { passwordProblem } from '@/lib/password-policy';

/**
 * ExpiredPasswordForm lets a staff member whose password is older than 90
 * days choose a new one, with the one they just typed, and signs them in.
 */
export function ExpiredPasswordForm({
  email,
  currentPassword,
  onSignedIn,
}: {
  email: string;
  currentPassword: string;
  onSignedIn: () => void;
}) {
  const { changeExpiredPassword } = useAuth();
  const form = useRef<HTMLFormElement>(null);
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<unknown>();
  const [pending, setPending] = useState(false);
  useFocusFirstError(form, errors);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const confirm = String(new FormData(event.currentTarget).get('confirm'));
    const found: FieldErrors = {
      new_password:
        passwordProblem(password) ??
        (password === currentPassword
          ? 'Elige una contraseña distinta de la anterior.'
          : undefined),
      confirm:
        confirm === password ? undefined : 'Las contraseñas no coinciden.',
    };
    setFailure(undefined);
    setErrors(found);
    if (hasErrors(found)) return;

    setPending(true);
    try {
      await changeExpiredPassword({
        email,
        current_password: currentPassword,
        new_password: password,
      });
      onSignedIn();
    } catch (error) {
      const fields = apiFieldErrors(error);
      setErrors(fields);
      setFailure(hasErrors(fields) ? undefined : error);
      setPending(false);
    }
  }

  return (
    <form
      ref={form}
      noValidate
      onSubmit={submit}
      aria-label="Cambiar la contraseña vencida"
      className="space-y-4"
    >
      <div role="alert" className="rounded-md bg-amber-50 p-3 text-sm">
        <p className="font-semibold text-amber-900">Tu contraseña venció</p>
        <p className="mt-1 text-amber-900">
          Las cuentas del personal cambian su contraseña cada 90 días. Elige una
          nueva para ingresar; no puede ser una de las últimas cinco.
        </p>
      </div>
      <FormError error={failure} />
      <TextField
        label="Nueva contraseña"
        name="new_password"
        type="password"
        autoComplete="new-password"
        required
        maxLength={128}
        value={password}
        onChange={(event) => setPassword(event.target.value)}
        error={errors.new_password}
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
      <Button type="submit" pending={pending} className="w-full">
        Cambiar e ingresar
      </Button>
    </form>
  );
}
