import { useId } from 'react';
import type { FormEvent } from 'react';
import { useLocation, useNavigate, useSearchParams } from 'react-router';

import { paths } from '@/config/paths';

/** SearchForm searches the whole catalog by words. */
export function SearchForm() {
  const id = useId();
  const navigate = useNavigate();
  const location = useLocation();
  const [params] = useSearchParams();
  const current =
    location.pathname === paths.catalog ? (params.get('q') ?? '') : '';

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const q = new FormData(event.currentTarget).get('q')?.toString().trim();
    navigate(q ? `${paths.catalog}?q=${encodeURIComponent(q)}` : paths.catalog);
  }

  return (
    <form role="search" onSubmit={submit} className="flex w-full max-w-xl">
      <label htmlFor={id} className="sr-only">
        Buscar productos
      </label>
      <input
        key={current}
        id={id}
        name="q"
        type="search"
        defaultValue={current}
        placeholder="¿Qué estás buscando?"
        autoComplete="off"
        maxLength={200}
        className="min-w-0 flex-1 rounded-l-lg border border-slate-300 bg-white px-3 py-2 text-sm focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500 focus:outline-none"
      />
      <button
        type="submit"
        className="rounded-r-lg bg-indigo-600 px-4 text-sm font-semibold text-white hover:bg-indigo-700"
      >
        Buscar
      </button>
    </form>
  );
}
