import { http, HttpResponse } from 'msw';

import type { ProductSummary } from '@/types/api';

import { products } from './db';

// The search API (GET /search/products, /search/suggestions) over the test
// catalog: words match names without accents or case, and a few known
// typos are corrected as the real engine would.

/** Every search request the handlers saw. */
export const searchRequests: URL[] = [];

const fold = (s: string) =>
  s
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');

const typos: Record<string, string> = { lehce: 'leche', audifnos: 'audifonos' };

const bands = [
  { min: 0, max: 1000, label: 'menos de $1.000' },
  { min: 1000, max: 10000, label: '$1.000 a $10.000' },
  { min: 10000, max: null, label: '$10.000 o más' },
];

function matches(p: ProductSummary, words: string[]) {
  const name = fold(p.name);
  return words.every((w) => name.includes(w));
}

function count<K>(
  list: ProductSummary[],
  key: (p: ProductSummary) => K | null,
) {
  const out = new Map<K, number>();
  for (const p of list) {
    const k = key(p);
    if (k !== null) out.set(k, (out.get(k) ?? 0) + 1);
  }
  return out;
}

export const searchHandlers = [
  http.get('*/search/products', ({ request }) => {
    const url = new URL(request.url);
    searchRequests.push(url);
    const q = url.searchParams;
    const text = fold(q.get('q') ?? '').trim();
    let words = text ? text.split(/\s+/) : [];
    let hits = products.filter((p) => matches(p, words));
    let didYouMean: string | null = null;
    if (hits.length === 0 && words.some((w) => typos[w])) {
      words = words.map((w) => typos[w] ?? w);
      didYouMean = words.join(' ');
      hits = products.filter((p) => matches(p, words));
    }
    const facetBase = hits;
    const category = q.get('filters[category]');
    if (category) hits = hits.filter((p) => p.category?.slug === category);
    const brand = q.get('filters[brand]');
    if (brand) {
      const wanted = brand.split(',');
      hits = hits.filter((p) => p.brand && wanted.includes(p.brand.slug));
    }
    const min = Number(q.get('filters[price_min]') ?? 0);
    const max = Number(q.get('filters[price_max]') ?? Infinity);
    hits = hits.filter((p) => p.price >= min && p.price <= max);
    if (q.get('filters[in_stock]') === 'true')
      hits = hits.filter((p) => p.in_stock);
    if (q.get('sort') === 'price_asc') hits.sort((a, b) => a.price - b.price);
    if (q.get('sort') === 'price_desc') hits.sort((a, b) => b.price - a.price);

    const page = Number(q.get('page') ?? 1);
    const limit = Number(q.get('limit') ?? 20);
    const cats = count(facetBase, (p) => p.category?.slug ?? null);
    const brs = count(facetBase, (p) => p.brand?.slug ?? null);
    return HttpResponse.json({
      results: hits.slice((page - 1) * limit, page * limit),
      aggregations: {
        categories: [...cats].map(([slug, n]) => {
          const c = facetBase.find((p) => p.category?.slug === slug)!.category!;
          return { id: c.id, parent_id: null, name: c.name, slug, count: n };
        }),
        brands: [...brs].map(([slug, n]) => {
          const b = facetBase.find((p) => p.brand?.slug === slug)!.brand!;
          return { id: b.id, name: b.name, slug, count: n };
        }),
        price_ranges: bands.map((b) => ({
          ...b,
          key: `${b.min}-${b.max ?? ''}`,
          count: hits.filter(
            (p) => p.price >= b.min && (b.max === null || p.price < b.max),
          ).length,
        })),
      },
      suggestions: [],
      did_you_mean: didYouMean,
      total: hits.length,
      took: 1,
      page,
      limit,
      pages: Math.ceil(hits.length / limit),
    });
  }),

  http.get('*/search/suggestions', ({ request }) => {
    const url = new URL(request.url);
    searchRequests.push(url);
    const prefix = fold(url.searchParams.get('q') ?? '');
    const names = [...new Set(products.map((p) => p.name))];
    const want = typos[prefix] ?? prefix;
    const data = names
      .filter((n) => fold(n).includes(want))
      .slice(0, 8)
      .map((text, i) => ({ text, kind: 'product', id: i + 1 }));
    return HttpResponse.json({ data });
  }),
];
