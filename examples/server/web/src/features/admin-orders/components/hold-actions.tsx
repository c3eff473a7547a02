import { FormError } from '@/components/form-error';
import type { HoldState, Order } from '@/types/shop';

import { useCapturePayment } from '../api/capture-payment';

const explained: Record<HoldState, string> = {
  authorized:
    'La pasarela retiene el pago: se cobra al despachar el pedido, o ahora.',
  captured: 'La pasarela cobró el pago retenido.',
  capture_failed:
    'El cobro del pago retenido falló: el pedido no se despacha hasta cobrarlo.',
  voided: 'La retención del pago se anuló al cancelar el pedido.',
  void_failed:
    'No se pudo anular la retención del pago: anúlala en el panel de la pasarela.',
};

/**
 * HoldActions tells staff what became of a payment the gateway holds and
 * lets them take it before shipment.
 */
export function HoldActions({
  order,
  onChanged,
}: {
  order: Order;
  onChanged: (order: Order) => void;
}) {
  const capture = useCapturePayment(order.id);
  const hold = order.hold;
  if (!hold) return null;
  const canCapture =
    (hold === 'authorized' || hold === 'capture_failed') &&
    order.status !== 'cancelled';

  return (
    <section
      aria-label="Pago retenido"
      className={`mt-3 flex flex-col gap-3 rounded-lg border p-4 text-sm ${
        hold === 'void_failed' || hold === 'capture_failed'
          ? 'border-amber-300 bg-amber-50 text-amber-900'
          : 'border-slate-200 bg-slate-50 text-slate-700'
      }`}
    >
      <p>{explained[hold]}</p>
      {canCapture && (
        <div>
          <button
            type="button"
            disabled={capture.isPending}
            onClick={() => capture.mutate(undefined, { onSuccess: onChanged })}
            className="rounded-md bg-emerald-700 px-3 py-1.5 font-semibold text-white hover:bg-emerald-800 disabled:opacity-60"
          >
            {capture.isPending ? 'Cobrando…' : 'Cobrar ahora'}
          </button>
        </div>
      )}
      {capture.isError && <FormError error={capture.error} />}
    </section>
  );
}
