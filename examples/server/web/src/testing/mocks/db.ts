// A small catalog for the tests, shaped like the API of docs/api.md.
import type { Brand, CategoryNode, Product, ProductSummary } from '@/types/api';

const clp = new Intl.NumberFormat('es-CL', {
  style: 'currency',
  currency: 'CLP',
});

function node(
  id: number,
  name: string,
  slug: string,
  productCount: number,
  children: CategoryNode[] = [],
): CategoryNode {
  return {
    id,
    name,
    slug,
    description: '',
    image_url: '',
    sort_order: id,
    product_count: productCount,
    children,
  };
}

export const categories: CategoryNode[] = [
  node(1, 'Supermercado', 'supermercado', 20, [
    node(2, 'Lácteos', 'lacteos', 20, [node(3, 'Leches', 'leches', 20)]),
  ]),
  node(10, 'Audio', 'audio', 12, [node(11, 'Audífonos', 'audifonos', 12)]),
  node(20, 'Vestuario', 'vestuario', 1),
];

export const brands: Brand[] = [
  { id: 1, name: 'La Serenísima', slug: 'la-serenisima' },
  { id: 2, name: 'Sony', slug: 'sony' },
  { id: 3, name: 'Sonos', slug: 'sonos' },
  { id: 4, name: 'Moderno', slug: 'moderno' },
];

const refs = {
  leches: { id: 3, name: 'Leches', slug: 'leches' },
  audifonos: { id: 11, name: 'Audífonos', slug: 'audifonos' },
  vestuario: { id: 20, name: 'Vestuario', slug: 'vestuario' },
};

function summary(
  id: number,
  name: string,
  price: number,
  extra: Partial<ProductSummary> = {},
): ProductSummary {
  return {
    id,
    name,
    slug: name
      .toLowerCase()
      .normalize('NFD')
      .replace(/[^a-z0-9]+/g, '-'),
    sku: `SKU-${id}`,
    short_description: '',
    price,
    compare_price: null,
    currency: 'CLP',
    price_formatted: clp.format(price),
    compare_price_formatted: null,
    category: refs.leches,
    brand: brands[0]!,
    images: [],
    stock: 10,
    in_stock: true,
    featured: false,
    rating: 0,
    reviews_count: 0,
    ...extra,
  };
}

const milks = Array.from({ length: 20 }, (_, i) =>
  summary(i + 1, `Leche número ${i + 1}`, 1000 + i * 10, {
    in_stock: i % 4 !== 0,
    stock: i % 4 !== 0 ? 10 : 0,
  }),
);

const headphones = Array.from({ length: 12 }, (_, i) =>
  summary(100 + i, `Audífonos modelo ${i + 1}`, 50_000 + i * 1000, {
    category: refs.audifonos,
    brand: i % 2 ? brands[1]! : brands[2]!,
    featured: i < 3,
    compare_price: i === 0 ? 60_000 : null,
    compare_price_formatted: i === 0 ? clp.format(60_000) : null,
  }),
);

export const polera: Product = {
  ...summary(500, 'Polera básica', 9990, {
    slug: 'polera-basica',
    category: refs.vestuario,
    brand: brands[3]!,
    compare_price: 12990,
    compare_price_formatted: '$12.990',
  }),
  description: 'Polera de algodón.\nLavar en frío.',
  meta_title: '',
  meta_description: 'Polera de algodón',
  weight: 0.2,
  dimensions: { length: 30, width: 20, height: 2 },
  attributes: [{ name: 'Material', value: 'Algodón' }],
  category_path: [{ id: 20, name: 'Vestuario', slug: 'vestuario' }],
  variants: [
    variant(1, 'S', 'Blanco', 9990, 5),
    variant(2, 'M', 'Blanco', 10990, 0),
    variant(3, 'L', 'Blanco', 11990, 3),
    variant(4, 'M', 'Negro', 10490, 8),
  ],
  created_at: '2024-01-01T00:00:00Z',
  updated_at: '2024-01-01T00:00:00Z',
};

function variant(
  id: number,
  talla: string,
  color: string,
  price: number,
  stock: number,
) {
  return {
    id,
    name: `${talla} ${color}`,
    sku: `POL-${talla}-${color}`,
    price,
    compare_price: 12990,
    price_formatted: clp.format(price),
    compare_price_formatted: clp.format(12990),
    barcode: '',
    options: [
      { name: 'Talla', value: talla },
      { name: 'Color', value: color },
    ],
    stock,
    in_stock: stock > 0,
  };
}

export const products: ProductSummary[] = [...milks, ...headphones, polera];

/** The slugs of a category and every category below it. */
export function slugsUnder(slug: string): Set<string> {
  const out = new Set<string>();
  const visit = (nodes: CategoryNode[], inside: boolean) => {
    for (const n of nodes) {
      const here = inside || n.slug === slug;
      if (here) out.add(n.slug);
      visit(n.children ?? [], here);
    }
  };
  visit(categories, false);
  return out;
}
