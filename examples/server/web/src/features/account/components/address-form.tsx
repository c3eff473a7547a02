import { useRef, useState } from 'react';
import type { FormEvent } from 'react';

import { Button } from '@/components/button';
import { FormError } from '@/components/form-error';
import { SelectField, TextField } from '@/components/form-field';
import { useFocusFirstError } from '@/hooks/use-focus-first-error';
import { chileanRegions } from '@/lib/chile-regions';
import { apiFieldErrors, hasErrors, isPhone } from '@/lib/form-errors';
import type { FieldErrors } from '@/lib/form-errors';

import { useSaveAddress } from '../api/addresses';
import type { Address, AddressInput } from '../api/types';

const required: (keyof AddressInput)[] = [
  'recipient',
  'street',
  'commune',
  'region',
];

const missing: Partial<Record<keyof AddressInput, string>> = {
  recipient: 'Indica quién recibe.',
  street: 'Indica la calle y el número.',
  commune: 'Indica la comuna.',
  region: 'Elige la región.',
};

/** AddressForm adds an address, or edits `address` when given. */
export function AddressForm({
  address,
  onDone,
}: {
  address?: Address;
  onDone: () => void;
}) {
  const save = useSaveAddress();
  const form = useRef<HTMLFormElement>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  useFocusFirstError(form, errors);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const value = (key: string) => String(data.get(key) ?? '').trim();
    const input: AddressInput = {
      label: value('label'),
      recipient: value('recipient'),
      phone: value('phone'),
      street: value('street'),
      details: value('details'),
      commune: value('commune'),
      city: value('city'),
      region: value('region'),
      postal_code: value('postal_code'),
      country: 'CL',
      default: data.get('default') === 'on',
    };
    const found: FieldErrors = Object.fromEntries(
      required.map((key) => [key, input[key] ? undefined : missing[key]]),
    );
    if (input.phone && !isPhone(input.phone)) {
      found.phone = 'Revisa el teléfono: debe ser como +56912345678.';
    }
    setErrors(found);
    if (hasErrors(found)) return;
    save.mutate(
      { id: address?.id, input },
      {
        onSuccess: onDone,
        onError: (error) => setErrors(apiFieldErrors(error)),
      },
    );
  }

  const title = address ? 'Editar dirección' : 'Nueva dirección';
  return (
    <form
      ref={form}
      noValidate
      onSubmit={submit}
      aria-label={title}
      className="space-y-4 rounded-lg border border-slate-200 bg-slate-50 p-4"
    >
      <h3 className="font-semibold text-slate-900">{title}</h3>
      {save.error && !hasErrors(errors) && <FormError error={save.error} />}
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          label="Nombre de la dirección"
          name="label"
          placeholder="Casa, Oficina"
          maxLength={50}
          defaultValue={address?.label}
          error={errors.label}
        />
        <TextField
          label="Quién recibe"
          name="recipient"
          autoComplete="name"
          required
          maxLength={255}
          defaultValue={address?.recipient}
          error={errors.recipient}
        />
        <TextField
          label="Calle y número"
          name="street"
          autoComplete="address-line1"
          required
          maxLength={255}
          defaultValue={address?.street}
          error={errors.street}
        />
        <TextField
          label="Depto., oficina o referencia"
          name="details"
          autoComplete="address-line2"
          maxLength={255}
          defaultValue={address?.details}
          error={errors.details}
        />
        <TextField
          label="Comuna"
          name="commune"
          autoComplete="address-level3"
          required
          maxLength={100}
          defaultValue={address?.commune}
          error={errors.commune}
        />
        <TextField
          label="Ciudad"
          name="city"
          autoComplete="address-level2"
          maxLength={100}
          defaultValue={address?.city}
          error={errors.city}
        />
        <SelectField
          label="Región"
          name="region"
          autoComplete="address-level1"
          required
          defaultValue={regionCode(address?.region)}
          error={errors.region}
        >
          <option value="">Elige una región</option>
          {chileanRegions.map((region) => (
            <option key={region.code} value={region.code}>
              {region.name}
            </option>
          ))}
        </SelectField>
        <TextField
          label="Código postal"
          name="postal_code"
          autoComplete="postal-code"
          inputMode="numeric"
          maxLength={20}
          defaultValue={address?.postal_code}
          error={errors.postal_code}
        />
        <TextField
          label="Teléfono de contacto"
          name="phone"
          type="tel"
          autoComplete="tel"
          placeholder="+56912345678"
          maxLength={20}
          defaultValue={address?.phone}
          error={errors.phone}
        />
      </div>
      <label className="flex items-center gap-2 text-sm text-slate-800">
        <input
          type="checkbox"
          name="default"
          defaultChecked={address?.default}
          className="size-4 rounded border-slate-300 text-indigo-600"
        />
        Usar como dirección principal
      </label>
      <div className="flex gap-3">
        <Button type="submit" pending={save.isPending}>
          Guardar dirección
        </Button>
        <Button variant="secondary" onClick={onDone}>
          Cancelar
        </Button>
      </div>
    </form>
  );
}

/** The code of a region saved by code or, by older clients, by name. */
function regionCode(saved: string | undefined): string {
  return (
    chileanRegions.find((r) => r.code === saved || r.name === saved)?.code ?? ''
  );
}
