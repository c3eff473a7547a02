const fewLeft = 5;

/** StockStatus tells whether a product can be bought, and how many are left. */
export function StockStatus({
  inStock,
  stock,
  detailed = false,
}: {
  inStock: boolean;
  stock: number;
  detailed?: boolean;
}) {
  if (!inStock) {
    return (
      <span className="inline-flex items-center gap-1.5 text-sm font-medium text-slate-500">
        <Dot className="bg-slate-400" /> Agotado
      </span>
    );
  }
  const last = stock > 0 && stock <= fewLeft;
  let text = 'Disponible';
  if (last)
    text = stock === 1 ? '¡Última unidad!' : `¡Últimas ${stock} unidades!`;
  else if (detailed && stock > 0) text = `Disponible (${stock} unidades)`;

  return (
    <span
      className={`inline-flex items-center gap-1.5 text-sm font-medium ${
        last ? 'text-amber-700' : 'text-emerald-700'
      }`}
    >
      <Dot className={last ? 'bg-amber-500' : 'bg-emerald-500'} /> {text}
    </span>
  );
}

function Dot({ className }: { className: string }) {
  return (
    <span aria-hidden="true" className={`size-2 rounded-full ${className}`} />
  );
}
