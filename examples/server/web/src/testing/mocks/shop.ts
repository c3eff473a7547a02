// An in-memory cart and order book for the tests, shaped like the cart and
// order API of docs/api.md. resetShop() runs after every test.
import { http, HttpResponse } from 'msw';

import type {
  Cart,
  CartItem,
  Order,
  OrderStatus,
  OrderSummary,
  PaymentStatus,
  TimelineEntry,
} from '@/types/shop';

import { accountsDb } from './accounts';
import { polera, products } from './db';
import { requests } from './handlers';

const clp = new Intl.NumberFormat('es-CL', {
  style: 'currency',
  currency: 'CLP',
});
const money = (n: number) => clp.format(n);

interface Stored {
  id: number;
  product_id: number;
  variant_id: number | null;
  quantity: number;
  /** The price when the item was chosen. */
  chosen: number;
}

interface State {
  items: Stored[];
  nextItem: number;
  orders: Order[];
  nextOrder: number;
  /** Bodies and headers of POST /orders, for tests that check them. */
  placed: { body: Record<string, unknown>; key: string | null }[];
  /** Bodies of PUT /orders/{id}/status. */
  statusChanges: { id: number; status: string; note: string }[];
  /** Bodies of PUT /orders/{id}/payment. */
  paymentChanges: {
    id: number;
    payment_status: string;
    reference: string;
    note: string;
  }[];
  /** Bodies of POST /admin/orders/{id}/refunds. */
  refunds: { id: number; amount?: number; restock: boolean; note: string }[];
  /** What a card gateway says to POST /orders: its secret, down, declined. */
  card: 'ok' | 'down' | 'declined';
}

// Filled in at the end of the module, once every constant is set.
export const shop = {} as State;

function fresh(): State {
  return {
    items: [],
    nextItem: 1,
    orders: seedOrders(),
    nextOrder: 1001,
    placed: [],
    statusChanges: [],
    paymentChanges: [],
    refunds: [],
    card: 'ok',
  };
}

/** What the card gateway answered POST /orders, as shop.card says. */
function cardAnswer(o: Order) {
  if (shop.card === 'ok') return { client_secret: `pi_${o.id}_secret_1` };
  if (shop.card === 'down')
    return {
      status: '',
      message: 'el medio de pago no está disponible; inténtelo más tarde',
    };
  o.status = 'cancelled';
  o.payment_status = 'failed';
  return {
    status: 'failed',
    message: 'la tarjeta fue rechazada por fondos insuficientes',
  };
}

/** Puts the cart and the orders back as they were. */
export function resetShop() {
  Object.assign(shop, fresh());
}

/** Puts an item in the cart, chosen at a price that may differ from now. */
export function seedCartItem(
  productId: number,
  variantId: number | null,
  quantity: number,
  chosen?: number,
) {
  const { price } = catalogPrice(productId, variantId)!;
  shop.items.push({
    id: shop.nextItem++,
    product_id: productId,
    variant_id: variantId,
    quantity,
    chosen: chosen ?? price,
  });
}

function catalogPrice(productId: number, variantId: number | null) {
  if (productId === polera.id) {
    const v = polera.variants?.find((x) => x.id === variantId);
    if (!v) return undefined;
    return {
      name: `${polera.name} ${v.name}`,
      sku: v.sku,
      slug: polera.slug,
      price: v.price,
      compare: v.compare_price,
      stock: v.stock,
    };
  }
  const p = products.find((x) => x.id === productId);
  if (!p || variantId) return undefined;
  return {
    name: p.name,
    sku: p.sku,
    slug: p.slug,
    price: p.price,
    compare: p.compare_price,
    stock: p.stock,
  };
}

function taxPart(gross: number) {
  return Math.round(gross - gross / 1.19);
}

