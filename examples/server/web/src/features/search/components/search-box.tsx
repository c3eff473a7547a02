import { useId, useRef, useState } from 'react';
import type { FormEvent, KeyboardEvent } from 'react';
import { useNavigate } from 'react-router';

import { paths } from '@/config/paths';
import { useDebouncedValue } from '@/hooks/use-debounced-value';

import { useSuggestions } from '../api/get-suggestions';
import type { Suggestion } from '../api/get-suggestions';

/**
 * SearchBox is the header's search: a combobox (WAI-ARIA 1.2) that
 * completes product names and categories as the shopper types, and goes to
 * the results page on Enter.
 */
export function SearchBox({ initial = '' }: { initial?: string }) {
  const id = useId();
  const listId = `${id}-list`;
  const navigate = useNavigate();
  const input = useRef<HTMLInputElement>(null);
  const [text, setText] = useState(initial);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const prefix = useDebouncedValue(text.trim(), 200);
  const suggestions = useSuggestions(open ? prefix : '');
  const options: Suggestion[] =
    open && prefix === text.trim() ? (suggestions.data ?? []) : [];
  const expanded = options.length > 0;

  function go(q: string) {
    setOpen(false);
    setActive(-1);
    setText(q);
    navigate(q ? `${paths.search}?q=${encodeURIComponent(q)}` : paths.search);
  }

  function pick(s: Suggestion) {
    if (s.kind === 'category') {
      setOpen(false);
      setActive(-1);
      navigate(
        `${paths.search}?${new URLSearchParams({ categoria: slugOf(s) })}`,
      );
      return;
    }
    go(s.text);
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const chosen = options[active];
    if (expanded && chosen) pick(chosen);
    else go(text.trim());
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        setOpen(true);
        if (expanded) setActive((i) => (i + 1) % options.length);
        break;
      case 'ArrowUp':
        event.preventDefault();
        if (expanded) setActive((i) => (i <= 0 ? options.length - 1 : i - 1));
        break;
      case 'Escape':
        if (expanded) {
          event.preventDefault();
          setOpen(false);
          setActive(-1);
        } else {
          setText('');
        }
        break;
    }
  }

  return (
    <form
      role="search"
      onSubmit={submit}
      className="relative flex w-full max-w-xl"
    >
      <label htmlFor={id} className="sr-only">
        Buscar productos
      </label>
      <input
        ref={input}
        id={id}
        name="q"
        type="text"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={
          expanded && active >= 0 ? `${listId}-${active}` : undefined
        }
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(false)}
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
      <ul
        id={listId}
        role="listbox"
        aria-label="Sugerencias"
        hidden={!expanded}
        className="absolute top-full right-0 left-0 z-50 mt-1 max-h-80 overflow-auto rounded-lg border border-slate-200 bg-white py-1 shadow-lg"
      >
        {options.map((s, i) => (
          <li
            key={`${s.kind}-${s.id}`}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === active}
            // Keep the focus in the input: pick on mouse down, before blur.
            onMouseDown={(e) => {
              e.preventDefault();
              pick(s);
            }}
            onMouseEnter={() => setActive(i)}
            className="flex cursor-pointer items-baseline justify-between gap-3 px-3 py-2 text-sm text-slate-800 aria-selected:bg-indigo-50 aria-selected:text-indigo-900"
          >
            <span className="truncate">{s.text}</span>
            {s.kind === 'category' && (
              <span className="shrink-0 text-xs text-slate-500">Categoría</span>
            )}
          </li>
        ))}
      </ul>
    </form>
  );
}

/** The slug of a category suggestion: its id, which the API takes too. */
function slugOf(s: Suggestion): string {
  return String(s.id);
}
