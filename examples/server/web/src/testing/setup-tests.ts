import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';

import { resetAccounts } from './mocks/accounts';
import { requests } from './mocks/handlers';
import { resetPaymentMethods } from './mocks/payment-methods';
import { server } from './mocks/server';
import { resetShop } from './mocks/shop';

// Pages load as lazy chunks; on a busy two-core CI machine the first one
// can take longer than Testing Library's default second.
configure({ asyncUtilTimeout: 5000 });

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => resetAccounts());
afterEach(() => {
  cleanup();
  server.resetHandlers();
  requests.length = 0;
  resetShop();
  resetPaymentMethods();
});
afterAll(() => server.close());
