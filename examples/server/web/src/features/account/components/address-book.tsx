import { useState } from 'react';

import { Button } from '@/components/button';
import { ErrorState } from '@/components/error-state';
import { FormError } from '@/components/form-error';
import { Loading } from '@/components/loading';
import { regionName } from '@/lib/chile-regions';

import { useAddresses, useDeleteAddress } from '../api/addresses';
import type { Address } from '../api/types';
import { AddressForm } from './address-form';

/** AddressBook lists the delivery addresses and adds, edits, deletes. */
export function AddressBook() {
  const addresses = useAddresses();
  // The address being edited: its id, 'new', or nothing.
  const [editing, setEditing] = useState<number | 'new' | undefined>();

  if (addresses.isPending) return <Loading label="Cargando direcciones…" />;
  if (addresses.isError) {
    return (
      <ErrorState error={addresses.error} onRetry={() => addresses.refetch()} />
    );
  }

  const list = addresses.data;
  return (
    <div className="space-y-4">
      {list.length === 0 && editing !== 'new' && (
        <p className="text-sm text-slate-600">
          Aún no guardas direcciones. Agrega una para despachar más rápido.
        </p>
      )}
      <ul className="grid gap-3 sm:grid-cols-2">
        {list.map((address) =>
          editing === address.id ? (
            <li key={address.id} className="sm:col-span-2">
              <AddressForm
                address={address}
                onDone={() => setEditing(undefined)}
              />
            </li>
          ) : (
            <AddressCard
              key={address.id}
              address={address}
              onEdit={() => setEditing(address.id)}
            />
          ),
        )}
      </ul>
      {editing === 'new' ? (
        <AddressForm onDone={() => setEditing(undefined)} />
      ) : (
        <Button variant="secondary" onClick={() => setEditing('new')}>
          Agregar dirección
        </Button>
      )}
    </div>
  );
}

function AddressCard({
  address,
  onEdit,
}: {
  address: Address;
  onEdit: () => void;
}) {
  const remove = useDeleteAddress();
  const [confirming, setConfirming] = useState(false);
  const name = address.label || address.street;

  return (
    <li
      aria-label={name}
      className="rounded-lg border border-slate-200 p-4 text-sm text-slate-700"
    >
      <p className="flex items-center gap-2 font-semibold text-slate-900">
        {name}
        {address.default && (
          <span className="rounded-full bg-indigo-100 px-2 py-0.5 text-xs text-indigo-800">
            Principal
          </span>
        )}
      </p>
      <address className="mt-1 not-italic">
        {address.recipient}
        <br />
        {address.street}
        {address.details ? `, ${address.details}` : ''}
        <br />
        {[address.commune, address.city, regionName(address.region)]
          .filter(Boolean)
          .join(', ')}
        {address.phone && (
          <>
            <br />
            {address.phone}
          </>
        )}
      </address>
      {remove.error && (
        <div className="mt-2">
          <FormError error={remove.error} />
        </div>
      )}
      {confirming ? (
        <div className="mt-3 flex flex-wrap items-center gap-2">
          <p className="w-full font-medium text-slate-900">
            ¿Eliminar esta dirección?
          </p>
          <Button
            variant="danger"
            pending={remove.isPending}
            onClick={() => remove.mutate(address.id)}
          >
            Sí, eliminar
          </Button>
          <Button variant="secondary" onClick={() => setConfirming(false)}>
            No
          </Button>
        </div>
      ) : (
        <div className="mt-3 flex gap-2">
          <Button variant="secondary" onClick={onEdit}>
            Editar <span className="sr-only">{name}</span>
          </Button>
          <Button variant="secondary" onClick={() => setConfirming(true)}>
            Eliminar <span className="sr-only">{name}</span>
          </Button>
        </div>
      )}
    </li>
  );
}
