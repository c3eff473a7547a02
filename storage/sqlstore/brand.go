package sqlstore

import (
	"context"
	"fmt"
	"time"

	"github.com/jmoiron/sqlx"

	"github.com/ecommerce-moderno/moderno/catalog"
	"github.com/ecommerce-moderno/moderno/commerce"
)

const brandCols = "id, name, slug, created_at, updated_at"

type brandRow struct {
	ID        int64     `db:"id"`
	Name      string    `db:"name"`
	Slug      string    `db:"slug"`
	CreatedAt time.Time `db:"created_at"`
	UpdatedAt time.Time `db:"updated_at"`
}

func (r brandRow) brand() catalog.Brand {
	return catalog.Brand{ID: commerce.BrandID(r.ID), Name: r.Name, Slug: r.Slug,
		CreatedAt: r.CreatedAt, UpdatedAt: r.UpdatedAt}
}

// CreateBrand stores a new brand and sets its ID and times. It returns
// KindConflict for a taken slug.
func (db *DB) CreateBrand(ctx context.Context, b *catalog.Brand) error {
	const op = "create brand"
	now := db.now()
	return db.inTx(ctx, func(tx *sqlx.Tx) error {
		res, err := tx.ExecContext(ctx, `INSERT INTO brands (name, slug, search_name, created_at,
			updated_at) VALUES (?, ?, ?, ?, ?)`, b.Name, b.Slug, fold(b.Name), now, now)
		if err != nil {
			return db.writeError(ctx, tx, op, err)
		}
		id, err := res.LastInsertId()
		if err != nil {
			return fmt.Errorf("%s: %w", op, err)
		}
		b.ID, b.CreatedAt, b.UpdatedAt = commerce.BrandID(id), now, now
		return nil
	})
}

// UpdateBrand stores every field of a brand. It returns KindNotFound and
// KindConflict for a taken slug.
func (db *DB) UpdateBrand(ctx context.Context, b *catalog.Brand) error {
	const op = "update brand"
	now := db.now()
	return db.inTx(ctx, func(tx *sqlx.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE brands SET name = ?, slug = ?, search_name = ?,
			updated_at = ? WHERE id = ?`, b.Name, b.Slug, fold(b.Name), now, b.ID)
		if err != nil {
			return db.writeError(ctx, tx, op, err)
		}
		b.UpdatedAt = now
		return mustAffect(op, "marca", res)
	})
}

// DeleteBrand removes a brand; the schema leaves its products without one.
// It returns KindNotFound.
func (db *DB) DeleteBrand(ctx context.Context, id commerce.BrandID) error {
	const op = "delete brand"
	return db.inTx(ctx, func(tx *sqlx.Tx) error {
		res, err := tx.ExecContext(ctx, "DELETE FROM brands WHERE id = ?", id)
		if err != nil {
			return db.writeError(ctx, tx, op, err)
		}
		return mustAffect(op, "marca", res)
	})
}

// Brand returns a brand by id. It returns KindNotFound.
func (db *DB) Brand(ctx context.Context, id commerce.BrandID) (catalog.Brand, error) {
	return db.brandWhere(ctx, "id = ?", id)
}

// BrandBySlug returns a brand by slug. It returns KindNotFound.
func (db *DB) BrandBySlug(ctx context.Context, slug string) (catalog.Brand, error) {
	return db.brandWhere(ctx, "slug = ?", slug)
}

func (db *DB) brandWhere(ctx context.Context, where string, arg any) (catalog.Brand, error) {
	var r brandRow
	err := db.read.GetContext(ctx, &r, "SELECT "+brandCols+" FROM brands WHERE "+where, arg)
	if err != nil {
		return catalog.Brand{}, readError("brand", "marca", err)
	}
	return r.brand(), nil
}

// Brands returns every brand ordered by name, then id.
func (db *DB) Brands(ctx context.Context) ([]catalog.Brand, error) {
	var rows []brandRow
	err := db.read.SelectContext(ctx, &rows, "SELECT "+brandCols+" FROM brands ORDER BY name, id")
	if err != nil {
		return nil, fmt.Errorf("brands: %w", err)
	}
	out := make([]catalog.Brand, len(rows))
	for i, r := range rows {
		out[i] = r.brand()
	}
	return out, nil
}
