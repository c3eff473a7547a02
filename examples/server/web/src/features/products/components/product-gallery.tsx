import { useState } from 'react';

import { ProductPlaceholder } from '@/components/product-placeholder';
import type { ProductImage } from '@/types/api';

interface Props {
  name: string;
  images: ProductImage[];
  department?: string;
}

/** Only pictures the store itself serves are shown; others are drawn. */
function localUrl(image: ProductImage | undefined): string | undefined {
  const url = typeof image === 'string' ? image : image?.url;
  return url?.startsWith('/') && !url.startsWith('//') ? url : undefined;
}

/** ProductGallery shows a product's pictures, one large and thumbnails. */
export function ProductGallery({ name, images, department }: Props) {
  const count = Math.max(images.length, 1);
  const [index, setIndex] = useState(0);
  const current = Math.min(index, count - 1);

  return (
    <div className="space-y-3">
      <figure className="overflow-hidden rounded-2xl border border-slate-200 bg-white">
        <Picture
          name={name}
          image={images[current]}
          index={current}
          department={department}
          alt={count > 1 ? `${name}, imagen ${current + 1} de ${count}` : name}
        />
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
                className="block size-16 overflow-hidden rounded-lg border-2 border-transparent aria-[current=true]:border-indigo-600 focus-visible:outline-2 focus-visible:outline-indigo-500"
              >
                <Picture
                  name={name}
                  image={image}
                  index={i}
                  department={department}
                />
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function Picture({
  name,
  image,
  index,
  department,
  alt,
}: {
  name: string;
  image: ProductImage | undefined;
  index: number;
  department?: string;
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
      name={name}
      categorySlug={department}
      index={index}
      decorative={!alt}
      label={alt && `Ilustración de ${alt}`}
      className="aspect-square w-full"
    />
  );
}
