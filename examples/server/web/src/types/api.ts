// Shapes of the catalog API (docs/api.md) shared by several features.

/** A reference to a category or a brand, as embedded in a product. */
export interface Ref {
  id: number;
  name: string;
  slug: string;
}

/** An image as the server may send it: a URL or an object with one. */
export type ProductImage = string | { url: string; alt?: string };

/** A product as it appears in listings. */
export interface ProductSummary {
  id: number;
  name: string;
  slug: string;
  sku: string;
  short_description: string;
  price: number;
  compare_price: number | null;
  currency: string;
  price_formatted: string;
  compare_price_formatted: string | null;
  category: Ref | null;
  brand: Ref | null;
  images: ProductImage[];
  stock: number;
  in_stock: boolean;
  featured: boolean;
  rating: number;
  reviews_count: number;
}

export interface Option {
  name: string;
  value: string;
}

export interface Variant {
  id: number;
  name: string;
  sku: string;
  price: number;
  compare_price: number | null;
  price_formatted: string;
  compare_price_formatted?: string | null;
  barcode: string;
  options: Option[];
  stock: number;
  in_stock: boolean;
}

/** A product with everything the product page shows. */
export interface Product extends ProductSummary {
  description: string;
  meta_title: string;
  meta_description: string;
  weight: unknown;
  dimensions: unknown;
  attributes: Option[] | null;
  category_path: Ref[] | null;
  variants: Variant[] | null;
  created_at: string;
  updated_at: string;
}

export interface CategoryNode {
  id: number;
  name: string;
  slug: string;
  description: string;
  image_url: string;
  sort_order: number;
  product_count: number;
  children: CategoryNode[] | null;
}

export type Brand = Ref;

export interface Pagination {
  page: number;
  limit: number;
  total: number;
  pages: number;
}

export interface Paginated<T> {
  data: T[];
  pagination: Pagination;
}

export interface Envelope<T> {
  data: T;
}
