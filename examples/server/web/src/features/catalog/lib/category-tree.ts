import type { CategoryNode } from '@/types/api';

/** The nodes from a root down to the category with this slug, or []. */
export function pathTo(tree: CategoryNode[], slug: string): CategoryNode[] {
  for (const node of tree) {
    if (node.slug === slug) return [node];
    const below = pathTo(node.children ?? [], slug);
    if (below.length > 0) return [node, ...below];
  }
  return [];
}

/** Maps every category id to the root (department) it belongs to. */
export function rootsById(tree: CategoryNode[]): Map<number, CategoryNode> {
  const roots = new Map<number, CategoryNode>();
  const visit = (node: CategoryNode, root: CategoryNode) => {
    roots.set(node.id, root);
    for (const child of node.children ?? []) visit(child, root);
  };
  for (const root of tree) visit(root, root);
  return roots;
}
