import { AccountView } from '@/features/account/components/account-view';

import { RequireAuth } from './require-auth';

/** AccountRoute serves /cuenta to whoever is signed in. */
export function AccountRoute() {
  return (
    <RequireAuth>
      <AccountView />
    </RequireAuth>
  );
}
