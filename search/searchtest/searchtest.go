// Package searchtest is the contract every search engine keeps: one suite,
// Run, that each engine's tests call with a constructor, over a small
// catalog of Spanish and English products. It checks accents, plurals,
// typos, synonyms, completions, "did you mean", filters, facets, sorts,
// pages, and that updates and deletions show at once.
package searchtest

import (
	"context"
	"slices"
	"testing"

	"github.com/ecommerce-moderno/moderno/commerce"
	"github.com/ecommerce-moderno/moderno/search"
)

// Engine is what the suite drives: an index that searches, completes and
// takes writes. A write must be visible to searches once it returns.
type Engine interface {
	search.Searcher
	search.Suggester
	search.Indexer
}

// Config is what the suite asks of a new engine.
type Config struct {
	Synonyms    *search.Synonyms
	PriceRanges []search.PriceRange
}

// Open returns a new, empty engine configured with cfg. It may register
// clean-ups with t.
type Open func(t *testing.T, cfg Config) Engine

// Run checks an engine against the contract. Each group of checks opens its
// own engine with the fixture catalog indexed.
func Run(t *testing.T, open Open) {
	t.Run("Text", func(t *testing.T) { testText(t, filled(t, open)) })
	t.Run("Typos", func(t *testing.T) { testTypos(t, filled(t, open)) })
	t.Run("Suggest", func(t *testing.T) { testSuggest(t, filled(t, open)) })
	t.Run("Filters", func(t *testing.T) { testFilters(t, filled(t, open)) })
	t.Run("Facets", func(t *testing.T) { testFacets(t, filled(t, open)) })
	t.Run("Sorts", func(t *testing.T) { testSorts(t, filled(t, open)) })
	t.Run("Pages", func(t *testing.T) { testPages(t, filled(t, open)) })
	t.Run("Invalid", func(t *testing.T) { testInvalid(t, filled(t, open)) })
	t.Run("Writes", func(t *testing.T) { testWrites(t, filled(t, open)) })
	t.Run("Rebuild", func(t *testing.T) { testRebuild(t, filled(t, open)) })
}

// filled opens an engine with the suite's configuration and the fixture.
func filled(t *testing.T, open Open) Engine {
	t.Helper()
	e := open(t, Config{Synonyms: Synonyms(), PriceRanges: PriceRanges()})
	if err := e.Index(context.Background(), Documents()...); err != nil {
		t.Fatalf("Index(fixture) = %v", err)
	}
	return e
}

// PriceRanges returns the price bands the suite configures engines with.
func PriceRanges() []search.PriceRange {
	return search.NewPriceRanges(commerce.CLP, 1_000, 10_000, 100_000)
}

// MustSearch runs q and fails the test on an error.
func MustSearch(t *testing.T, s search.Searcher, q search.Query) search.Result {
	t.Helper()
	res, err := s.Search(context.Background(), q)
	if err != nil {
		t.Fatalf("Search(%+v) = %v", q, err)
	}
	return res
}

// ids returns the ids of a result's hits in order.
func ids(res search.Result) []commerce.ProductID {
	out := make([]commerce.ProductID, len(res.Hits))
	for i, h := range res.Hits {
		out[i] = h.ID
	}
	return out
}

func text(q string) search.Query { return search.Query{Text: q, Limit: search.MaxLimit} }

// expectFound checks that a search for q finds every one of want.
func expectFound(t *testing.T, s search.Searcher, q string, want ...commerce.ProductID) {
	t.Helper()
	got := ids(MustSearch(t, s, text(q)))
	for _, id := range want {
		if !slices.Contains(got, id) {
			t.Errorf("Search(%q) = %v; want it to hold %d", q, got, id)
		}
	}
}

// expectFirst checks that a search for q ranks one of want first.
func expectFirst(t *testing.T, s search.Searcher, q string, want ...commerce.ProductID) {
	t.Helper()
	got := ids(MustSearch(t, s, text(q)))
	if len(got) == 0 || !slices.Contains(want, got[0]) {
		t.Errorf("Search(%q) = %v; want one of %v first", q, got, want)
	}
}

// expectNotFound checks that a search for q finds none of ids.
func expectNotFound(t *testing.T, s search.Searcher, q string, not ...commerce.ProductID) {
	t.Helper()
	got := ids(MustSearch(t, s, text(q)))
	for _, id := range not {
		if slices.Contains(got, id) {
			t.Errorf("Search(%q) = %v; want it without %d", q, got, id)
		}
	}
}
