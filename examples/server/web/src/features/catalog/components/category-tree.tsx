import { useId, useState } from 'react';
import { Link } from 'react-router';

import { paths } from '@/config/paths';
import type { CategoryNode } from '@/types/api';

interface Props {
  tree: CategoryNode[];
  /** The slugs from the root to the current category. */
  activePath: string[];
  /** The query string the links keep (filters without the page). */
  search: string;
}

/** CategoryTree lists the categories, the current branch open. */
export function CategoryTree({ tree, activePath, search }: Props) {
  return (
    <nav aria-label="Categorías del catálogo">
      <h3 className="mb-2 text-sm font-semibold text-slate-900">Categorías</h3>
      <Link
        to={`${paths.catalog}${search}`}
        aria-current={activePath.length === 0 ? 'page' : undefined}
        className="block rounded px-2 py-1 text-sm text-slate-700 hover:bg-slate-100 aria-[current=page]:font-semibold aria-[current=page]:text-indigo-800"
      >
        Todas las categorías
      </Link>
      <Branch nodes={tree} activePath={activePath} search={search} depth={0} />
    </nav>
  );
}

interface Level {
  activePath: string[];
  search: string;
  depth: number;
}

function Branch({
  nodes,
  activePath,
  search,
  depth,
}: Level & { nodes: CategoryNode[] }) {
  return (
    <ul className={depth > 0 ? 'ml-3 border-l border-slate-200 pl-1' : ''}>
      {nodes.map((node) => (
        <Item
          key={node.id}
          node={node}
          activePath={activePath}
          search={search}
          depth={depth}
        />
      ))}
    </ul>
  );
}

function Item({
  node,
  activePath,
  search,
  depth,
}: Level & { node: CategoryNode }) {
  const id = useId();
  const onPath = activePath[depth] === node.slug;
  const current = onPath && activePath.length === depth + 1;
  const children = node.children ?? [];
  const [open, setOpen] = useState(onPath);
  const expanded = open || onPath;

  return (
    <li>
      <div className="flex items-center">
        <Link
          to={`${paths.category(node.slug)}${search}`}
          aria-current={current ? 'page' : undefined}
          className={`flex flex-1 items-baseline justify-between gap-2 rounded px-2 py-1 text-sm hover:bg-slate-100 ${
            current
              ? 'font-semibold text-indigo-800'
              : onPath
                ? 'font-medium text-slate-900'
                : 'text-slate-700'
          }`}
        >
          <span>{node.name}</span>
          <span className="text-xs text-slate-500">
            {node.product_count.toLocaleString('es-CL')}
            <span className="sr-only"> productos</span>
          </span>
        </Link>
        {children.length > 0 && !onPath && (
          <button
            type="button"
            aria-expanded={expanded}
            aria-controls={expanded ? id : undefined}
            onClick={() => setOpen(!open)}
            className="ml-1 rounded p-1 text-slate-500 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-indigo-500"
          >
            <span aria-hidden="true">{expanded ? '−' : '+'}</span>
            <span className="sr-only">
              {expanded ? 'Ocultar' : 'Mostrar'} subcategorías de {node.name}
            </span>
          </button>
        )}
      </div>
      {children.length > 0 && expanded && (
        <div id={id}>
          <Branch
            nodes={children}
            activePath={activePath}
            search={search}
            depth={depth + 1}
          />
        </div>
      )}
    </li>
  );
}
