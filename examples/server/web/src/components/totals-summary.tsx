import type { Amounts } from '@/types/shop';

interface Props {
  totals: Amounts;
  /** What to show for shipping when it is not known yet. */
  shippingPending?: string;
  title?: string;
  /** The name of the total, when it leaves something out. */
  totalLabel?: string;
}

/**
 * TotalsSummary shows the amounts the server computed: subtotal, savings,
 * discount, shipping, the tax part and the total. It adds nothing up.
 */
export function TotalsSummary({
  totals,
  shippingPending,
  title = 'Resumen',
  totalLabel = 'Total',
}: Props) {
  const rows: { label: string; value: string; tone?: string }[] = [
    { label: 'Subtotal', value: totals.subtotal_formatted },
  ];
  if (totals.discount > 0) {
    rows.push({
      label: 'Descuentos',
      value: `−${totals.discount_formatted}`,
      tone: 'text-emerald-700',
    });
  }
  const shipping = shippingPending ?? totals.shipping_formatted;
  if (shipping) rows.push({ label: 'Envío', value: shipping });
  if (!totals.tax_inclusive) {
    rows.push({ label: 'IVA', value: totals.tax_formatted });
  }

  return (
    <section
      aria-label={title}
      className="rounded-lg border border-slate-200 bg-white p-4"
    >
      <h2 className="mb-3 text-lg font-semibold text-slate-900">{title}</h2>
      <dl className="space-y-2 text-sm">
        {rows.map((row) => (
          <div key={row.label} className="flex justify-between gap-4">
            <dt className="text-slate-600">{row.label}</dt>
            <dd className={row.tone ?? 'text-slate-900'}>{row.value}</dd>
          </div>
        ))}
        <div className="flex justify-between gap-4 border-t border-slate-200 pt-2 text-base font-bold">
          <dt>{totalLabel}</dt>
          <dd>{totals.total_formatted}</dd>
        </div>
        {totals.tax_inclusive && (
          <div className="flex justify-between gap-4 text-xs text-slate-500">
            <dt>IVA incluido</dt>
            <dd>{totals.tax_formatted}</dd>
          </div>
        )}
        {!!totals.savings && totals.savings > 0 && (
          <div className="flex justify-between gap-4 rounded bg-emerald-50 px-2 py-1 text-emerald-800">
            <dt>Ahorras</dt>
            <dd>{totals.savings_formatted}</dd>
          </div>
        )}
      </dl>
    </section>
  );
}
