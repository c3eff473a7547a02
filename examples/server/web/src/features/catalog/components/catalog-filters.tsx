import { useId } from 'react';

import type { Brand, CategoryNode } from '@/types/api';

import { BrandFilter } from './brand-filter';
import { CategoryTree } from './category-tree';
import { PriceFilter } from './price-filter';

import type { CatalogFilters as Filters } from '../hooks/use-catalog-search';

interface Props {
  filters: Filters;
  update: (patch: Partial<Filters>) => void;
  tree: CategoryNode[] | undefined;
  activePath: string[];
  search: string;
  brandName?: string;
  brandSuggestions?: Brand[];
}

/** CatalogFilters is the side panel: categories, price, stock and brand. */
export function CatalogFilters({
  filters,
  update,
  tree,
  activePath,
  search,
  brandName,
  brandSuggestions,
}: Props) {
  const stockId = useId();

  return (
    <div className="space-y-6">
      {tree && (
        <CategoryTree tree={tree} activePath={activePath} search={search} />
      )}
      <PriceFilter
        min={filters.priceMin}
        max={filters.priceMax}
        onApply={(range) => update(range)}
      />
      <div className="flex items-center gap-2">
        <input
          id={stockId}
          type="checkbox"
          checked={filters.inStock}
          onChange={(e) => update({ inStock: e.target.checked })}
          className="size-4 rounded border-slate-300 accent-indigo-600"
        />
        <label htmlFor={stockId} className="text-sm text-slate-800">
          Solo productos con stock
        </label>
      </div>
      <BrandFilter
        value={filters.brand}
        valueName={brandName}
        suggestions={brandSuggestions}
        onChange={(brand) => update({ brand })}
      />
    </div>
  );
}
