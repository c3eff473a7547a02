// Storefront paths are Spanish so they never collide with the API, which the
// same server serves at /products, /categories, ...

export const paths = {
  home: '/',
  catalog: '/catalogo',
  category: (slug: string) => `/categoria/${encodeURIComponent(slug)}`,
  product: (slug: string) => `/producto/${encodeURIComponent(slug)}`,

  // accounts paths (issue 3)

  // shop paths (issue 4)

  // search paths (issue 6)
} as const;

export const storeName = 'eCommerce Moderno';

/** The route patterns of the paths above, for the router. */
export const patterns = {
  category: '/categoria/:slug',
  product: '/producto/:slug',

  // accounts patterns (issue 3)

  // shop patterns (issue 4)

  // search patterns (issue 6)
} as const;
