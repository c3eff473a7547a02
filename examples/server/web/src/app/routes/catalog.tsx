import { useParams } from 'react-router';

import { CatalogView } from '@/features/catalog/components/catalog-view';

/** CatalogRoute serves /catalogo and /categoria/:slug. */
export function CatalogRoute() {
  const { slug } = useParams();

  // A new category starts with a fresh view: filter panel closed, etc.
  return <CatalogView key={slug ?? ''} categorySlug={slug} />;
}
