import { ErrorState } from '@/components/error-state';
import { Loading } from '@/components/loading';
import { storeName } from '@/config/paths';

import { useMe } from '../api/me';
import { AccountSection } from './account-section';
import { AddressBook } from './address-book';
import { DataExport } from './data-export';
import { DeleteAccount } from './delete-account';
import { PasswordForm } from './password-form';
import { ProfileForm } from './profile-form';

/** AccountView is the signed-in person's page: profile to erasure. */
export function AccountView() {
  const me = useMe();

  return (
    <div className="mx-auto max-w-3xl space-y-6 px-4 py-8">
      <title>{`Mi cuenta · ${storeName}`}</title>
      <h1 className="text-2xl font-bold text-slate-900">Mi cuenta</h1>
      <AccountSection title="Datos personales">
        {me.isPending ? (
          <Loading />
        ) : me.isError ? (
          <ErrorState error={me.error} onRetry={() => me.refetch()} />
        ) : (
          <ProfileForm user={me.data} />
        )}
      </AccountSection>
      <AccountSection title="Contraseña">
        <PasswordForm />
      </AccountSection>
      <AccountSection title="Direcciones">
        <AddressBook />
      </AccountSection>
      <AccountSection
        title="Tus datos"
        intro="Descarga una copia de todos los datos personales que guardamos de ti, en formato JSON."
      >
        <DataExport />
      </AccountSection>
      <AccountSection title="Eliminar cuenta">
        <DeleteAccount />
      </AccountSection>
    </div>
  );
}
