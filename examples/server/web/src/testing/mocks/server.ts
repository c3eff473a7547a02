import { setupServer } from 'msw/node';

import { handlers } from './handlers';
import { shopHandlers } from './shop';

export const server = setupServer(...handlers, ...shopHandlers);
