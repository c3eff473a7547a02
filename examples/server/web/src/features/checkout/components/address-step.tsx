import { SelectField, TextField } from '@/components/form-field';
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
  const set = (field: keyof OrderAddress) => (value: string) =>
    onChange({ ...address, [field]: value });

  return (
    <fieldset className="grid gap-4 sm:grid-cols-2">
      <legend className="mb-2 text-lg font-semibold text-slate-900">
        Dirección de despacho
      </legend>
      <TextField
        label="Nombre de quien recibe"
        name="name"
        required
        autoComplete="name"
        value={address.name ?? ''}
        error={errors.name}
        onChange={(e) => set('name')(e.target.value)}
      />
      <TextField
        label="Teléfono"
        name="phone"
        type="tel"
        autoComplete="tel"
        value={address.phone ?? ''}
        error={errors.phone}
        onChange={(e) => set('phone')(e.target.value)}
      />
      <div className="sm:col-span-2">
        <TextField
          label="Calle y número"
          name="street"
          required
          autoComplete="street-address"
          value={address.street}
          error={errors.street}
          onChange={(e) => set('street')(e.target.value)}
        />
      </div>
      <TextField
        label="Comuna"
        name="city"
        required
        autoComplete="address-level2"
        value={address.city}
        error={errors.city}
        onChange={(e) => set('city')(e.target.value)}
      />
      <SelectField
        label="Región"
        name="region"
        required
        autoComplete="address-level1"
        value={address.region ?? ''}
        error={errors.region}
        onChange={(e) => set('region')(e.target.value)}
      >
        <option value="">Elige una región</option>
        {chileanRegions.map((r) => (
          <option key={r.code} value={r.code}>
            {r.name}
          </option>
        ))}
      </SelectField>
      <TextField
        label="Código postal"
        name="postal_code"
        autoComplete="postal-code"
        inputMode="numeric"
        value={address.postal_code ?? ''}
        error={errors.postal_code}
        onChange={(e) => set('postal_code')(e.target.value)}
      />
    </fieldset>
  );
}
