import { Link } from 'react-router';

/** PageLinks goes to the previous and next pages of a list. */
export function PageLinks({
  page,
  pages,
  href,
}: {
  page: number;
  pages: number;
  href: (page: number) => string;
}) {
  if (pages <= 1) return null;
  const link =
    'rounded-md border border-slate-300 bg-white px-3 py-1.5 hover:bg-slate-50';
  return (
    <nav
      aria-label="Paginación"
      className="mt-6 flex items-center justify-center gap-3 text-sm"
    >
      {page > 1 && (
        <Link to={href(page - 1)} rel="prev" className={link}>
          ‹ Anterior
        </Link>
      )}
      <span>
        Página {page} de {pages}
      </span>
      {page < pages && (
        <Link to={href(page + 1)} rel="next" className={link}>
          Siguiente ›
        </Link>
      )}
    </nav>
  );
}
