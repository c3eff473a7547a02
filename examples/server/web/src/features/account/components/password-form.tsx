import { useRef, useState } from 'react';
import type { FormEvent } from 'react';

import { Button } from '@/components/button';
import { FormError } from '@/components/form-error';
import { TextField } from '@/components/form-field';
import { PasswordHints } from '@/components/password-hints';
import { useFocusFirstError } from '@/hooks/use-focus-first-error';
import { apiFieldErrors, hasErrors } from '@/lib/form-errors';
import type { FieldErrors } from '@/lib/form-errors';
import { passwordProblem } from '@/lib/password-policy';

import { useChangePassword } from '../api/me';

/** PasswordForm changes the password, given the current one. */
export function PasswordForm() {
  const change = useChangePassword();
  const form = useRef<HTMLFormElement>(null);
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  useFocusFirstError(form, errors);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const target = event.currentTarget;
    const data = new FormData(target);
    const current = String(data.get('current_password') ?? '');
    const confirm = String(data.get('confirm') ?? '');
    const found: FieldErrors = {
      current_password: current ? undefined : 'Ingresa tu contraseña actual.',
      new_password: passwordProblem(password),
      confirm:
        confirm === password ? undefined : 'Las contraseñas no coinciden.',
    };
    setErrors(found);
    if (hasErrors(found)) return;
    change.mutate(
      { current_password: current, new_password: password },
      {
        onSuccess: () => {
          target.reset();
          setPassword('');
        },
        onError: (error) => setErrors(apiFieldErrors(error)),
      },
    );
  }

  return (
    <form ref={form} noValidate onSubmit={submit} className="space-y-4">
      {change.error && !hasErrors(errors) && <FormError error={change.error} />}
      <TextField
        label="Contraseña actual"
        name="current_password"
        type="password"
        autoComplete="current-password"
        required
        maxLength={128}
        error={errors.current_password}
      />
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
        label="Repite la nueva contraseña"
        name="confirm"
        type="password"
        autoComplete="new-password"
        required
        maxLength={128}
        error={errors.confirm}
      />
      <div className="flex items-center gap-3">
        <Button type="submit" pending={change.isPending}>
          Cambiar contraseña
        </Button>
        <p role="status" className="text-sm text-emerald-700">
          {change.isSuccess ? 'Tu contraseña cambió.' : ''}
        </p>
      </div>
    </form>
  );
}
