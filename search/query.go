package search

import (
	"time"
	"unicode/utf8"

	"github.com/ecommerce-moderno/moderno/catalog"
	"github.com/ecommerce-moderno/moderno/commerce"
)

// MaxLimit is the largest page a search returns.
const MaxLimit = 100

// Sort orders the hits of a search.
type Sort string

// The orders a search can take. Ties are broken by product id, so pages
// never overlap.
const (
	SortRelevance Sort = "relevance" // best match first; newest first without text
	SortPriceAsc  Sort = "price_asc"
	SortPriceDesc Sort = "price_desc"
	SortNewest    Sort = "newest"
	SortRating    Sort = "rating"
)

// Valid reports whether s is one of the orders.
func (s Sort) Valid() bool {
	switch s {
	case SortRelevance, SortPriceAsc, SortPriceDesc, SortNewest, SortRating:
		return true
	}
	return false
}

// Query is one search as a shopper asks for it.
type Query struct {
	Text   string
	Filter Filter
	Facets bool // count hits by category, brand and price range
	// Suggest asks for completions of Text in Result.Suggestions.
	Suggest bool
	Sort    Sort // SortRelevance when empty
	Page    int  // from 1; 1 when zero
	Limit   int  // 1 to MaxLimit; 20 when zero
}

// Filter narrows a search. Zero fields do not filter.
type Filter struct {
	CategoryID commerce.CategoryID // with every category below it
	BrandIDs   []commerce.BrandID  // any of them
	// PriceMin and PriceMax bound the price in minor units (pesos for
	// CLP), both included; zero leaves that end open.
	PriceMin int64
	PriceMax int64
	InStock  bool
	// Attributes must all be present, compared without case or accents.
	Attributes []catalog.Attribute
}

// Normalize fills a query's defaults and checks it. It returns an error of
// kind commerce.KindInvalid naming each bad field.
func (q Query) Normalize() (Query, error) {
	if q.Page == 0 {
		q.Page = 1
	}
	if q.Limit == 0 {
		q.Limit = 20
	}
	if q.Sort == "" {
		q.Sort = SortRelevance
	}
	var bad commerce.Fields
	bad.Between("page", q.Page, 1, 10_000)
	bad.Between("limit", q.Limit, 1, MaxLimit)
	bad.Check(q.Sort.Valid(), "sort",
		"debe ser relevance, price_asc, price_desc, newest o rating")
	bad.Check(q.Filter.PriceMin >= 0, "price_min", "no puede ser negativo")
	bad.Check(q.Filter.PriceMax >= 0, "price_max", "no puede ser negativo")
	bad.Check(q.Filter.PriceMax == 0 || q.Filter.PriceMin <= q.Filter.PriceMax, "price_max",
		"debe ser mayor o igual que price_min")
	bad.Check(utf8.RuneCountInString(q.Text) <= 200, "q", "máximo 200 caracteres")
	return q, bad.Err("search")
}

// Offset returns how many hits come before the query's page.
func (q Query) Offset() int { return (q.Page - 1) * q.Limit }

// Result is one page of hits and what the shopper needs around it.
type Result struct {
	Hits  []Hit
	Total int // hits in all pages
	Page  int
	Limit int
	// Facets is filled when the query asked for it.
	Facets Facets
	// Suggestions completes the query's text when it asked for them.
	Suggestions []Suggestion
	// DidYouMean proposes a spelling of the text that finds products, when
	// the text as typed found none and typo tolerance had to step in.
	DidYouMean string
	Took       time.Duration
}

// Hit is one product found, with how well it matched: higher is better,
// comparable only within one result.
type Hit struct {
	Document
	Score float64
}

// Facets counts a search's hits, over every page, by value.
type Facets struct {
	Categories []CategoryCount
	Brands     []BrandCount
	Prices     []PriceCount
}

// CategoryCount is how many hits a category and the ones below it hold.
type CategoryCount struct {
	ID       commerce.CategoryID
	ParentID commerce.CategoryID // zero for a root
	Name     string
	Count    int
}

// BrandCount is how many hits carry a brand.
type BrandCount struct {
	ID    commerce.BrandID
	Name  string
	Count int
}

// PriceCount is how many hits have a price in a range.
type PriceCount struct {
	PriceRange
	Count int
}

// SuggestionKind says what a suggestion completes to.
type SuggestionKind string

// The kinds of suggestion.
const (
	SuggestProduct  SuggestionKind = "product"
	SuggestCategory SuggestionKind = "category"
)

// Suggestion completes what a shopper is typing: a product name or a
// category, with its id.
type Suggestion struct {
	Text string
	Kind SuggestionKind
	ID   int64
}
