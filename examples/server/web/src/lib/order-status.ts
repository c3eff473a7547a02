import type { OrderStatus, PaymentStatus } from '@/types/shop';

/** How the store names each order status. */
export const statusLabels: Record<OrderStatus, string> = {
  pending: 'Pendiente',
  confirmed: 'Confirmado',
  processing: 'En preparación',
  shipped: 'Enviado',
  delivered: 'Entregado',
  cancelled: 'Cancelado',
};

/** How the store names each payment status. */
export const paymentStatusLabels: Record<PaymentStatus, string> = {
  pending: 'Pago pendiente',
  paid: 'Pagado',
  failed: 'Pago fallido',
  refunded: 'Reembolsado',
};

/** How the store names each payment method. */
export const paymentMethodLabels: Record<string, string> = {
  bank_transfer: 'Transferencia bancaria',
  cash_on_delivery: 'Pago contra entrega',
  stripe: 'Tarjeta de crédito o débito',
};

/** How the store names the shipping methods it ships with by default. */
export const shippingMethodLabels: Record<string, string> = {
  despacho: 'Despacho a domicilio',
  retiro: 'Retiro en tienda',
};

export function shippingMethodLabel(code: string): string {
  return shippingMethodLabels[code] ?? code;
}

/** Every status, in the order of an order's life. */
export const orderStatuses = Object.keys(statusLabels) as OrderStatus[];

export const paymentStatuses = Object.keys(
  paymentStatusLabels,
) as PaymentStatus[];

// The state machine of package order (order/status.go): cancelled is
// reachable from pending, confirmed and processing; delivered and
// cancelled are final.
const next: Record<OrderStatus, OrderStatus[]> = {
  pending: ['confirmed', 'cancelled'],
  confirmed: ['processing', 'cancelled'],
  processing: ['shipped', 'cancelled'],
  shipped: ['delivered'],
  delivered: [],
  cancelled: [],
};

/**
 * The statuses an order may move to from `status`: what the server says
 * when it says it, otherwise the machine above.
 */
export function nextStatuses(
  status: OrderStatus,
  fromServer?: OrderStatus[] | null,
): OrderStatus[] {
  return fromServer ?? next[status] ?? [];
}

export function statusLabel(status: string): string {
  return statusLabels[status as OrderStatus] ?? status;
}

export function paymentStatusLabel(status: string): string {
  return paymentStatusLabels[status as PaymentStatus] ?? status;
}

export function paymentMethodLabel(method: string): string {
  return paymentMethodLabels[method] ?? method;
}
