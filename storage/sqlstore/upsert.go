package sqlstore

import (
	"context"
	"fmt"
	"strconv"
	"time"

	"github.com/jmoiron/sqlx"

	"github.com/ecommerce-moderno/moderno/catalog"
	"github.com/ecommerce-moderno/moderno/commerce"
)

// upsertBatch is how many products one import transaction writes: large
// enough to amortise the commit, small enough not to hold the write lock
// for long.
const upsertBatch = 500

// productUpdateCols are what an upsert changes in an existing product: all
// but its SKU, which matched, its slug, which links keep using, and its
// creation time.
var productUpdateCols = productWriteCols[2 : len(productWriteCols)-2]

// UpsertProducts creates or updates products by SKU, in transactions of a
// few hundred, and sets each product's and variant's ID. An existing
// product keeps its slug; a new product whose slug another SKU holds gets
// the slug with its SKU appended, then a counter. A SKU appearing twice is
// written once, as its last occurrence says.
func (db *DB) UpsertProducts(ctx context.Context,
	ps []catalog.Product) (catalog.UpsertResult, error) {
	var total catalog.UpsertResult
	for start := 0; start < len(ps); start += upsertBatch {
		batch := ps[start:min(start+upsertBatch, len(ps))]
		var res catalog.UpsertResult
		err := db.inTx(ctx, func(tx *sqlx.Tx) (err error) {
			res, err = db.upsertBatch(ctx, tx, batch)
			return err
		})
		if err != nil {
			return total, err
		}
		total.Created += res.Created
		total.Updated += res.Updated
	}
	return total, db.analyze(ctx, len(ps))
}

func (db *DB) upsertBatch(ctx context.Context, tx *sqlx.Tx,
	batch []catalog.Product) (catalog.UpsertResult, error) {
	const op = "upsert products"
	now := db.now()
	uniq, last := lastBySKU(batch)
	var res catalog.UpsertResult
	existing, err := productsBySKU(ctx, tx, uniq)
	if err != nil {
		return res, fmt.Errorf("%s: %w", op, err)
	}
	rows := make([][]any, len(uniq))
	var fresh []*catalog.Product
	for _, p := range uniq {
		if old, ok := existing[p.SKU]; ok {
			p.Slug = old.Slug
			res.Updated++
		} else {
			fresh = append(fresh, p)
			res.Created++
		}
	}
	if err := resolveSlugs(ctx, tx, fresh); err != nil {
		return res, fmt.Errorf("%s: %w", op, err)
	}
	for i, p := range uniq {
		if rows[i], err = productValues(p, now); err != nil {
			return res, fmt.Errorf("%s: %w", op, err)
		}
	}
	err = insertRows(ctx, tx, "products", productWriteCols, rows,
		db.dialect.Upsert([]string{"sku"}, productUpdateCols))
	if err != nil {
		return res, db.writeError(ctx, tx, op, err, batchRefs(uniq)...)
	}
	if err := setProductIDs(ctx, tx, uniq, now); err != nil {
		return res, fmt.Errorf("%s: %w", op, err)
	}
	if err := db.writeChildren(ctx, tx, op, uniq, now); err != nil {
		return res, err
	}
	for i := range batch {
		batch[i].ID = last[batch[i].SKU].ID
	}
	return res, nil
}

// lastBySKU returns the products of the batch to write, one per SKU, the
// last occurrence winning.
func lastBySKU(batch []catalog.Product) ([]*catalog.Product, map[string]*catalog.Product) {
	last := make(map[string]*catalog.Product, len(batch))
	for i := range batch {
		last[batch[i].SKU] = &batch[i]
	}
	uniq := make([]*catalog.Product, 0, len(last))
	for i := range batch {
		if last[batch[i].SKU] == &batch[i] {
			uniq = append(uniq, &batch[i])
		}
	}
	return uniq, last
}

type skuRow struct {
	ID        int64     `db:"id"`
	SKU       string    `db:"sku"`
	Slug      string    `db:"slug"`
	CreatedAt time.Time `db:"created_at"`
}

func productsBySKU(ctx context.Context, tx *sqlx.Tx,
	ps []*catalog.Product) (map[string]skuRow, error) {
	skus := make([]string, len(ps))
	for i, p := range ps {
		skus[i] = p.SKU
	}
	var rows []skuRow
	err := selectIn(ctx, tx, &rows, "SELECT id, sku, slug, created_at FROM products "+
		"WHERE sku IN ", skus)
	if err != nil {
		return nil, err
	}
	bySKU := make(map[string]skuRow, len(rows))
	for _, r := range rows {
		bySKU[r.SKU] = r
	}
	return bySKU, nil
}

func setProductIDs(ctx context.Context, tx *sqlx.Tx, ps []*catalog.Product,
	now time.Time) error {
	stored, err := productsBySKU(ctx, tx, ps)
	if err != nil {
		return err
	}
	for _, p := range ps {
		r := stored[p.SKU]
		p.ID, p.CreatedAt, p.UpdatedAt = commerce.ProductID(r.ID), r.CreatedAt, now
	}
	return nil
}

// resolveSlugs gives each new product a slug no other product holds:
// its own, else with its SKU appended, else with a counter after that.
func resolveSlugs(ctx context.Context, tx *sqlx.Tx, fresh []*catalog.Product) error {
	var candidates []string
	for _, p := range fresh {
		candidates = append(candidates, p.Slug, withSKU(p))
	}
	var takenList []string
	err := selectIn(ctx, tx, &takenList, "SELECT slug FROM products WHERE slug IN ", candidates)
	if err != nil {
		return err
	}
	taken := make(map[string]bool, len(takenList))
	for _, s := range takenList {
		taken[s] = true
	}
	for _, p := range fresh {
		slug, err := freeSlug(ctx, tx, p, taken)
		if err != nil {
			return err
		}
		p.Slug, taken[slug] = slug, true
	}
	return nil
}

func freeSlug(ctx context.Context, tx *sqlx.Tx, p *catalog.Product,
	taken map[string]bool) (string, error) {
	if !taken[p.Slug] {
		return p.Slug, nil
	}
	base := withSKU(p)
	if !taken[base] {
		return base, nil
	}
	for n := 2; ; n++ {
		slug := base + "-" + strconv.Itoa(n)
		if taken[slug] {
			continue
		}
		var found int
		err := tx.GetContext(ctx, &found, "SELECT COUNT(*) FROM products WHERE slug = ?", slug)
		if err != nil || found == 0 {
			return slug, err
		}
		taken[slug] = true
	}
}

// withSKU returns the product's slug with its SKU appended, within the
// 255 characters a slug may have.
func withSKU(p *catalog.Product) string {
	sku := catalog.Slugify(p.SKU)
	if sku == "" {
		sku = "sku"
	}
	suffix := "-" + sku
	base := p.Slug
	if len(base)+len(suffix) > 240 {
		base = base[:240-len(suffix)]
	}
	return base + suffix
}

// batchRefs lists every distinct category and brand a batch points at.
func batchRefs(ps []*catalog.Product) []ref {
	seen := map[string]bool{}
	var refs []ref
	for _, p := range ps {
		for _, r := range productRefs(p) {
			key := r.field + fmt.Sprint(r.args...)
			if !seen[key] {
				seen[key] = true
				refs = append(refs, r)
			}
		}
	}
	return refs
}
