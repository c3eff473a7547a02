// Shapes of the cart and order API (docs/api.md, "Shop") shared by the
// cart, checkout, orders and admin features. Amounts come with their es-CL
// `*_formatted` string; the client never computes a price.

/** The amounts the server computed for a cart or an order. */
export interface Amounts {
  currency: string;
  /** Prices include the tax (IVA in Chile); otherwise it is added on top. */
  tax_inclusive: boolean;
  subtotal: number;
  subtotal_formatted: string;
  discount: number;
  discount_formatted: string;
  tax: number;
  tax_formatted: string;
  total: number;
  total_formatted: string;
  /** An order's shipping; a cart has none until the address is known. */
  shipping?: number;
  shipping_formatted?: string;
  /** What the shopper saves against compare prices (carts). */
  savings?: number;
  savings_formatted?: string;
}

/** One item of a cart, priced now. */
export interface CartItem {
  id: number;
  product_id: number;
  /** null: a product without variants. */
  variant_id: number | null;
  name: string;
  sku: string;
  image: string;
  quantity: number;
  /** The catalog price now. */
  unit_price: number;
  unit_price_formatted: string;
  /** The price when the shopper chose the item, when it differs. */
  previous_price: number | null;
  previous_price_formatted: string | null;
  price_changed: boolean;
  total: number;
  total_formatted: string;
  /** Units that can be sold now. */
  stock: number;
  /** False: the product was withdrawn; the item is out of the totals. */
  available: boolean;
  /** The quantity is above the stock. */
  out_of_stock: boolean;
}

export interface Cart extends Amounts {
  /** 0: the shopper has no stored cart yet. */
  id: number;
  items: CartItem[];
  item_count: number;
  price_changed: boolean;
  savings: number;
  savings_formatted: string;
}

/** A way to ship the cart to a destination, with its rate. */
export interface ShippingOption {
  code: string;
  name: string;
  amount: number;
  amount_formatted: string;
  /** The one the server takes when the order names none. */
  cheapest: boolean;
  /** The order's total and tax part with this method (given a cart). */
  total?: number;
  total_formatted?: string;
  tax?: number;
  tax_formatted?: string;
}

/** Where an order goes. Region is the code of a Chilean region ("RM"). */
export interface OrderAddress {
  name?: string;
  street: string;
  city: string;
  region?: string;
  postal_code?: string;
  country: string;
  phone?: string;
}

/** A method's code: the built-in two, or a gateway's (`stripe`, ...). */
export type PaymentMethod =
  'bank_transfer' | 'cash_on_delivery' | (string & {});

export type OrderStatus =
  | 'pending'
  | 'confirmed'
  | 'processing'
  | 'shipped'
  | 'delivered'
  | 'cancelled';

export type PaymentStatus = 'pending' | 'paid' | 'failed' | 'refunded';

/** An order as it appears in lists. */
export interface OrderSummary extends Amounts {
  id: number;
  number: string;
  customer_id: number;
  customer: { id: number };
  /** Units in the order (order pages). */
  item_count?: number;
  status: OrderStatus;
  status_label: string;
  payment_status: PaymentStatus;
  payment_status_label: string;
  payment_method: PaymentMethod | string;
  shipping_method: string;
  city: string;
  region: string;
  created_at: string;
  updated_at: string;
}

/** A line of an order, as it was sold. */
export interface OrderLine {
  id: number;
  product_id: number;
  variant_id: number | null;
  name: string;
  sku: string;
  quantity: number;
  unit_price: number;
  unit_price_formatted: string;
  total: number;
  total_formatted: string;
}

/** One change in an order's life: what, when, by whom (0: the store). */
export interface TimelineEntry {
  id: number;
  kind: 'status' | 'payment' | 'note';
  from: string;
  to: string;
  label?: string;
  actor_id: number;
  note: string;
  at: string;
}

export interface Order extends OrderSummary {
  shipping_address: OrderAddress;
  billing_address: OrderAddress | null;
  notes: string;
  lines: OrderLine[];
  timeline: TimelineEntry[];
  /** The statuses staff may move the order to now. */
  next_statuses: OrderStatus[] | null;
  reserved_until?: string | null;
  /** How to pay, in the answer of POST /orders; null elsewhere. */
  payment_instructions?: string | null;
  /**
   * A payment the gateway holds (authorized, taken at shipment), and what
   * became of it; absent when the method takes the money at once.
   */
  hold?: HoldState | null;
}

/** What became of a held payment (docs/api.md, "Held payments"). */
export type HoldState =
  'authorized' | 'captured' | 'capture_failed' | 'voided' | 'void_failed';

/** What the payment method said when the order was placed. */
export interface PaymentResult {
  method: string;
  status: string;
  reference: string;
  /** What the shopper must do to pay, such as where to transfer. */
  instructions: string;
  redirect_url: string;
  /** For a card gateway (Stripe): what Stripe.js confirms the payment with. */
  client_secret?: string;
  /** The gateway's reason, in Spanish, when it did not take the payment. */
  message?: string;
}

/** The answer to POST /orders. */
export interface PlacedOrder {
  data: Order;
  payment?: PaymentResult;
  replayed?: boolean;
}
