package sqlstore

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/jmoiron/sqlx"

	"github.com/ecommerce-moderno/moderno/catalog"
	"github.com/ecommerce-moderno/moderno/commerce"
)

// writeChildren replaces the images, attributes and variants of products
// whose rows are already written.
func (db *DB) writeChildren(ctx context.Context, tx *sqlx.Tx, op string,
	ps []*catalog.Product, now time.Time) error {
	ids := productIDs(ps)
	var images, attrs [][]any
	for _, p := range ps {
		for i, img := range p.Images {
			images = append(images, []any{p.ID, i, img.URL, img.Alt})
		}
		for i, a := range p.Attributes {
			attrs = append(attrs, []any{p.ID, i, a.Name, a.Value})
		}
	}
	for _, t := range []struct {
		table string
		cols  []string
		rows  [][]any
	}{
		{"product_images", []string{"product_id", "position", "url", "alt"}, images},
		{"product_attributes", []string{"product_id", "position", "name", "value"}, attrs},
	} {
		err := execIn(ctx, tx, "DELETE FROM "+t.table+" WHERE product_id IN ", ids)
		if err == nil {
			err = insertRows(ctx, tx, t.table, t.cols, t.rows, "")
		}
		if err != nil {
			return fmt.Errorf("%s: %w", op, err)
		}
	}
	return db.replaceVariants(ctx, tx, op, ps, now)
}

// readChildren fills a product's images, attributes and variants.
func (db *DB) readChildren(ctx context.Context, p *catalog.Product) error {
	return db.readChildrenOf(ctx, []*catalog.Product{p})
}

// childRow is an image or attribute row: a name and a value (url and alt
// for images) at a position of a product.
type childRow struct {
	ProductID int64  `db:"product_id"`
	Position  int    `db:"position"`
	A         string `db:"a"`
	B         string `db:"b"`
}

func (r childRow) compare(o childRow) int {
	return cmp.Or(cmp.Compare(r.ProductID, o.ProductID), cmp.Compare(r.Position, o.Position))
}

// readChildrenOf fills the images, attributes and variants of products
// with a few queries for all of them.
func (db *DB) readChildrenOf(ctx context.Context, ps []*catalog.Product) error {
	byID := make(map[commerce.ProductID]*catalog.Product, len(ps))
	for _, p := range ps {
		p.Images, p.Attributes = []catalog.Image{}, []catalog.Attribute{}
		byID[p.ID] = p
	}
	ids := productIDs(ps)
	var images, attrs []childRow
	err := selectIn(ctx, db.read, &images, `SELECT product_id, position, url AS a, alt AS b
		FROM product_images WHERE product_id IN `, ids)
	if err != nil {
		return fmt.Errorf("images: %w", err)
	}
	err = selectIn(ctx, db.read, &attrs, `SELECT product_id, position, name AS a, value AS b
		FROM product_attributes WHERE product_id IN `, ids)
	if err != nil {
		return fmt.Errorf("attributes: %w", err)
	}
	slices.SortFunc(images, childRow.compare)
	slices.SortFunc(attrs, childRow.compare)
	for _, r := range images {
		p := byID[commerce.ProductID(r.ProductID)]
		p.Images = append(p.Images, catalog.Image{URL: r.A, Alt: r.B})
	}
	for _, r := range attrs {
		p := byID[commerce.ProductID(r.ProductID)]
		p.Attributes = append(p.Attributes, catalog.Attribute{Name: r.A, Value: r.B})
	}
	return db.readVariants(ctx, byID, ids)
}

type positionedVariant struct {
	variantRow
	Position int `db:"position"`
}

type optionRow struct {
	VariantID int64 `db:"variant_id"`
	Position  int   `db:"position"`
	catalog.Option
}

// readVariants fills the variants of products, with their options and the
// units each can sell over every warehouse.
func (db *DB) readVariants(ctx context.Context, byID map[commerce.ProductID]*catalog.Product,
	ids []int64) error {
	var rows []positionedVariant
	err := selectIn(ctx, db.read, &rows, `SELECT id, product_id, sku, name, price,
		compare_price, cost_price, weight, barcode, active, position, created_at, updated_at
		FROM product_variants WHERE product_id IN `, ids)
	if err != nil {
		return fmt.Errorf("variants: %w", err)
	}
	slices.SortFunc(rows, func(a, b positionedVariant) int {
		return cmp.Or(cmp.Compare(a.ProductID, b.ProductID), cmp.Compare(a.Position, b.Position),
			cmp.Compare(a.ID, b.ID))
	})
	var opts []optionRow
	err = selectIn(ctx, db.read, &opts, `SELECT o.variant_id, o.position, o.name, o.value
		FROM variant_options o JOIN product_variants v ON v.id = o.variant_id
		WHERE v.product_id IN `, ids)
	if err != nil {
		return fmt.Errorf("variant options: %w", err)
	}
	avail, err := db.variantAvailability(ctx, ids)
	if err != nil {
		return err
	}
	for _, p := range byID {
		p.Variants = []catalog.Variant{}
	}
	for _, r := range rows {
		p := byID[commerce.ProductID(r.ProductID)]
		v := r.variant(p.Price.Currency())
		v.Available = avail[r.ID]
		p.Variants = append(p.Variants, v)
	}
	index := make(map[int64]*catalog.Variant, len(rows))
	for _, p := range byID {
		for i := range p.Variants {
			index[int64(p.Variants[i].ID)] = &p.Variants[i]
		}
	}
	slices.SortFunc(opts, func(a, b optionRow) int {
		return cmp.Or(cmp.Compare(a.VariantID, b.VariantID), cmp.Compare(a.Position, b.Position))
	})
	for _, o := range opts {
		v := index[o.VariantID]
		v.Options = append(v.Options, o.Option)
	}
	return nil
}

// variantAvailability sums the sellable units of each variant of the
// products over every warehouse.
func (db *DB) variantAvailability(ctx context.Context, ids []int64) (map[int64]int, error) {
	var rows []struct {
		VariantID int64 `db:"variant_id"`
		N         int   `db:"n"`
	}
	err := selectIn(ctx, db.read, &rows, `SELECT variant_id,
		quantity - reserved_quantity AS n FROM inventory
		WHERE variant_id IS NOT NULL AND product_id IN `, ids)
	if err != nil {
		return nil, fmt.Errorf("variant stock: %w", err)
	}
	avail := make(map[int64]int, len(rows))
	for _, r := range rows {
		avail[r.VariantID] += r.N
	}
	return avail, nil
}
