package sqlstore

import (
	"context"
	"fmt"
	"strings"

	"github.com/ecommerce-moderno/moderno/catalog"
)

// orders maps each listing order to its key and direction. Ties fall back
// to id in the direction of the key, so that an index can serve the whole
// order read forwards or backwards.
var orders = map[catalog.Sort]struct{ key, dir string }{
	catalog.SortNewest:    {"p.created_at", "DESC"},
	catalog.SortPriceAsc:  {"p.price", "ASC"},
	catalog.SortPriceDesc: {"p.price", "DESC"},
	catalog.SortName:      {"p.name", "ASC"},
	catalog.SortRating:    {"p.rating", "DESC"},
}

// orderBy returns the ORDER BY of a listing. Under a category or brand
// filter the key gets a unary plus, which keeps the planners from walking
// the whole sort index to find the few rows of a subtree: reading the
// filter's rows through its index and sorting them is faster.
func orderBy(q catalog.ProductQuery) string {
	o, ok := orders[q.Sort]
	if !ok {
		o = orders[catalog.SortNewest]
	}
	key := o.key
	if q.CategoryID != 0 || q.BrandID != 0 {
		key = "+" + key
	}
	return key + " " + o.dir + ", p.id " + o.dir
}

// ListProducts returns one page of the products matching q, each with its
// first image only, and how many match in all. Availability is the
// products.available column, kept by triggers on inventory.
func (db *DB) ListProducts(ctx context.Context,
	q catalog.ProductQuery) ([]catalog.Product, int, error) {
	const op = "list products"
	from, args := listFilter(q)
	var total int
	if err := db.read.GetContext(ctx, &total, "SELECT COUNT(*) "+from, args...); err != nil {
		return nil, 0, fmt.Errorf("%s: %w", op, err)
	}
	var rows []productRow
	query := "SELECT " + productReadCols + " " + from + " ORDER BY " + orderBy(q) +
		" LIMIT ? OFFSET ?"
	limit := q.Limit
	if limit <= 0 {
		limit = catalog.MaxPageSize
	}
	err := db.read.SelectContext(ctx, &rows, query, append(args, limit, q.Offset)...)
	if err != nil {
		return nil, 0, fmt.Errorf("%s: %w", op, err)
	}
	ps, err := db.listed(ctx, rows)
	if err != nil {
		return nil, 0, fmt.Errorf("%s: %w", op, err)
	}
	return ps, total, nil
}

// listFilter returns the FROM and WHERE clauses of a listing and their
// arguments.
func listFilter(q catalog.ProductQuery) (string, []any) {
	var where []string
	var args []any
	add := func(cond string, a ...any) {
		where = append(where, cond)
		args = append(args, a...)
	}
	if !q.IncludeInactive {
		add("p.active = 1")
	}
	if q.CategoryID != 0 {
		add(`p.category_id IN (SELECT descendant_id FROM category_closure
			WHERE ancestor_id = ?)`, q.CategoryID)
	}
	if q.BrandID != 0 {
		add("p.brand_id = ?", q.BrandID)
	}
	if q.PriceMin != nil {
		add("p.price >= CAST(? AS DECIMAL(14,2))", *q.PriceMin)
	}
	if q.PriceMax != nil {
		add("p.price <= CAST(? AS DECIMAL(14,2))", *q.PriceMax)
	}
	if q.InStock != nil {
		add(map[bool]string{true: "p.available > 0", false: "p.available <= 0"}[*q.InStock])
	}
	if q.Featured != nil {
		add("p.featured = ?", *q.Featured)
	}
	from := "FROM products p"
	if words := strings.Fields(fold(q.Search)); len(words) > 0 {
		from += " LEFT JOIN brands b ON b.id = p.brand_id"
		for _, w := range words {
			pat := containsPattern(w)
			add("(p.search_text LIKE ? ESCAPE '"+likeEscape+"' OR b.search_name LIKE ? ESCAPE '"+
				likeEscape+"')", pat, pat)
		}
	}
	if len(where) > 0 {
		from += " WHERE " + strings.Join(where, " AND ")
	}
	return from, args
}

// listed turns listing rows into products with their first image.
func (db *DB) listed(ctx context.Context, rows []productRow) ([]catalog.Product, error) {
	ps := make([]catalog.Product, len(rows))
	ids := make([]int64, len(rows))
	for i, r := range rows {
		p, err := r.product()
		if err != nil {
			return nil, err
		}
		ps[i], ids[i] = p, r.ID
	}
	if len(ids) == 0 {
		return ps, nil
	}
	var images []struct {
		ProductID int64 `db:"product_id"`
		catalog.Image
	}
	err := selectIn(ctx, db.read, &images, "SELECT product_id, url, alt FROM product_images "+
		"WHERE position = 0 AND product_id IN ", ids)
	if err != nil {
		return nil, fmt.Errorf("images: %w", err)
	}
	first := make(map[int64]catalog.Image, len(images))
	for _, img := range images {
		first[img.ProductID] = img.Image
	}
	for i := range ps {
		ps[i].Images = []catalog.Image{}
		if img, ok := first[ids[i]]; ok {
			ps[i].Images = append(ps[i].Images, img)
		}
	}
	return ps, nil
}
