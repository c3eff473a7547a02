import { useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useNavigate } from 'react-router';

import { Button } from '@/components/button';
import { FormError } from '@/components/form-error';
import { TextField } from '@/components/form-field';
import { paths } from '@/config/paths';
import { useFocusFirstError } from '@/hooks/use-focus-first-error';
import { useAuth } from '@/lib/auth/auth-context';
import { apiFieldErrors, hasErrors } from '@/lib/form-errors';
import type { FieldErrors } from '@/lib/form-errors';

import { useDeleteMe } from '../api/me';

/**
 * DeleteAccount erases the account once the person confirms with their
 * password: personal data is anonymised, orders are kept for accounting.
 */
export function DeleteAccount() {
  const [open, setOpen] = useState(false);

  if (!open) {
    return (
      <Button variant="danger" onClick={() => setOpen(true)}>
        Eliminar mi cuenta
      </Button>
    );
  }
  return <Confirm onCancel={() => setOpen(false)} />;
}

function Confirm({ onCancel }: { onCancel: () => void }) {
  const remove = useDeleteMe();
  const { forget } = useAuth();
  const navigate = useNavigate();
  const form = useRef<HTMLFormElement>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  useFocusFirstError(form, errors);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const password = String(
      new FormData(event.currentTarget).get('password') ?? '',
    );
    const found = {
      password: password ? undefined : 'Ingresa tu contraseña para confirmar.',
    };
    setErrors(found);
    if (hasErrors(found)) return;
    remove.mutate(password, {
      // Leave the page before the session ends, or its guard would send
      // the person to sign in.
      onSuccess: async () => {
        await navigate(paths.home, { replace: true });
        forget();
      },
      onError: (error) => setErrors(apiFieldErrors(error)),
    });
  }

  return (
    <form
      ref={form}
      noValidate
      onSubmit={submit}
      aria-label="Confirmar la eliminación de la cuenta"
      className="space-y-3 rounded-lg border border-rose-200 bg-rose-50 p-4"
    >
      <p className="font-semibold text-rose-900">
        ¿Seguro que quieres eliminar tu cuenta?
      </p>
      <p className="text-sm text-rose-900">
        Borraremos tu nombre, teléfono y direcciones, y no podrás volver a
        ingresar. Tus pedidos se conservan sin tus datos, para la contabilidad
        de la tienda. Esto no se puede deshacer.
      </p>
      {remove.error && !hasErrors(errors) && <FormError error={remove.error} />}
      <TextField
        label="Tu contraseña"
        name="password"
        type="password"
        autoComplete="current-password"
        required
        maxLength={128}
        error={errors.password}
      />
      <div className="flex gap-3">
        <Button type="submit" variant="danger" pending={remove.isPending}>
          Eliminar definitivamente
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          Cancelar
        </Button>
      </div>
    </form>
  );
}
