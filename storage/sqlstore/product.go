package sqlstore

import (
	"context"
	"fmt"
	"strings"

	"github.com/jmoiron/sqlx"

	"github.com/ecommerce-moderno/moderno/catalog"
	"github.com/ecommerce-moderno/moderno/commerce"
)

// CreateProduct stores a new product with its variants, images and
// attributes, and sets the IDs and times. It returns KindConflict for a
// taken slug or SKU and KindInvalid for a missing category or brand.
func (db *DB) CreateProduct(ctx context.Context, p *catalog.Product) error {
	const op = "create product"
	now := db.now()
	return db.inTx(ctx, func(tx *sqlx.Tx) error {
		vals, err := productValues(p, now)
		if err != nil {
			return fmt.Errorf("%s: %w", op, err)
		}
		res, err := tx.ExecContext(ctx, "INSERT INTO products ("+
			strings.Join(productWriteCols, ", ")+") VALUES ("+marks(len(vals))+")", vals...)
		if err != nil {
			return db.writeError(ctx, tx, op, err, productRefs(p)...)
		}
		id, err := res.LastInsertId()
		if err != nil {
			return fmt.Errorf("%s: %w", op, err)
		}
		p.ID, p.CreatedAt, p.UpdatedAt = commerce.ProductID(id), now, now
		return db.writeChildren(ctx, tx, op, []*catalog.Product{p}, now)
	})
}

// UpdateProduct stores every field of a product and replaces its variants,
// images and attributes; variants keep their IDs, and stock, by SKU. It
// returns KindNotFound and the errors of CreateProduct.
func (db *DB) UpdateProduct(ctx context.Context, p *catalog.Product) error {
	const op = "update product"
	now := db.now()
	return db.inTx(ctx, func(tx *sqlx.Tx) error {
		vals, err := productValues(p, now)
		if err != nil {
			return fmt.Errorf("%s: %w", op, err)
		}
		cols := productWriteCols[:len(productWriteCols)-2] // all but the times
		set := strings.Join(cols, " = ?, ") + " = ?, updated_at = ?"
		args := make([]any, 0, len(cols)+2)
		args = append(args, vals[:len(cols)]...)
		args = append(args, now, p.ID)
		res, err := tx.ExecContext(ctx, "UPDATE products SET "+set+" WHERE id = ?", args...)
		if err != nil {
			return db.writeError(ctx, tx, op, err, productRefs(p)...)
		}
		if err := mustAffect(op, "producto", res); err != nil {
			return err
		}
		p.UpdatedAt = now
		return db.writeChildren(ctx, tx, op, []*catalog.Product{p}, now)
	})
}

// DeleteProduct removes a product with its variants, stock levels and
// their history. It returns KindNotFound, and KindConflict while orders
// hold reserved units of it.
func (db *DB) DeleteProduct(ctx context.Context, id commerce.ProductID) error {
	const op = "delete product"
	return db.inTx(ctx, func(tx *sqlx.Tx) error {
		// The product's row first, as checkout takes it, so that no
		// reservation lands between the check and the delete.
		res, err := tx.ExecContext(ctx, "UPDATE products SET available = available WHERE id = ?",
			id)
		if err != nil {
			return fmt.Errorf("%s: %w", op, err)
		}
		if err := mustAffect(op, "producto", res); err != nil {
			return err
		}
		if err := refuseReserved(ctx, tx, op, "product_id", []int64{int64(id)}); err != nil {
			return err
		}
		// Stock rows go first and explicitly: MySQL fires no trigger for
		// rows removed by a cascade.
		for _, table := range []string{"stock_adjustments", "inventory"} {
			_, err := tx.ExecContext(ctx, "DELETE FROM "+table+" WHERE product_id = ?", id)
			if err != nil {
				return fmt.Errorf("%s: %w", op, err)
			}
		}
		res, err = tx.ExecContext(ctx, "DELETE FROM products WHERE id = ?", id)
		if err != nil {
			return db.writeError(ctx, tx, op, err)
		}
		return mustAffect(op, "producto", res)
	})
}

// Product returns a product by id with its variants, images and
// attributes. It returns KindNotFound.
func (db *DB) Product(ctx context.Context, id commerce.ProductID) (catalog.Product, error) {
	return db.productWhere(ctx, "p.id = ?", id)
}

// ProductBySlug returns a product by slug with its variants, images and
// attributes. It returns KindNotFound.
func (db *DB) ProductBySlug(ctx context.Context, slug string) (catalog.Product, error) {
	return db.productWhere(ctx, "p.slug = ?", slug)
}

func (db *DB) productWhere(ctx context.Context, where string, arg any) (catalog.Product, error) {
	const op = "product"
	var r productRow
	err := db.read.GetContext(ctx, &r, "SELECT "+productReadCols+" FROM products p WHERE "+
		where, arg)
	if err != nil {
		return catalog.Product{}, readError(op, "producto", err)
	}
	p, err := r.product()
	if err != nil {
		return p, fmt.Errorf("%s: %w", op, err)
	}
	if err := db.readChildren(ctx, &p); err != nil {
		return p, fmt.Errorf("%s: %w", op, err)
	}
	return p, nil
}

func productRefs(p *catalog.Product) []ref {
	refs := []ref{refTo("category_id", "categories", int64(p.CategoryID))}
	if p.BrandID != 0 {
		refs = append(refs, refTo("brand_id", "brands", int64(p.BrandID)))
	}
	return refs
}

// ProductsByID returns the products with the ids, with their variants,
// images and attributes, in the order of ids; missing ids are left out and
// repeated ones answered once. It reads a batch in a few queries, for
// imports and the search index.
func (db *DB) ProductsByID(ctx context.Context,
	ids []commerce.ProductID) ([]catalog.Product, error) {
	const op = "products by id"
	var rows []productRow
	err := selectIn(ctx, db.read, &rows, "SELECT "+productReadCols+
		" FROM products p WHERE p.id IN ", ids)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", op, err)
	}
	byID := make(map[commerce.ProductID]*catalog.Product, len(rows))
	ps := make([]*catalog.Product, 0, len(rows))
	for _, r := range rows {
		p, err := r.product()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", op, err)
		}
		byID[p.ID] = &p
		ps = append(ps, &p)
	}
	if err := db.readChildrenOf(ctx, ps); err != nil {
		return nil, fmt.Errorf("%s: %w", op, err)
	}
	out := make([]catalog.Product, 0, len(ps))
	for _, id := range ids {
		if p, ok := byID[id]; ok {
			out = append(out, *p)
			delete(byID, id)
		}
	}
	return out, nil
}

// ActiveProductIDs returns the ids of active products above after, in id
// order, at most limit of them: a walk of the whole catalog by key, for
// reindexing.
func (db *DB) ActiveProductIDs(ctx context.Context, after commerce.ProductID,
	limit int) ([]commerce.ProductID, error) {
	ids := []commerce.ProductID{}
	err := db.read.SelectContext(ctx, &ids, `SELECT id FROM products
		WHERE active = 1 AND id > ? ORDER BY id LIMIT ?`, after, limit)
	if err != nil {
		return nil, fmt.Errorf("active product ids: %w", err)
	}
	return ids, nil
}