export function currentCart(): Cart {
  const items: CartItem[] = shop.items.map((it) => {
    const c = catalogPrice(it.product_id, it.variant_id)!;
    return {
      id: it.id,
      product_id: it.product_id,
      variant_id: it.variant_id,
      name: c.name,
      sku: c.sku,
      image: '',
      quantity: it.quantity,
      unit_price: c.price,
      unit_price_formatted: money(c.price),
      previous_price: c.price !== it.chosen ? it.chosen : null,
      previous_price_formatted: c.price !== it.chosen ? money(it.chosen) : null,
      price_changed: c.price !== it.chosen,
      total: c.price * it.quantity,
      total_formatted: money(c.price * it.quantity),
      stock: c.stock,
      available: true,
      out_of_stock: it.quantity > c.stock,
    };
  });
  const subtotal = items.reduce((s, it) => s + it.total, 0);
  const savings = shop.items.reduce((s, it) => {
    const c = catalogPrice(it.product_id, it.variant_id)!;
    return s + Math.max(0, (c.compare ?? 0) - c.price) * it.quantity;
  }, 0);
  return {
    id: 1,
    items,
    item_count: items.reduce((s, it) => s + it.quantity, 0),
    price_changed: items.some((it) => it.price_changed),
    currency: 'CLP',
    subtotal,
    subtotal_formatted: money(subtotal),
    discount: 0,
    discount_formatted: money(0),
    tax: taxPart(subtotal),
    tax_formatted: money(taxPart(subtotal)),
    tax_inclusive: true,
    shipping: 0,
    shipping_formatted: money(0),
    total: subtotal,
    total_formatted: money(subtotal),
    savings,
    savings_formatted: money(savings),
  };
}

function invalid(fields: { field: string; message: string }[]) {
  return HttpResponse.json(
    {
      error: {
        code: 'invalid',
        message: 'datos no válidos',
        fields,
        request_id: 'req-422',
      },
    },
    { status: 422 },
  );
}

function failure(status: number, code: string, message: string) {
  return HttpResponse.json(
    { error: { code, message, request_id: `req-${status}` } },
    { status },
  );
}

const cartBody = () => ({ data: currentCart() });

let entryId = 0;

function entry(
  kind: TimelineEntry['kind'],
  from: string,
  to: string,
  at: string,
  note = '',
  actor = 0,
): TimelineEntry {
  return { id: ++entryId, kind, from, to, note, actor_id: actor, at };
}

function makeOrder(
  id: number,
  status: OrderStatus,
  paymentStatus: PaymentStatus,
  total: number,
  createdAt: string,
): Order {
  const shipping = 3990;
  const subtotal = total - shipping;
  return {
    id,
    number: `CL-2026-${String(id).padStart(4, '0')}`,
    customer_id: 7,
    customer: { id: 7 },
    status,
    status_label: status,
    payment_status: paymentStatus,
    payment_status_label: paymentStatus,
    payment_method: 'bank_transfer',
    shipping_method: 'despacho',
    currency: 'CLP',
    subtotal,
    subtotal_formatted: money(subtotal),
    discount: 0,
    discount_formatted: money(0),
    shipping,
    shipping_formatted: money(shipping),
    tax: taxPart(total),
    tax_formatted: money(taxPart(total)),
    tax_inclusive: true,
    total,
    total_formatted: money(total),
    city: 'Providencia',
    region: 'RM',
    created_at: createdAt,
    updated_at: createdAt,
    lines: [
      {
        id: id * 10,
        product_id: 1,
        variant_id: null,
        name: 'Leche número 1',
        sku: 'SKU-1',
        quantity: 1,
        unit_price: subtotal,
        unit_price_formatted: money(subtotal),
        total: subtotal,
        total_formatted: money(subtotal),
      },
    ],
    shipping_address: {
      name: 'Ana Pérez',
      street: 'Av. Providencia 1234',
      city: 'Providencia',
      region: 'RM',
      postal_code: '7500000',
      country: 'CL',
      phone: '+56 9 1234 5678',
    },
    billing_address: null,
    notes: '',
    timeline: [entry('status', '', 'pending', createdAt, 'pedido creado', 7)],
    next_statuses: next[status],
  };
}

function seedOrders(): Order[] {
  const shipped = makeOrder(
    7,
    'shipped',
    'paid',
    25980,
    '2026-11-20T14:00:00Z',
  );
  shipped.timeline.push(
    entry('payment', 'pending', 'paid', '2026-11-20T15:00:00Z', '', 2),
    entry('status', 'pending', 'confirmed', '2026-11-20T15:01:00Z'),
    entry('status', 'confirmed', 'processing', '2026-11-21T10:00:00Z', '', 2),
    entry(
      'status',
      'processing',
      'shipped',
      '2026-11-22T09:30:00Z',
      'Enviado por Starken, seguimiento 123',
    ),
  );
  return [
    makeOrder(8, 'pending', 'pending', 13980, '2026-12-01T12:00:00Z'),
    shipped,
  ];
}

