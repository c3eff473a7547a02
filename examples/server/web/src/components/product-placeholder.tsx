import { useId } from 'react';

import { iconFor, iconPath } from '@/lib/category-icons';
import { initials, placeholderHue } from '@/lib/placeholder-art';

interface Props {
  name: string;
  /** Left out of the initials when the name starts with it. */
  brand?: string;
  /** The product's department: the icon and the family of colours. */
  department?: string;
  /** The product's own category: a shade within the department's colours. */
  category?: string;
  /** Hidden from screen readers when the name is already next to it. */
  decorative?: boolean;
  /** What a screen reader says; by default, that it draws the product. */
  label?: string;
  /** A variation for the n-th picture of a gallery. */
  index?: number;
  className?: string;
}

/**
 * ProductPlaceholder draws a product picture from its name and category:
 * the demo sources ship no images and the store never loads remote ones.
 */
export function ProductPlaceholder({
  name,
  brand,
  department,
  category,
  decorative = false,
  label,
  index = 0,
  className,
}: Props) {
  const gradient = `g${useId().replace(/[^\w-]/g, '')}`;
  const hue = (placeholderHue(department, category ?? name) + index * 40) % 360;
  const a11y = decorative
    ? { 'aria-hidden': true }
    : { role: 'img', 'aria-label': label ?? `Ilustración de ${name}` };

  return (
    <svg viewBox="0 0 400 400" className={className} {...a11y}>
      <defs>
        <linearGradient id={gradient} x1="0" y1="0" x2="1" y2="1">
          <stop offset="0" stopColor={`hsl(${hue} 70% 94%)`} />
          <stop offset="1" stopColor={`hsl(${(hue + 35) % 360} 65% 82%)`} />
        </linearGradient>
      </defs>
      <rect width="400" height="400" fill={`url(#${gradient})`} />
      <g
        transform="translate(236 236) scale(6.5)"
        fill="none"
        stroke={`hsl(${hue} 40% 40% / 0.18)`}
        strokeWidth={1.4}
        strokeLinecap="round"
        strokeLinejoin="round"
      >
        <path d={iconPath(iconFor(department ?? category))} />
      </g>
      <text
        x="200"
        y="200"
        dominantBaseline="central"
        textAnchor="middle"
        fontFamily="ui-sans-serif, system-ui, sans-serif"
        fontSize="112"
        fontWeight="700"
        fill={`hsl(${hue} 45% 28%)`}
      >
        {initials(name, brand) || '?'}
      </text>
    </svg>
  );
}
