package rest

import (
	"context"
	"fmt"
	"net/http"

	"github.com/go-chi/chi/v5"

	"github.com/ecommerce-moderno/moderno/catalog"
	"github.com/ecommerce-moderno/moderno/commerce"
)

// listParams are the parameters of GET /products with their longest value.
// Numbers and words get room enough to be told what is wrong with them
// rather than that they are long.
var listParams = map[string]int{
	"page": 20, "limit": 20, "category": 255, "brand": 255, "price_min": 30, "price_max": 30,
	"in_stock": 20, "featured": 20, "search": 200, "sort": 20,
}

var sorts = []string{string(catalog.SortPriceAsc), string(catalog.SortPriceDesc),
	string(catalog.SortNewest), string(catalog.SortName), string(catalog.SortRating)}

type pageJSON struct {
	Data       []productJSON  `json:"data"`
	Pagination paginationJSON `json:"pagination"`
}

type paginationJSON struct {
	Page  int `json:"page"`
	Limit int `json:"limit"`
	Total int `json:"total"`
	Pages int `json:"pages"`
}

// listProducts serves GET /products.
func (h *Handler) listProducts(w http.ResponseWriter, r *http.Request) {
	f, err := readListFilter(r.URL.RawQuery)
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	page, err := h.catalog.ListProducts(r.Context(), PrincipalFrom(r.Context()), f)
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	data, err := h.withRefs(r.Context(), page.Products)
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	h.writeCached(w, r, pageJSON{Data: data, Pagination: paginationJSON{
		Page: page.Page, Limit: page.Limit, Total: page.Total, Pages: page.Pages()}})
}

// readListFilter reads the query of GET /products, naming every bad field.
func readListFilter(rawQuery string) (catalog.ListFilter, error) {
	p, err := readParams(rawQuery, listParams)
	if err != nil {
		return catalog.ListFilter{}, err
	}
	f := catalog.ListFilter{
		Page:     p.int("page", 1, 1_000_000, 1),
		Limit:    p.int("limit", 1, catalog.MaxPageSize, 20),
		Category: p.ref("category"),
		Brand:    p.ref("brand"),
		PriceMin: p.amount("price_min"),
		PriceMax: p.amount("price_max"),
		InStock:  p.bool("in_stock"),
		Featured: p.bool("featured"),
		Search:   p.text("search"),
		Sort: catalog.Sort(p.oneOf("sort", string(catalog.SortNewest),
			"debe ser price_asc, price_desc, newest, name o rating", sorts...)),
	}
	if f.PriceMin != nil && f.PriceMax != nil && f.PriceMin.GreaterThan(*f.PriceMax) {
		p.bad.Add("price_max", "debe ser mayor o igual que price_min")
	}
	return f, p.err()
}

// withRefs returns the listing form of products, each with the name of its
// category and brand.
func (h *Handler) withRefs(ctx context.Context, ps []catalog.Product) ([]productJSON, error) {
	snap, err := h.dir.get(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]productJSON, len(ps))
	for i, p := range ps {
		out[i] = listed(p)
		if err := h.fillRefs(ctx, snap, &out[i], p); err != nil {
			return nil, err
		}
	}
	return out, nil
}

func (h *Handler) fillRefs(ctx context.Context, snap *snapshot, j *productJSON,
	p catalog.Product) error {
	c, err := h.dir.category(ctx, snap, p.CategoryID)
	if err != nil {
		return internal(fmt.Errorf("category of product %d: %w", p.ID, err))
	}
	j.Category = ref(int64(c.ID), c.Name, c.Slug)
	if p.BrandID == 0 {
		return nil
	}
	b, err := h.dir.brand(ctx, snap, p.BrandID)
	if commerce.ErrorKind(err) == commerce.KindNotFound {
		return nil // deleted meanwhile: the product has no brand now
	}
	if err != nil {
		return internal(fmt.Errorf("brand of product %d: %w", p.ID, err))
	}
	j.Brand = ref(int64(b.ID), b.Name, b.Slug)
	return nil
}

// product serves GET /products/{ref}, by id or slug.
func (h *Handler) product(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	if _, err := readParams(r.URL.RawQuery, nil); err != nil {
		h.writeError(w, r, err)
		return
	}

	// Look the product up; a reference that cannot name one is simply not found.
	key := chi.URLParam(r, "ref")
	if !validRef(key) {
		h.writeError(w, r, commerce.NotFound("rest.product", "producto"))
		return
	}
	principal := PrincipalFrom(ctx)
	p, err := h.catalog.Product(ctx, principal, key)
	if err != nil {
		h.writeError(w, r, err)
		return
	}

	// Name its category, brand and the categories above it.
	snap, err := h.dir.get(ctx)
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	j := detailed(p, principal.Can(commerce.PermCatalogWrite))
	if err := h.fillRefs(ctx, snap, &j.productJSON, p); err != nil {
		h.writeError(w, r, err)
		return
	}
	path, err := h.dir.path(ctx, snap, p.CategoryID)
	if err != nil {
		h.writeError(w, r, internal(fmt.Errorf("category path of product %d: %w", p.ID, err)))
		return
	}
	for _, c := range path {
		j.CategoryPath = append(j.CategoryPath, *ref(int64(c.ID), c.Name, c.Slug))
	}
	h.writeCached(w, r, struct {
		Data productDetailJSON `json:"data"`
	}{j})
}
