// Shapes of the cart and order API (docs/api.md) shared by the cart,
// checkout, orders and admin features. Amounts come with their es-CL
// `*_formatted` string; the client never computes a price.

/** One item of a cart, priced now. */
export interface CartItem {
  id: number;
  product_id: number;
  variant_id: number | null;
  name: string;
  sku: string;
  slug?: string;
  image?: string;
  quantity: number;
  /** The catalog price now. */
  unit_price: number;
  unit_price_formatted: string;
  /** The price when the item was chosen, when it differs. */
  previous_price?: number | null;
  previous_price_formatted?: string | null;
  compare_price?: number | null;
  compare_price_formatted?: string | null;
  price_changed: boolean;
  total: number;
  total_formatted: string;
  /** Units that can be sold now. */
  stock: number;
  available: boolean;
  out_of_stock: boolean;
}

/** The amounts of a cart or an order, computed by the server. */
export interface Totals {
  currency: string;
  subtotal: number;
  subtotal_formatted: string;
  discount: number;
  discount_formatted: string;
  shipping: number;
  shipping_formatted: string;
  tax: number;
  tax_formatted: string;
  /** Prices include the tax (IVA in Chile); otherwise it is added on top. */
  tax_inclusive: boolean;
  total: number;
  total_formatted: string;
  /** What the shopper saves against compare prices. */
  savings?: number;
  savings_formatted?: string;
}

export interface Cart extends Totals {
  id: number;
  items: CartItem[];
  item_count: number;
}

/** A way to ship an order, with its rate for a destination. */
export interface ShippingOption {
  code: string;
  name: string;
  amount: number;
  amount_formatted: string;
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

/** An address saved in the customer's account. */
export interface SavedAddress {
  id: number;
  label?: string;
  recipient: string;
  phone?: string;
  street: string;
  details?: string;
  commune: string;
  city?: string;
  region: string;
  postal_code?: string;
  country: string;
  default: boolean;
}

export type PaymentMethod = 'bank_transfer' | 'cash_on_delivery';

export type OrderStatus =
  | 'pending'
  | 'confirmed'
  | 'processing'
  | 'shipped'
  | 'delivered'
  | 'cancelled';

export type PaymentStatus = 'pending' | 'paid' | 'failed' | 'refunded';

/** An order as it appears in lists. */
export interface OrderSummary {
  id: number;
  number: string;
  status: OrderStatus;
  payment_status: PaymentStatus;
  payment_method: PaymentMethod | string;
  currency: string;
  total: number;
  total_formatted: string;
  item_count: number;
  created_at: string;
  customer?: { id: number; name?: string; email?: string } | null;
}

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

/** One change in an order's life: who, when, from what to what, why. */
export interface TimelineEntry {
  id: number;
  kind: 'status' | 'payment' | 'note';
  from: string;
  to: string;
  note: string;
  actor?: string | null;
  at: string;
}

export interface Order extends OrderSummary, Totals {
  lines: OrderLine[];
  shipping_method: string;
  shipping_method_name?: string;
  shipping_address: OrderAddress;
  notes?: string;
  timeline: TimelineEntry[];
  /** The statuses staff may move the order to now, when the server says. */
  next_statuses?: OrderStatus[];
  /** What the shopper must do to pay, such as where to transfer. */
  payment_instructions?: string | null;
}
