// Storefront paths are Spanish so they never collide with the API, which the
// same server serves at /products, /categories, ...

export const paths = {
  home: '/',
  catalog: '/catalogo',
  category: (slug: string) => `/categoria/${encodeURIComponent(slug)}`,
  product: (slug: string) => `/producto/${encodeURIComponent(slug)}`,

  // accounts paths (issue 3)
  login: '/ingresar',
  register: '/registro',
  forgotPassword: '/recuperar',
  resetPassword: '/restablecer',
  verifyEmail: '/verificar',
  account: '/cuenta',
  adminUsers: '/panel/usuarios',
  /** The sign-in page, coming back to `back` (a path of the store) after. */
  loginThen: (back: string) => `/ingresar?volver=${encodeURIComponent(back)}`,

  // shop paths (issue 4)
  cart: '/carrito',
  checkout: '/pagar',
  orders: '/pedidos',
  order: (id: number | string) => `/pedidos/${encodeURIComponent(id)}`,
  orderPlaced: (id: number | string) =>
    `/pedidos/${encodeURIComponent(id)}/confirmacion`,
  adminOrders: '/panel/pedidos',
  adminOrder: (id: number | string) =>
    `/panel/pedidos/${encodeURIComponent(id)}`,

  // search paths (issue 6)
  search: '/buscar',
} as const;

export const storeName = 'eCommerce Moderno';

/** The route patterns of the paths above, for the router. */
export const patterns = {
  category: '/categoria/:slug',
  product: '/producto/:slug',

  // accounts patterns (issue 3)
  // The server's mails link to these (examples/server/accounts.go); they
  // show the same pages as paths.resetPassword and paths.verifyEmail.
  resetPasswordFromMail: '/restablecer-clave',
  verifyEmailFromMail: '/verificar-correo',

  // shop patterns (issue 4)
  order: '/pedidos/:id',
  orderPlaced: '/pedidos/:id/confirmacion',
  adminOrder: '/panel/pedidos/:id',

  // search patterns (issue 6)
} as const;
