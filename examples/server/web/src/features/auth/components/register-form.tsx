import { useRef, useState } from 'react';
import type { FormEvent } from 'react';

import { Button } from '@/components/button';
import { FormError } from '@/components/form-error';
import { TextField } from '@/components/form-field';
import { PasswordHints } from '@/components/password-hints';
import { useFocusFirstError } from '@/hooks/use-focus-first-error';
import { useAuth } from '@/lib/auth/auth-context';
import { apiFieldErrors, hasErrors, isEmail, isPhone } from '@/lib/form-errors';
import type { FieldErrors } from '@/lib/form-errors';
import { passwordProblem } from '@/lib/password-policy';

/** RegisterForm creates a shopper's account and signs them in. */
export function RegisterForm({ onRegistered }: { onRegistered: () => void }) {
  const { register } = useAuth();
  const form = useRef<HTMLFormElement>(null);
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<unknown>();
  const [pending, setPending] = useState(false);
  useFocusFirstError(form, errors);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const name = String(data.get('name') ?? '').trim();
    const email = String(data.get('email') ?? '').trim();
    const phone = String(data.get('phone') ?? '').trim();
    const confirm = String(data.get('confirm') ?? '');
    const found: FieldErrors = {
      name: name ? undefined : 'Ingresa tu nombre.',
      email: !email
        ? 'Ingresa tu correo.'
        : !isEmail(email)
          ? 'Revisa el correo: debe ser como nombre@ejemplo.cl.'
          : undefined,
      phone:
        phone && !isPhone(phone)
          ? 'Revisa el teléfono: debe ser como +56912345678.'
          : undefined,
      password: passwordProblem(password),
      confirm:
        confirm === password ? undefined : 'Las contraseñas no coinciden.',
    };
    setFailure(undefined);
    setErrors(found);
    if (hasErrors(found)) return;

    setPending(true);
    try {
      await register({ name, email, password, phone: phone || undefined });
      onRegistered();
    } catch (error) {
      const fields = apiFieldErrors(error);
      setErrors(fields);
      setFailure(hasErrors(fields) ? undefined : error);
      setPending(false);
    }
  }

  return (
    <form ref={form} noValidate onSubmit={submit} className="space-y-4">
      <FormError error={failure} />
      <TextField
        label="Nombre y apellido"
        name="name"
        autoComplete="name"
        required
        maxLength={255}
        error={errors.name}
      />
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
        label="Teléfono"
        name="phone"
        type="tel"
        autoComplete="tel"
        placeholder="+56912345678"
        maxLength={20}
        error={errors.phone}
      />
      <TextField
        label="Contraseña"
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
      <Button type="submit" pending={pending} className="w-full">
        Crear cuenta
      </Button>
    </form>
  );
}
