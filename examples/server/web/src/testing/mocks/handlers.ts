import { http, HttpResponse } from 'msw';

import type { Product } from '@/types/api';

import { accountHandlers } from './accounts';
import { searchHandlers } from './search-handlers';
import { brands, categories, polera, products, slugsUnder } from './db';

/** Every API request the handlers saw, for tests that check parameters. */
export const requests: URL[] = [];

function notFound(what: string) {
  return HttpResponse.json(
    {
      error: {
        code: 'not_found',
        message: `${what} no encontrado`,
        request_id: 'req-404',
      },
    },
    { status: 404 },
  );
}

const sorters: Record<string, (a: Product, b: Product) => number> = {
  price_asc: (a, b) => a.price - b.price,
  price_desc: (a, b) => b.price - a.price,
  name: (a, b) => a.name.localeCompare(b.name, 'es'),
  newest: (a, b) => b.id - a.id,
  rating: (a, b) => b.rating - a.rating,
};

export const handlers = [
  // First: */products would also match /search/products.
  ...searchHandlers,

  http.get('*/products', ({ request }) => {
    const url = new URL(request.url);
    requests.push(url);
    const q = url.searchParams;
    let list = [...products] as Product[];
    const category = q.get('category');
    if (category) {
      const slugs = slugsUnder(category);
      if (slugs.size === 0) return notFound('categoría');
      list = list.filter((p) => p.category && slugs.has(p.category.slug));
    }
    if (q.get('brand'))
      list = list.filter((p) => p.brand?.slug === q.get('brand'));
    if (q.get('in_stock') === 'true') list = list.filter((p) => p.in_stock);
    if (q.get('featured') === 'true') list = list.filter((p) => p.featured);
    if (q.get('price_min'))
      list = list.filter((p) => p.price >= Number(q.get('price_min')));
    if (q.get('price_max'))
      list = list.filter((p) => p.price <= Number(q.get('price_max')));
    const search = q.get('search')?.toLowerCase();
    if (search)
      list = list.filter((p) => p.name.toLowerCase().includes(search));
    list.sort(sorters[q.get('sort') ?? 'newest']);

    const page = Number(q.get('page') ?? 1);
    const limit = Number(q.get('limit') ?? 20);
    return HttpResponse.json({
      data: list.slice((page - 1) * limit, page * limit),
      pagination: {
        page,
        limit,
        total: list.length,
        pages: Math.ceil(list.length / limit),
      },
    });
  }),

  http.get('*/products/:slug', ({ params }) => {
    if (params.slug === polera.slug) return HttpResponse.json({ data: polera });
    const found = products.find((p) => p.slug === params.slug);
    if (!found) return notFound('producto');
    return HttpResponse.json({
      data: {
        ...found,
        description: '',
        attributes: [],
        category_path: [],
        variants: [],
      },
    });
  }),

  http.get('*/categories', () => HttpResponse.json({ data: categories })),

  http.get('*/brands', ({ request }) => {
    const search = new URL(request.url).searchParams.get('search') ?? '';
    const found = brands.filter((b) =>
      b.name.toLowerCase().startsWith(search.toLowerCase()),
    );
    return HttpResponse.json({ data: found });
  }),

  ...accountHandlers,
];
