import type { CartItem } from '@/types/shop';

interface Props {
  item: CartItem;
  busy: boolean;
  onQuantity: (quantity: number) => void;
  onRemove: () => void;
}

/** CartLine is one item of the cart page: price, quantity and removal. */
export function CartLine({ item, busy, onQuantity, onRemove }: Props) {
  const most = item.stock > 0 ? item.stock : item.quantity;
  const button =
    'inline-flex size-8 items-center justify-center rounded-md border border-slate-300 bg-white text-lg hover:bg-slate-50 disabled:opacity-40';

  return (
    <li className="flex flex-col gap-3 py-4 sm:flex-row sm:items-center">
      <div className="flex-1">
        <span className="font-medium text-slate-900">{item.name}</span>
        <p className="text-xs text-slate-500">
          SKU: <span className="font-mono">{item.sku}</span>
        </p>
        <p className="mt-1 text-sm text-slate-700">
          {item.unit_price_formatted} c/u
        </p>
        {item.price_changed && (
          <p className="mt-1 text-sm text-amber-800">
            El precio cambió
            {item.previous_price_formatted
              ? `: antes ${item.previous_price_formatted}, ahora ${item.unit_price_formatted}.`
              : '.'}
          </p>
        )}
        {!item.available && (
          <p className="mt-1 text-sm text-rose-800">
            Este producto ya no está a la venta; quítalo para continuar.
          </p>
        )}
        {item.available && item.out_of_stock && (
          <p className="mt-1 text-sm text-rose-800">
            {item.stock > 0
              ? `Solo quedan ${item.stock} unidades.`
              : 'Agotado por ahora.'}
          </p>
        )}
      </div>

      <div
        role="group"
        aria-label={`Cantidad de ${item.name}`}
        className="flex items-center gap-2"
      >
        <button
          type="button"
          className={button}
          disabled={busy || item.quantity <= 1}
          aria-label={`Quitar una unidad de ${item.name}`}
          onClick={() => onQuantity(item.quantity - 1)}
        >
          −
        </button>
        <output className="w-8 text-center font-medium" aria-live="polite">
          {item.quantity}
        </output>
        <button
          type="button"
          className={button}
          disabled={busy || item.quantity >= most}
          aria-label={`Agregar una unidad de ${item.name}`}
          onClick={() => onQuantity(item.quantity + 1)}
        >
          +
        </button>
      </div>

      <div className="flex items-center justify-between gap-4 sm:w-40 sm:flex-col sm:items-end">
        <span className="font-semibold text-slate-900">
          {item.total_formatted}
        </span>
        <button
          type="button"
          disabled={busy}
          onClick={onRemove}
          aria-label={`Eliminar ${item.name} del carro`}
          className="text-sm text-rose-700 hover:underline disabled:opacity-40"
        >
          Eliminar
        </button>
      </div>
    </li>
  );
}
