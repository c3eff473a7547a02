package sqlstore

import (
	"context"
	"fmt"
	"slices"

	"github.com/jmoiron/sqlx"

	"github.com/ecommerce-moderno/moderno/commerce"
)

// The closure table category_closure holds one row per ancestor and
// descendant pair, the category itself included at depth 0, so that "this
// category and every one below it" is a single indexed lookup. It is
// written in the same transaction as the categories it describes.

// linkCategory adds the rows of a new leaf below parent (0: a root).
func linkCategory(ctx context.Context, tx *sqlx.Tx, id, parent int64) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO category_closure (ancestor_id, descendant_id, depth)
		SELECT ancestor_id, ?, depth + 1 FROM category_closure WHERE descendant_id = ?
		UNION ALL SELECT ?, ?, 0`, id, parent, id, id)
	if err != nil {
		return fmt.Errorf("link category: %w", err)
	}
	return nil
}

// moveSubtree detaches the subtree rooted at id from its old ancestors and
// hangs it below parent (0: it becomes a root). A parent inside the subtree
// is refused with KindInvalid.
func moveSubtree(ctx context.Context, tx *sqlx.Tx, op string, id, parent int64) error {
	var subtree []int64
	err := tx.SelectContext(ctx, &subtree,
		"SELECT descendant_id FROM category_closure WHERE ancestor_id = ?", id)
	if err != nil {
		return fmt.Errorf("%s: %w", op, err)
	}
	if slices.Contains(subtree, parent) {
		return commerce.Invalid(op, commerce.FieldError{Field: "parent_id",
			Message: "una categoría no puede quedar dentro de sí misma"})
	}
	if err := unlinkSubtree(ctx, tx, subtree); err != nil {
		return fmt.Errorf("%s: %w", op, err)
	}
	if parent == 0 {
		return nil
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO category_closure (ancestor_id, descendant_id, depth)
		SELECT a.ancestor_id, s.descendant_id, a.depth + s.depth + 1
		FROM category_closure a, category_closure s
		WHERE a.descendant_id = ? AND s.ancestor_id = ?`, parent, id)
	if err != nil {
		return fmt.Errorf("%s: %w", op, err)
	}
	return nil
}

// unlinkSubtree deletes the rows joining the subtree to ancestors outside it.
func unlinkSubtree(ctx context.Context, tx *sqlx.Tx, subtree []int64) error {
	for start := 0; start < len(subtree); start += maxParams / 2 {
		chunk := subtree[start:min(start+maxParams/2, len(subtree))]
		inChunk, chunkArgs := inList(chunk)
		inAll, allArgs := inList(subtree)
		_, err := tx.ExecContext(ctx, "DELETE FROM category_closure WHERE descendant_id IN "+
			inChunk+" AND ancestor_id NOT IN "+inAll, append(chunkArgs, allArgs...)...)
		if err != nil {
			return fmt.Errorf("unlink subtree: %w", err)
		}
	}
	return nil
}
