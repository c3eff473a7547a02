package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/jmoiron/sqlx"

	"github.com/ecommerce-moderno/moderno/catalog"
	"github.com/ecommerce-moderno/moderno/commerce"
)

const categoryCols = `id, parent_id, name, slug, description, image_url, active, sort_order,
	created_at, updated_at`

type categoryRow struct {
	ID          int64         `db:"id"`
	ParentID    sql.NullInt64 `db:"parent_id"`
	Name        string        `db:"name"`
	Slug        string        `db:"slug"`
	Description string        `db:"description"`
	ImageURL    string        `db:"image_url"`
	Active      bool          `db:"active"`
	SortOrder   int           `db:"sort_order"`
	CreatedAt   time.Time     `db:"created_at"`
	UpdatedAt   time.Time     `db:"updated_at"`
}

func (r categoryRow) category() catalog.Category {
	return catalog.Category{ID: commerce.CategoryID(r.ID),
		ParentID: commerce.CategoryID(r.ParentID.Int64), Name: r.Name, Slug: r.Slug,
		Description: r.Description, ImageURL: r.ImageURL, Active: r.Active,
		SortOrder: r.SortOrder, CreatedAt: r.CreatedAt, UpdatedAt: r.UpdatedAt}
}

// CreateCategory stores a new category, links it below its parent in the
// closure table and sets its ID and times. It returns KindConflict for a
// taken slug and KindInvalid for a missing parent.
func (db *DB) CreateCategory(ctx context.Context, c *catalog.Category) error {
	const op = "create category"
	now := db.now()
	return db.inTx(ctx, func(tx *sqlx.Tx) error {
		res, err := tx.ExecContext(ctx, `INSERT INTO categories (parent_id, name, slug,
			description, image_url, active, sort_order, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, nullID(c.ParentID), c.Name, c.Slug,
			c.Description, c.ImageURL, c.Active, c.SortOrder, now, now)
		if err != nil {
			return db.writeError(ctx, tx, op, err, parentRef(c.ParentID))
		}
		id, err := res.LastInsertId()
		if err != nil {
			return fmt.Errorf("%s: %w", op, err)
		}
		if err := linkCategory(ctx, tx, id, int64(c.ParentID)); err != nil {
			return fmt.Errorf("%s: %w", op, err)
		}
		c.ID, c.CreatedAt, c.UpdatedAt = commerce.CategoryID(id), now, now
		return nil
	})
}

// UpdateCategory stores every field of a category, moving its subtree in
// the closure table when the parent changed. It returns KindNotFound,
// KindConflict for a taken slug and KindInvalid for a missing parent or one
// inside the category's own subtree.
func (db *DB) UpdateCategory(ctx context.Context, c *catalog.Category) error {
	const op = "update category"
	now := db.now()
	return db.inTx(ctx, func(tx *sqlx.Tx) error {
		var old sql.NullInt64
		err := tx.GetContext(ctx, &old, "SELECT parent_id FROM categories WHERE id = ?", c.ID)
		if err != nil {
			return readError(op, "categoría", err)
		}
		_, err = tx.ExecContext(ctx, `UPDATE categories SET parent_id = ?, name = ?, slug = ?,
			description = ?, image_url = ?, active = ?, sort_order = ?, updated_at = ?
			WHERE id = ?`, nullID(c.ParentID), c.Name, c.Slug, c.Description, c.ImageURL,
			c.Active, c.SortOrder, now, c.ID)
		if err != nil {
			return db.writeError(ctx, tx, op, err, parentRef(c.ParentID))
		}
		if old.Int64 != int64(c.ParentID) {
			if err := moveSubtree(ctx, tx, op, int64(c.ID), int64(c.ParentID)); err != nil {
				return err
			}
		}
		c.UpdatedAt = now
		return nil
	})
}

// DeleteCategory removes a category; its children become roots. It returns
// KindNotFound, and KindConflict while products belong to it.
func (db *DB) DeleteCategory(ctx context.Context, id commerce.CategoryID) error {
	const op = "delete category"
	return db.inTx(ctx, func(tx *sqlx.Tx) error {
		var n int
		err := tx.GetContext(ctx, &n, "SELECT COUNT(*) FROM products WHERE category_id = ?", id)
		if err != nil {
			return fmt.Errorf("%s: %w", op, err)
		}
		if n > 0 {
			return commerce.Errorf(commerce.KindConflict, op,
				"la categoría tiene %d productos", n)
		}
		var children []int64
		err = tx.SelectContext(ctx, &children, "SELECT id FROM categories WHERE parent_id = ?", id)
		if err != nil {
			return fmt.Errorf("%s: %w", op, err)
		}
		for _, child := range children {
			if err := moveSubtree(ctx, tx, op, child, 0); err != nil {
				return err
			}
		}
		res, err := tx.ExecContext(ctx, "DELETE FROM categories WHERE id = ?", id)
		if err != nil {
			return db.writeError(ctx, tx, op, err)
		}
		return mustAffect(op, "categoría", res)
	})
}

// Category returns a category by id. It returns KindNotFound.
func (db *DB) Category(ctx context.Context, id commerce.CategoryID) (catalog.Category, error) {
	return db.categoryWhere(ctx, "id = ?", id)
}

// CategoryBySlug returns a category by slug. It returns KindNotFound.
func (db *DB) CategoryBySlug(ctx context.Context, slug string) (catalog.Category, error) {
	return db.categoryWhere(ctx, "slug = ?", slug)
}

func (db *DB) categoryWhere(ctx context.Context, where string,
	arg any) (catalog.Category, error) {
	var r categoryRow
	err := db.read.GetContext(ctx, &r, "SELECT "+categoryCols+" FROM categories WHERE "+where, arg)
	if err != nil {
		return catalog.Category{}, readError("category", "categoría", err)
	}
	return r.category(), nil
}

// Categories returns every category ordered by sort order, name and id.
func (db *DB) Categories(ctx context.Context) ([]catalog.Category, error) {
	var rows []categoryRow
	err := db.read.SelectContext(ctx, &rows, "SELECT "+categoryCols+
		" FROM categories ORDER BY sort_order, name, id")
	if err != nil {
		return nil, fmt.Errorf("categories: %w", err)
	}
	out := make([]catalog.Category, len(rows))
	for i, r := range rows {
		out[i] = r.category()
	}
	return out, nil
}

// CategoryProductCounts returns, per category, how many active products
// belong to it directly.
func (db *DB) CategoryProductCounts(ctx context.Context) (map[commerce.CategoryID]int, error) {
	var rows []struct {
		ID int64 `db:"category_id"`
		N  int   `db:"n"`
	}
	err := db.read.SelectContext(ctx, &rows, `SELECT category_id, COUNT(*) AS n
		FROM products WHERE active = 1 GROUP BY category_id`)
	if err != nil {
		return nil, fmt.Errorf("category product counts: %w", err)
	}
	counts := make(map[commerce.CategoryID]int, len(rows))
	for _, r := range rows {
		counts[commerce.CategoryID(r.ID)] = r.N
	}
	return counts, nil
}

func parentRef(id commerce.CategoryID) ref {
	return refTo("parent_id", "categories", int64(id))
}
