import { useId } from 'react';

import { FieldMessage, inputClass, TextField } from '@/components/form-field';
import { chileanRegions } from '@/lib/chile-regions';
import type { OrderAddress } from '@/types/shop';

import type { AddressErrors } from '../lib/check-address';

interface Props {
  address: OrderAddress;
  errors: AddressErrors;
  onChange: (address: OrderAddress) => void;
}

/** AddressStep asks where the order goes, with Chile's regions. */
export function AddressStep({ address, errors, onChange }: Props) {
  const regionId = useId();
  const set = (field: keyof OrderAddress) => (value: string) =>
    onChange({ ...address, [field]: value });

  return (
    <fieldset className="grid gap-4 sm:grid-cols-2">
      <legend className="mb-2 text-lg font-semibold text-slate-900">
        Dirección de despacho
      </legend>
      <TextField
        label="Nombre de quien recibe"
        required
        autoComplete="name"
        value={address.name ?? ''}
        error={errors.name}
        onChange={(e) => set('name')(e.target.value)}
      />
      <TextField
        label="Teléfono"
        type="tel"
        autoComplete="tel"
        value={address.phone ?? ''}
        error={errors.phone}
        onChange={(e) => set('phone')(e.target.value)}
      />
      <TextField
        label="Calle y número"
        required
        autoComplete="street-address"
        className="sm:col-span-2"
        value={address.street}
        error={errors.street}
        onChange={(e) => set('street')(e.target.value)}
      />
      <TextField
        label="Comuna"
        required
        autoComplete="address-level2"
        value={address.city}
        error={errors.city}
        onChange={(e) => set('city')(e.target.value)}
      />
      <div className="flex flex-col gap-1">
        <label
          htmlFor={regionId}
          className="text-sm font-medium text-slate-700"
        >
          Región
          <span aria-hidden="true" className="text-rose-700">
            {' '}
            *
          </span>
        </label>
        <select
          id={regionId}
          required
          autoComplete="address-level1"
          value={address.region ?? ''}
          aria-invalid={errors.region ? true : undefined}
          aria-describedby={errors.region ? `${regionId}-error` : undefined}
          onChange={(e) => set('region')(e.target.value)}
          className={`${inputClass} ${errors.region ? 'border-rose-500' : 'border-slate-300'}`}
        >
          <option value="">Elige una región</option>
          {chileanRegions.map((r) => (
            <option key={r.code} value={r.code}>
              {r.name}
            </option>
          ))}
        </select>
        <FieldMessage id={`${regionId}-error`} error={errors.region} />
      </div>
      <TextField
        label="Código postal"
        autoComplete="postal-code"
        inputMode="numeric"
        value={address.postal_code ?? ''}
        error={errors.postal_code}
        onChange={(e) => set('postal_code')(e.target.value)}
      />
    </fieldset>
  );
}
