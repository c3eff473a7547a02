import { iconPath } from '@/lib/category-icons';
import type { IconName } from '@/lib/category-icons';

/** CategoryIcon draws an icon as decoration: it is hidden from readers. */
export function CategoryIcon({
  name,
  className = 'size-6',
}: {
  name: IconName;
  className?: string;
}) {
  return (
    <svg
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.6}
      strokeLinecap="round"
      strokeLinejoin="round"
      className={className}
      aria-hidden="true"
      focusable="false"
    >
      <path d={iconPath(name)} />
    </svg>
  );
}
