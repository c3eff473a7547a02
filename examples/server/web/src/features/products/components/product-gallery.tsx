import { useState } from 'react';

import { ProductPlaceholder } from '@/components/product-placeholder';
import type { ProductImage } from '@/types/api';

/** What the drawn pictures are made from. */
interface Art {
  name: string;
  brand?: string;
  department?: string;
  category?: string;
}

/** Only pictures the store itself serves are shown; others are drawn. */
function localUrl(image: ProductImage | undefined): string | undefined {
  const url = typeof image === 'string' ? image : image?.url;
  return url?.startsWith('/') && !url.startsWith('//') ? url : undefined;
}

/** ProductGallery shows a product's pictures, one large and thumbnails. */
export function ProductGallery({
  images,
  ...art
}: Art & { images: ProductImage[] }) {
  const count = Math.max(images.length, 1);
  const [index, setIndex] = useState(0);
  const current = Math.min(index, count - 1);
  const alt =
    count > 1 ? `${art.name}, imagen ${current + 1} de ${count}` : art.name;

  return (
    <div className="space-y-3">
      <figure className="overflow-hidden rounded-2xl border border-slate-200 bg-white">
        <Picture art={art} image={images[current]} index={current} alt={alt} />
      </figure>
      {count > 1 && (
        <ul aria-label="Imágenes del producto" className="flex gap-2">
          {images.map((image, i) => (
            <li key={i}>
              <button
                type="button"
                onClick={() => setIndex(i)}
                aria-current={i === current ? 'true' : undefined}
                aria-label={`Ver imagen ${i + 1} de ${count}`}
                className="block size-16 overflow-hidden rounded-lg border-2 border-transparent focus-visible:outline-2 focus-visible:outline-indigo-500 aria-[current=true]:border-indigo-600"
              >
                <Picture art={art} image={image} index={i} />
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function Picture({
  art,
  image,
  index,
  alt,
}: {
  art: Art;
  image: ProductImage | undefined;
  index: number;
  /** Without it the picture is decoration, as in a labelled button. */
  alt?: string;
}) {
  const url = localUrl(image);
  if (url) {
    return (
      <img
        src={url}
        alt={alt ?? ''}
        className="aspect-square w-full object-contain"
        loading="lazy"
      />
    );
  }
  return (
    <ProductPlaceholder
      {...art}
      index={index}
      decorative={!alt}
      label={alt && `Ilustración de ${alt}`}
      className="aspect-square w-full"
    />
  );
}
