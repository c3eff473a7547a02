package rest

import (
	"context"
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/go-chi/chi/v5"

	"github.com/ecommerce-moderno/moderno/catalog"
	"github.com/ecommerce-moderno/moderno/commerce"
	"github.com/ecommerce-moderno/moderno/search"
)

// SearchEngine is what the search routes need of an engine: searches and
// completions. search/memory and search/elasticsearch both provide it.
type SearchEngine interface {
	search.Searcher
	search.Suggester
}

// searchParams are the parameters of GET /search/products with their
// longest value.
var searchParams = map[string]int{
	"q": 200, "sort": 20, "page": 20, "limit": 20,
	"filters[category]": 255, "filters[brand]": 1024, "filters[price_min]": 30,
	"filters[price_max]": 30, "filters[in_stock]": 20,
}

var suggestParams = map[string]int{"q": 100, "limit": 20}

// maxBrands bounds how many brands one search may filter on.
const maxBrands = 50

var searchSorts = []string{string(search.SortRelevance), string(search.SortPriceAsc),
	string(search.SortPriceDesc), string(search.SortNewest), string(search.SortRating)}

// searchJSON is the answer of GET /search/products, in the shape of the
// specification's 5.7: results, aggregations, suggestions, total and took
// (milliseconds), with the page and a spelling to propose.
type searchJSON struct {
	Results      []productJSON    `json:"results"`
	Aggregations aggregationsJSON `json:"aggregations"`
	Suggestions  []string         `json:"suggestions"`
	DidYouMean   *string          `json:"did_you_mean"`
	Total        int              `json:"total"`
	Took         int64            `json:"took"`
	Page         int              `json:"page"`
	Limit        int              `json:"limit"`
	Pages        int              `json:"pages"`
}

// aggregationsJSON counts a search's hits over every page. Counts come as
// lists rather than the specification's name-to-count objects, so that
// each value carries the id or bounds a filter needs.
type aggregationsJSON struct {
	Categories  []categoryCountJSON `json:"categories"`
	Brands      []brandCountJSON    `json:"brands"`
	PriceRanges []priceCountJSON    `json:"price_ranges"`
}

type categoryCountJSON struct {
	ID       commerce.CategoryID `json:"id"`
	ParentID *int64              `json:"parent_id"`
	Name     string              `json:"name"`
	Slug     string              `json:"slug"`
	Count    int                 `json:"count"`
}

type brandCountJSON struct {
	ID    commerce.BrandID `json:"id"`
	Name  string           `json:"name"`
	Slug  string           `json:"slug"`
	Count int              `json:"count"`
}

// priceCountJSON is a price band: min included, max excluded and null for
// no upper end, both in the currency's units as price filters take them.
type priceCountJSON struct {
	Min   json.Number  `json:"min"`
	Max   *json.Number `json:"max"`
	Label string       `json:"label"`
	Count int          `json:"count"`
	Key   string       `json:"key"` // "min-max", as the specification names bands
}

type suggestionJSON struct {
	Text string `json:"text"`
	Kind string `json:"kind"` // product or category
	ID   int64  `json:"id"`
}

// searchProducts serves GET /search/products.
func (h *Handler) searchProducts(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	q, err := h.readSearch(r.Context(), r.URL.RawQuery)
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	res, err := h.search.Search(r.Context(), q)
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	snap, err := h.dir.get(r.Context())
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	body := searchJSON{
		Results:      make([]productJSON, len(res.Hits)),
		Aggregations: h.aggregations(snap, res.Facets),
		Suggestions:  make([]string, 0, len(res.Suggestions)),
		Total:        res.Total, Page: res.Page, Limit: res.Limit,
		Pages: (res.Total + res.Limit - 1) / max(res.Limit, 1),
	}
	for i, hit := range res.Hits {
		body.Results[i] = found(snap, hit.Document)
	}
	for _, s := range res.Suggestions {
		body.Suggestions = append(body.Suggestions, s.Text)
	}
	if res.DidYouMean != "" {
		body.DidYouMean = &res.DidYouMean
	}
	body.Took = time.Since(start).Milliseconds()
	w.Header().Set("Cache-Control", "no-store")
	writeJSON(w, r, http.StatusOK, body)
}

