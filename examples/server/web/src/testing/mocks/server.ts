import { setupServer } from 'msw/node';

import { handlers } from './handlers';
import { paymentMethodHandlers } from './payment-methods';
import { shopHandlers } from './shop';

export const server = setupServer(
  ...handlers,
  ...shopHandlers,
  ...paymentMethodHandlers,
);
