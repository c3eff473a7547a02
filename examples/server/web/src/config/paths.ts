// Storefront paths are Spanish so they never collide with the API, which the
// same server serves at /products, /categories, ...

export const paths = {
  home: '/',
  catalog: '/catalogo',
  category: (slug: string) => `/categoria/${encodeURIComponent(slug)}`,
  product: (slug: string) => `/producto/${encodeURIComponent(slug)}`,
} as const;

export const storeName = 'eCommerce Moderno';

/** The route patterns of the paths above, for the router. */
export const patterns = {
  category: '/categoria/:slug',
  product: '/producto/:slug',
} as const;