// readSearch reads the query of GET /search/products, naming every bad
// field; categories and brands are given by slug or id.
func (h *Handler) readSearch(ctx context.Context, rawQuery string) (search.Query, error) {
	p, err := readParams(rawQuery, searchParams)
	if err != nil {
		return search.Query{}, err
	}
	q := search.Query{
		Text:    strings.TrimSpace(p.text("q")),
		Facets:  true,
		Suggest: true,
		Page:    p.int("page", 1, 10_000, 1),
		Limit:   p.int("limit", 1, search.MaxLimit, 20),
		Sort: search.Sort(p.oneOf("sort", string(search.SortRelevance),
			"debe ser relevance, price_asc, price_desc, newest o rating", searchSorts...)),
	}
	cur := h.catalog.Currency()
	if d := p.amount("filters[price_min]"); d != nil {
		q.Filter.PriceMin = commerce.NewMoney(*d, cur).Minor()
	}
	if d := p.amount("filters[price_max]"); d != nil {
		q.Filter.PriceMax = commerce.NewMoney(*d, cur).Minor()
		if q.Filter.PriceMax == 0 {
			p.bad.Add("filters[price_max]", "debe ser mayor que cero")
		}
	}
	if q.Filter.PriceMax != 0 && q.Filter.PriceMin > q.Filter.PriceMax {
		p.bad.Add("filters[price_max]", "debe ser mayor o igual que filters[price_min]")
	}
	if b := p.bool("filters[in_stock]"); b != nil {
		q.Filter.InStock = *b
	}
	category := p.ref("filters[category]")
	brands := p.text("filters[brand]")
	if err := p.err(); err != nil {
		return search.Query{}, err
	}
	snap, err := h.dir.get(ctx)
	if err != nil {
		return search.Query{}, err
	}
	if category != "" {
		c, ok := findCategory(snap, category)
		if !ok {
			p.bad.Add("filters[category]", "no existe esa categoría")
		}
		q.Filter.CategoryID = c.ID
	}
	if brands != "" {
		q.Filter.BrandIDs = readBrands(snap, brands, &p.bad)
	}
	return q, p.err()
}

// readBrands reads a comma-separated list of brand slugs or ids.
func readBrands(snap *snapshot, list string, bad *commerce.Fields) []commerce.BrandID {
	refs := strings.Split(list, ",")
	if len(refs) > maxBrands {
		bad.Add("filters[brand]", "máximo "+strconv.Itoa(maxBrands)+" marcas")
		return nil
	}
	ids := make([]commerce.BrandID, 0, len(refs))
	for _, ref := range refs {
		ref = strings.TrimSpace(ref)
		b, ok := findBrand(snap, ref)
		if !validRef(ref) || !ok {
			bad.Add("filters[brand]", "no existe la marca "+strconv.Quote(printable(ref)))
			return nil
		}
		ids = append(ids, b.ID)
	}
	return ids
}

func findCategory(snap *snapshot, ref string) (catalog.Category, bool) {
	id, isID := commerce.ParseID(ref)
	for _, c := range snap.categories {
		if (isID && int64(c.ID) == id) || c.Slug == ref {
			return c, true
		}
	}
	return catalog.Category{}, false
}

func findBrand(snap *snapshot, ref string) (catalog.Brand, bool) {
	id, isID := commerce.ParseID(ref)
	for _, b := range snap.brands {
		if (isID && int64(b.ID) == id) || b.Slug == ref {
			return b, true
		}
	}
	return catalog.Brand{}, false
}

