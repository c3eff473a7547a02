import { useRef, useState } from 'react';
import type { FormEvent } from 'react';

import { Button } from '@/components/button';
import { FormError } from '@/components/form-error';
import { TextField } from '@/components/form-field';
import { useFocusFirstError } from '@/hooks/use-focus-first-error';
import type { User } from '@/lib/auth/types';
import { apiFieldErrors, hasErrors, isPhone } from '@/lib/form-errors';
import type { FieldErrors } from '@/lib/form-errors';

import { useResendVerification, useUpdateMe } from '../api/me';

/** ProfileForm edits the name and phone; the email is shown as it is. */
export function ProfileForm({ user }: { user: User }) {
  const update = useUpdateMe();
  const form = useRef<HTMLFormElement>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  useFocusFirstError(form, errors);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const name = String(data.get('name') ?? '').trim();
    const phone = String(data.get('phone') ?? '').trim();
    const found: FieldErrors = {
      name: name ? undefined : 'Ingresa tu nombre.',
      phone:
        phone && !isPhone(phone)
          ? 'Revisa el teléfono: debe ser como +56912345678.'
          : undefined,
    };
    setErrors(found);
    if (hasErrors(found)) return;
    update.mutate(
      { name, phone },
      { onError: (error) => setErrors(apiFieldErrors(error)) },
    );
  }

  return (
    <form
      ref={form}
      noValidate
      onSubmit={submit}
      onChange={() => update.reset()}
      className="space-y-4"
    >
      {update.error && !hasErrors(errors) && <FormError error={update.error} />}
      <div>
        <p className="text-sm font-medium text-slate-800">Correo electrónico</p>
        <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-slate-900">
          {user.email}
          {user.email_verified ? (
            <span className="rounded-full bg-emerald-100 px-2 py-0.5 text-xs font-semibold text-emerald-800">
              Verificado
            </span>
          ) : (
            <ResendVerification />
          )}
        </p>
      </div>
      <TextField
        label="Nombre y apellido"
        name="name"
        autoComplete="name"
        required
        maxLength={255}
        defaultValue={user.name}
        error={errors.name}
      />
      <TextField
        label="Teléfono"
        name="phone"
        type="tel"
        autoComplete="tel"
        placeholder="+56912345678"
        maxLength={20}
        defaultValue={user.phone ?? ''}
        error={errors.phone}
      />
      <div className="flex items-center gap-3">
        <Button type="submit" pending={update.isPending}>
          Guardar cambios
        </Button>
        <p role="status" className="text-sm text-emerald-700">
          {update.isSuccess ? 'Guardamos tus datos.' : ''}
        </p>
      </div>
    </form>
  );
}

/** Says the email is not verified and offers to mail the link again. */
function ResendVerification() {
  const resend = useResendVerification();
  return (
    <>
      <span className="rounded-full bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-900">
        Sin verificar
      </span>
      {resend.isSuccess ? (
        <span role="status" className="text-xs text-emerald-700">
          Te enviamos un nuevo enlace. Revisa tu correo.
        </span>
      ) : (
        <button
          type="button"
          disabled={resend.isPending}
          onClick={() => resend.mutate()}
          className="text-xs font-semibold text-indigo-700 underline disabled:opacity-60"
        >
          Reenviar el correo de verificación
        </button>
      )}
      {resend.isError && (
        <span role="alert" className="text-xs text-rose-700">
          {resend.error.message}
        </span>
      )}
    </>
  );
}
