import { formatPrice, savings } from '@/lib/format-price';

interface Props {
  price: number;
  comparePrice: number | null | undefined;
  currency: string;
  priceFormatted?: string | null;
  comparePriceFormatted?: string | null;
  size?: 'md' | 'lg';
}

/** PriceTag shows a price, the compare price and what the shopper saves. */
export function PriceTag({
  price,
  comparePrice,
  currency,
  priceFormatted,
  comparePriceFormatted,
  size = 'md',
}: Props) {
  const saved = savings(price, comparePrice);
  const big = size === 'lg';

  return (
    <div className="flex flex-wrap items-baseline gap-x-2 gap-y-1">
      <span
        className={`font-bold text-slate-900 ${big ? 'text-3xl' : 'text-lg'}`}
      >
        <span className="sr-only">Precio: </span>
        {formatPrice(price, currency, priceFormatted)}
      </span>
      {saved && comparePrice && (
        <>
          <s className={`text-slate-500 ${big ? 'text-lg' : 'text-sm'}`}>
            <span className="sr-only">Precio normal: </span>
            {formatPrice(comparePrice, currency, comparePriceFormatted)}
          </s>
          <span className="rounded bg-rose-100 px-1.5 py-0.5 text-xs font-semibold text-rose-800">
            Ahorras {formatPrice(saved.amount, currency)} ({saved.percent}%)
          </span>
        </>
      )}
    </div>
  );
}
