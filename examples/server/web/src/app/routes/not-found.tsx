import { NotFound } from '@/components/not-found';

/** NotFoundRoute answers every path the store does not know. */
export function NotFoundRoute() {
  return <NotFound />;
}
