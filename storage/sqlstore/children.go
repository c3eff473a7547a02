package sqlstore

import (
	"context"
	"fmt"
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
	p.Images, p.Attributes = []catalog.Image{}, []catalog.Attribute{}
	err := db.read.SelectContext(ctx, &p.Images, `SELECT url, alt FROM product_images
		WHERE product_id = ? ORDER BY position`, p.ID)
	if err != nil {
		return fmt.Errorf("images: %w", err)
	}
	err = db.read.SelectContext(ctx, &p.Attributes, `SELECT name, value
		FROM product_attributes WHERE product_id = ? ORDER BY position`, p.ID)
	if err != nil {
		return fmt.Errorf("attributes: %w", err)
	}
	return db.readVariants(ctx, p)
}

func (db *DB) readVariants(ctx context.Context, p *catalog.Product) error {
	var rows []variantRow
	err := db.read.SelectContext(ctx, &rows, `SELECT id, product_id, sku, name, price,
		compare_price, cost_price, weight, barcode, active, created_at, updated_at
		FROM product_variants WHERE product_id = ? ORDER BY position, id`, p.ID)
	if err != nil {
		return fmt.Errorf("variants: %w", err)
	}
	var opts []struct {
		VariantID int64 `db:"variant_id"`
		catalog.Option
	}
	err = db.read.SelectContext(ctx, &opts, `SELECT o.variant_id, o.name, o.value
		FROM variant_options o JOIN product_variants v ON v.id = o.variant_id
		WHERE v.product_id = ? ORDER BY o.variant_id, o.position`, p.ID)
	if err != nil {
		return fmt.Errorf("variant options: %w", err)
	}
	avail, err := db.variantAvailability(ctx, p.ID)
	if err != nil {
		return err
	}
	p.Variants = make([]catalog.Variant, len(rows))
	index := make(map[int64]*catalog.Variant, len(rows))
	for i, r := range rows {
		p.Variants[i] = r.variant(p.Price.Currency())
		p.Variants[i].Available = avail[r.ID]
		index[r.ID] = &p.Variants[i]
	}
	for _, o := range opts {
		v := index[o.VariantID]
		v.Options = append(v.Options, o.Option)
	}
	return nil
}

// variantAvailability sums the sellable units of each variant of a product
// over every warehouse.
func (db *DB) variantAvailability(ctx context.Context,
	id commerce.ProductID) (map[int64]int, error) {
	var rows []struct {
		VariantID int64 `db:"variant_id"`
		N         int   `db:"n"`
	}
	err := db.read.SelectContext(ctx, &rows, `SELECT variant_id,
		SUM(quantity - reserved_quantity) AS n FROM inventory
		WHERE product_id = ? AND variant_id IS NOT NULL GROUP BY variant_id`, id)
	if err != nil {
		return nil, fmt.Errorf("variant stock: %w", err)
	}
	avail := make(map[int64]int, len(rows))
	for _, r := range rows {
		avail[r.VariantID] = r.N
	}
	return avail, nil
}