const next: Record<OrderStatus, OrderStatus[]> = {
  pending: ['confirmed', 'cancelled'],
  confirmed: ['processing', 'cancelled'],
  processing: ['shipped', 'cancelled'],
  shipped: ['delivered'],
  delivered: [],
  cancelled: [],
};

function summaryOf(o: Order): OrderSummary {
  const {
    shipping_address: _a,
    billing_address: _b,
    notes: _n,
    lines: _l,
    timeline: _t,
    next_statuses: _s,
    ...summary
  } = o;
  return summary;
}

function page<T>(list: T[], pageNo: number, limit = 20) {
  return {
    data: list.slice((pageNo - 1) * limit, pageNo * limit),
    pagination: {
      page: pageNo,
      limit,
      total: list.length,
      pages: Math.max(1, Math.ceil(list.length / limit)),
    },
  };
}

/** The signed-in user a request's access token stands for, if any. */
function whoIs(request: Request) {
  const token = request.headers.get('Authorization')?.replace(/^Bearer /, '');
  const id = token ? accountsDb.tokens.get(token) : undefined;
  return accountsDb.accounts.find((a) => a.user.id === id)?.user;
}

/** 401 or 403 unless a manager or above is signed in. */
function notStaff(request: Request) {
  const user = whoIs(request);
  if (!user) return unauthenticated();
  if (user.role === 'customer')
    return failure(403, 'forbidden', 'no tiene permiso para esto');
  return undefined;
}

const unauthenticated = () =>
  failure(401, 'unauthenticated', 'inicie sesión para continuar');

