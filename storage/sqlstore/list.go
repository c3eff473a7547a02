package sqlstore

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"time"

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

// A listing under a category or a brand can read its rows in two ways.
//
//   - Narrow: find the rows of the category or brand through its index,
//     then sort them. The work grows with the rows that match.
//   - Walk: read the sort's index in order and keep the rows that match
//     until the page is full. The work grows with the depth of the page
//     and the rarity of the matches.
//
// When total of the n active products match, a page that ends at row
// offset+limit walks about (offset+limit)·n/total rows of the index, while
// narrowing reads and sorts all total rows: walking wins when
// (offset+limit)·n < total². The planners cannot see this, because their
// statistics do not know how many products a subtree holds; left alone,
// SQLite and MariaDB both sort the demo's Supermercado (67,560 of 68,501
// products) on every request, 45 to 120 ms, where walking takes under one.
//
// The sort indexes begin with active, so only listings of active products
// can walk.
type plan uint8

const (
	narrow plan = iota
	walk
)

// choosePlan picks the plan of a listing that matches total of n active
// products.
func choosePlan(q catalog.ProductQuery, total, n int) plan {
	if q.IncludeInactive || (q.CategoryID == 0 && q.BrandID == 0) {
		return narrow
	}
	end := int64(q.Offset) + int64(pageSize(q))
	if end*int64(n) < int64(total)*int64(total) {
		return walk
	}
	return narrow
}

// pageSize is the number of rows a listing asks for.
func pageSize(q catalog.ProductQuery) int {
	if q.Limit <= 0 {
		return catalog.MaxPageSize
	}
	return q.Limit
}

// orderBy returns the ORDER BY of a listing. When narrowing, the key gets
// a unary plus, which SQLite reads as "do not walk this index".
func orderBy(q catalog.ProductQuery, pl plan) string {
	o, ok := orders[q.Sort]
	if !ok {
		o = orders[catalog.SortNewest]
	}
	key := o.key
	if pl == narrow && (q.CategoryID != 0 || q.BrandID != 0) {
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
	from, args := listFilter(q, narrow)
	var total int
	if err := db.read.GetContext(ctx, &total, "SELECT COUNT(*) "+from, args...); err != nil {
		return nil, 0, fmt.Errorf("%s: %w", op, err)
	}
	if total <= q.Offset {
		return []catalog.Product{}, total, nil
	}
	pl := narrow
	if q.CategoryID != 0 || q.BrandID != 0 {
		n, err := db.activeProducts(ctx)
		if err != nil {
			return nil, 0, fmt.Errorf("%s: %w", op, err)
		}
		pl = choosePlan(q, total, n)
	}
	from, args = listFilter(q, pl)
	var rows []productRow
	query := "SELECT " + productReadCols + " " + from + " ORDER BY " + orderBy(q, pl) +
		" LIMIT ? OFFSET ?"
	err := db.read.SelectContext(ctx, &rows, query, append(args, pageSize(q), q.Offset)...)
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
// arguments. When walking, the category and brand conditions add zero to
// the column, which keeps both engines from using its index.
func listFilter(q catalog.ProductQuery, pl plan) (string, []any) {
	var where []string
	var args []any
	add := func(cond string, a ...any) {
		where = append(where, cond)
		args = append(args, a...)
	}
	if !q.IncludeInactive {
		add("p.active = 1")
	}
	noIndex := ""
	if pl == walk {
		noIndex = " + 0"
	}
	if q.CategoryID != 0 {
		add(`p.category_id`+noIndex+` IN (SELECT descendant_id FROM category_closure
			WHERE ancestor_id = ?)`, q.CategoryID)
	}
	if q.BrandID != 0 {
		add("p.brand_id"+noIndex+" = ?", q.BrandID)
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

// activeCount keeps the number of active products for the plan choice. The
// choice only needs its order of magnitude, so it is counted at most once
// a minute.
type activeCount struct {
	mu sync.Mutex
	n  int
	at time.Time
}

// activeTTL is how long a count of active products is used.
const activeTTL = time.Minute

// activeProducts returns the number of active products, counted at most
// once a minute.
func (db *DB) activeProducts(ctx context.Context) (int, error) {
	c := &db.active
	c.mu.Lock()
	defer c.mu.Unlock()
	now := time.Now()
	if !c.at.IsZero() && now.Sub(c.at) < activeTTL {
		return c.n, nil
	}
	var n int
	err := db.read.GetContext(ctx, &n, "SELECT COUNT(*) FROM products WHERE active = 1")
	if err != nil {
		return 0, fmt.Errorf("count active products: %w", err)
	}
	c.n, c.at = n, now
	return n, nil
}