// found returns the listing form of a search hit, the same as GET
// /products gives, so that one product card shows both.
func found(snap *snapshot, d search.Document) productJSON {
	j := productJSON{
		ID: d.ID, Name: d.Name, Slug: d.Slug, SKU: d.SKU,
		Price: amount(d.Price), Currency: d.Price.Currency(), PriceFormatted: d.Price.Format(),
		Images: []catalog.Image{}, Stock: max(d.Available, 0), InStock: d.InStock(),
		Featured: d.Featured, Rating: d.Rating,
	}
	if d.ImageURL != "" {
		j.Images = append(j.Images, catalog.Image{URL: d.ImageURL, Alt: d.Name})
	}
	if c, ok := snap.categories[d.CategoryID]; ok {
		j.Category = ref(int64(c.ID), c.Name, c.Slug)
	} else if n := len(d.CategoryPath); n > 0 {
		j.Category = ref(int64(d.CategoryPath[n-1].ID), d.CategoryPath[n-1].Name, "")
	}
	if b, ok := snap.brandByID[d.BrandID]; ok && d.BrandID != 0 {
		j.Brand = ref(int64(b.ID), b.Name, b.Slug)
	} else if d.BrandID != 0 {
		j.Brand = ref(int64(d.BrandID), d.Brand, "")
	}
	return j
}

func (h *Handler) aggregations(snap *snapshot, f search.Facets) aggregationsJSON {
	a := aggregationsJSON{
		Categories:  make([]categoryCountJSON, 0, len(f.Categories)),
		Brands:      make([]brandCountJSON, 0, len(f.Brands)),
		PriceRanges: make([]priceCountJSON, 0, len(f.Prices)),
	}
	for _, c := range f.Categories {
		j := categoryCountJSON{ID: c.ID, Name: c.Name, Count: c.Count,
			Slug: snap.categories[c.ID].Slug}
		if c.ParentID != 0 {
			p := int64(c.ParentID)
			j.ParentID = &p
		}
		a.Categories = append(a.Categories, j)
	}
	for _, b := range f.Brands {
		a.Brands = append(a.Brands, brandCountJSON{ID: b.ID, Name: b.Name, Count: b.Count,
			Slug: snap.brandByID[b.ID].Slug})
	}
	cur := h.catalog.Currency()
	for _, p := range f.Prices {
		lo := amount(commerce.FromMinor(p.Min, cur))
		j := priceCountJSON{Min: lo, Label: p.Label, Count: p.Count, Key: string(lo) + "-"}
		if p.Max != 0 {
			hi := amount(commerce.FromMinor(p.Max, cur))
			j.Max, j.Key = &hi, j.Key+string(hi)
		}
		a.PriceRanges = append(a.PriceRanges, j)
	}
	return a
}

// suggest serves GET /search/suggestions: completions of what a shopper is
// typing, product names and categories, best first.
func (h *Handler) suggest(w http.ResponseWriter, r *http.Request) {
	p, err := readParams(r.URL.RawQuery, suggestParams)
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	prefix := strings.TrimSpace(p.text("q"))
	limit := p.int("limit", 1, 20, 8)
	if err := p.err(); err != nil {
		h.writeError(w, r, err)
		return
	}
	out := []suggestionJSON{}
	if prefix != "" {
		ss, err := h.search.Suggest(r.Context(), prefix, limit)
		if err != nil {
			h.writeError(w, r, err)
			return
		}
		for _, s := range ss {
			out = append(out, suggestionJSON{Text: s.Text, Kind: string(s.Kind), ID: s.ID})
		}
	}
	w.Header().Set("Cache-Control", "no-store")
	writeJSON(w, r, http.StatusOK, struct {
		Data []suggestionJSON `json:"data"`
	}{out})
}

// searchRoutes adds the search routes; limitSearch counts them under the
// search limit.
func (h *Handler) searchRoutes(r chi.Router) {
	get(r, "/search/products", h.withSearch(h.searchProducts))
	get(r, "/search/suggestions", h.withSearch(h.suggest))
}

// errNoSearch answers the search routes of a server configured without an
// engine.
var errNoSearch = commerce.Errorf(commerce.KindUnavailable, "rest.search",
	"la búsqueda no está disponible")

func (h *Handler) withSearch(fn http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if h.search == nil {
			h.writeError(w, r, errNoSearch)
			return
		}
		fn(w, r)
	}
}