export const shopHandlers = [
  // Before */orders, which would match /admin/orders too.
  http.get('*/admin/orders', ({ request }) => {
    const url = new URL(request.url);
    requests.push(url);
    const refused = notStaff(request);
    if (refused) return refused;
    const q = url.searchParams;
    let list = shop.orders;
    if (q.get('status'))
      list = list.filter((o) => o.status === q.get('status'));
    if (q.get('payment_status'))
      list = list.filter((o) => o.payment_status === q.get('payment_status'));
    if (q.get('number'))
      list = list.filter((o) => o.number === q.get('number'));
    return HttpResponse.json(
      page(list.map(summaryOf), Number(q.get('page') ?? 1)),
    );
  }),

  http.get('*/cart', () => HttpResponse.json(cartBody())),

  http.post('*/cart/items', async ({ request }) => {
    const body = (await request.json()) as Record<string, unknown>;
    const quantity = body.quantity;
    if (
      typeof quantity !== 'number' ||
      !Number.isInteger(quantity) ||
      quantity < 1 ||
      quantity > 99
    ) {
      return invalid([
        { field: 'quantity', message: 'debe ser un entero entre 1 y 99' },
      ]);
    }
    const productId = Number(body.product_id);
    // As the server: variant_id is null or absent without variants.
    if (
      body.variant_id != null &&
      !(Number.isInteger(body.variant_id) && Number(body.variant_id) > 0)
    ) {
      return invalid([
        { field: 'variant_id', message: 'debe ser un id: un entero positivo' },
      ]);
    }
    const variantId = (body.variant_id as number | null | undefined) ?? null;
    const c = catalogPrice(productId, variantId);
    if (!c) {
      return invalid([
        variantId
          ? { field: 'variant_id', message: 'la variante no existe' }
          : { field: 'product_id', message: 'el producto no existe' },
      ]);
    }
    const same = shop.items.find(
      (it) => it.product_id === productId && it.variant_id === variantId,
    );
    const total = (same?.quantity ?? 0) + quantity;
    if (total > c.stock) {
      return failure(
        409,
        'out_of_stock',
        `solo quedan ${c.stock} unidades de ${c.name}`,
      );
    }
    if (same) same.quantity = total;
    else seedCartItem(productId, variantId, quantity);
    return HttpResponse.json(cartBody(), { status: 201 });
  }),

  http.put('*/cart/items/:id', async ({ params, request }) => {
    const item = shop.items.find((it) => it.id === Number(params.id));
    if (!item) return failure(404, 'not_found', 'item no encontrado');
    const { quantity } = (await request.json()) as { quantity: unknown };
    if (typeof quantity !== 'number' || quantity < 1 || quantity > 99) {
      return invalid([
        { field: 'quantity', message: 'debe ser un entero entre 1 y 99' },
      ]);
    }
    item.quantity = quantity;
    item.chosen = catalogPrice(item.product_id, item.variant_id)!.price;
    return HttpResponse.json(cartBody());
  }),

  http.delete('*/cart/items/:id', ({ params }) => {
    shop.items = shop.items.filter((it) => it.id !== Number(params.id));
    return HttpResponse.json(cartBody());
  }),

  http.delete('*/cart', () => {
    shop.items = [];
    return new HttpResponse(null, { status: 204 });
  }),

  http.get('*/shipping-methods', ({ request }) => {
    const region = new URL(request.url).searchParams.get('region');
    const home = region === 'RM' ? 3990 : 6990;
    // As the server: each method carries the order's total and tax part.
    const { subtotal } = currentCart();
    const priced = (amount: number) => ({
      amount,
      amount_formatted: money(amount),
      total: subtotal + amount,
      total_formatted: money(subtotal + amount),
      tax: taxPart(subtotal + amount),
      tax_formatted: money(taxPart(subtotal + amount)),
    });
    return HttpResponse.json({
      data: [
        {
          code: 'despacho',
          name: 'Despacho a domicilio',
          ...priced(home),
          cheapest: true,
        },
        {
          code: 'retiro',
          name: 'Retiro en tienda',
          ...priced(0),
          cheapest: false,
        },
      ],
    });
  }),

  http.post('*/orders', async ({ request }) => {
    if (!whoIs(request)) return unauthenticated();
    const body = (await request.json()) as Record<string, unknown>;
    shop.placed.push({ body, key: request.headers.get('Idempotency-Key') });
    const address = (body.shipping_address ?? {}) as Record<string, string>;
    const bad = [];
    if (!address.street?.trim())
      bad.push({
        field: 'shipping_address.street',
        message: 'es obligatorio',
      });
    if (!address.city?.trim())
      bad.push({ field: 'shipping_address.city', message: 'es obligatorio' });
    if (bad.length) return invalid(bad);
    if (shop.items.length === 0)
      return invalid([{ field: 'items', message: 'el carrito está vacío' }]);

    const cart = currentCart();
    const ship = body.shipping_method === 'retiro' ? 0 : 3990;
    const o = makeOrder(
      shop.nextOrder++,
      'pending',
      'pending',
      cart.total + ship,
      '2026-12-04T12:00:00Z',
    );
    o.payment_method = String(body.payment_method);
    o.shipping_address = address as unknown as Order['shipping_address'];
    o.lines = cart.items.map((it) => ({
      id: it.id,
      product_id: it.product_id,
      variant_id: it.variant_id,
      name: it.name,
      sku: it.sku,
      quantity: it.quantity,
      unit_price: it.unit_price,
      unit_price_formatted: it.unit_price_formatted,
      total: it.total,
      total_formatted: it.total_formatted,
    }));
    o.shipping_method = String(body.shipping_method ?? 'despacho');
    shop.orders.unshift(o);
    shop.items = [];
    const instructions =
      o.payment_method === 'bank_transfer'
        ? 'Transfiera a Banco Estado, cuenta corriente 123456'
        : '';
    // A card gateway (Stripe) answers its PaymentIntent's secret.
    const card = o.payment_method === 'stripe' ? cardAnswer(o) : {};
    return HttpResponse.json(
      {
        data: { ...o, payment_instructions: instructions || null },
        payment: {
          method: o.payment_method,
          status: 'pending',
          reference: '',
          instructions,
          redirect_url: '',
          ...card,
        },
        replayed: false,
      },
      { status: 201 },
    );
  }),

  http.get('*/orders', ({ request }) => {
    const url = new URL(request.url);
    requests.push(url);
    if (!whoIs(request)) return unauthenticated();
    return HttpResponse.json(
      page(
        shop.orders.map(summaryOf),
        Number(url.searchParams.get('page') ?? 1),
      ),
    );
  }),

  http.get('*/orders/:id', ({ params, request }) => {
    if (!whoIs(request)) return unauthenticated();
    const o = shop.orders.find((x) => x.id === Number(params.id));
    if (!o) return failure(404, 'not_found', 'pedido no encontrado');
    o.next_statuses = next[o.status];
    return HttpResponse.json({ data: o });
  }),

  http.put('*/orders/:id/payment', async ({ params, request }) => {
    const refused = notStaff(request);
    if (refused) return refused;
    const o = shop.orders.find((x) => x.id === Number(params.id));
    if (!o) return failure(404, 'not_found', 'pedido no encontrado');
    const body = (await request.json()) as {
      payment_status: PaymentStatus;
      reference: string;
      note: string;
    };
    shop.paymentChanges.push({ id: o.id, ...body });
    const allowed: Record<PaymentStatus, PaymentStatus[]> = {
      pending: ['paid', 'failed'],
      paid: ['refunded'],
      failed: [],
      refunded: [],
    };
    if (!allowed[o.payment_status].includes(body.payment_status)) {
      return failure(409, 'conflict', 'transición de pago no permitida');
    }
    o.timeline.push(
      entry(
        'payment',
        o.payment_status,
        body.payment_status,
        '2026-12-04T13:00:00Z',
        body.note,
        2,
      ),
    );
    o.payment_status = body.payment_status;
    if (body.payment_status === 'paid' && o.status === 'pending') {
      o.status = 'confirmed';
    }
    o.next_statuses = next[o.status];
    return HttpResponse.json({ data: o });
  }),

  http.post('*/admin/orders/:id/capture', ({ params, request }) => {
    const refused = notStaff(request);
    if (refused) return refused;
    const o = shop.orders.find((x) => x.id === Number(params.id));
    if (!o) return failure(404, 'not_found', 'pedido no encontrado');
    if (o.hold !== 'authorized' && o.hold !== 'capture_failed')
      return failure(409, 'conflict', 'no hay un pago retenido');
    if (!request.headers.get('Idempotency-Key'))
      return failure(400, 'bad_request', 'falta Idempotency-Key');
    o.hold = 'captured';
    o.payment_status = 'paid';
    return HttpResponse.json({ data: o });
  }),

  http.post('*/admin/orders/:id/refunds', async ({ params, request }) => {
    const user = whoIs(request);
    if (!user) return unauthenticated();
    if (user.role !== 'admin' && user.role !== 'super_admin')
      return failure(403, 'forbidden', 'no tiene permiso para esto');
    const o = shop.orders.find((x) => x.id === Number(params.id));
    if (!o) return failure(404, 'not_found', 'pedido no encontrado');
    if (o.payment_status !== 'paid')
      return failure(409, 'conflict', 'el pedido no está pagado');
    const body = (await request.json()) as {
      amount?: number;
      restock: boolean;
      note: string;
    };
    shop.refunds.push({ id: o.id, ...body });
    if (body.amount === undefined) {
      o.timeline.push(
        entry(
          'payment',
          'paid',
          'refunded',
          '2026-12-04T13:00:00Z',
          body.note,
          2,
        ),
      );
      o.payment_status = 'refunded';
    }
    return HttpResponse.json({ data: o });
  }),

  http.post('*/orders/:id/cancel', ({ params, request }) => {
    if (!whoIs(request)) return unauthenticated();
    const o = shop.orders.find((x) => x.id === Number(params.id));
    if (!o) return failure(404, 'not_found', 'pedido no encontrado');
    const held = o.status === 'confirmed' && o.hold === 'authorized';
    if ((o.status !== 'pending' && !held) || o.payment_status !== 'pending') {
      return failure(409, 'conflict', 'el pedido ya no se puede cancelar');
    }
    o.timeline.push(
      entry('status', o.status, 'cancelled', '2026-12-04T13:00:00Z', '', 1),
    );
    o.status = 'cancelled';
    if (held) {
      o.hold = 'voided';
      o.payment_status = 'failed';
    }
    o.next_statuses = next[o.status];
    return HttpResponse.json({ data: o });
  }),

  http.put('*/orders/:id/status', async ({ params, request }) => {
    const refused = notStaff(request);
    if (refused) return refused;
    const o = shop.orders.find((x) => x.id === Number(params.id));
    if (!o) return failure(404, 'not_found', 'pedido no encontrado');
    const { status, note } = (await request.json()) as {
      status: OrderStatus;
      note: string;
    };
    shop.statusChanges.push({ id: o.id, status, note });
    if (!next[o.status].includes(status)) {
      return failure(409, 'conflict', 'transición no permitida');
    }
    o.timeline.push(
      entry('status', o.status, status, '2026-12-04T13:00:00Z', note, 2),
    );
    o.status = status;
    o.next_statuses = next[status];
    return HttpResponse.json({ data: o });
  }),
];

resetShop();
