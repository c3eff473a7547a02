package memory_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/ecommerce-moderno/moderno/commerce"
	"github.com/ecommerce-moderno/moderno/search"
	"github.com/ecommerce-moderno/moderno/search/memory"
)

// TestBrandFacetKeepsTheTwentyBiggest indexes 30 brands, brand i with
// i%7+1 products, so that counts tie, and checks the facet lists the 20
// with most hits, by name among equals.
func TestBrandFacetKeepsTheTwentyBiggest(t *testing.T) {
	ix := memory.New(memory.Config{})
	id := 0
	for b := 1; b <= 30; b++ {
		for range b%7 + 1 {
			id++
			err := ix.Index(context.Background(), search.Document{
				ID: commerce.ProductID(id), Name: "Leche entera", SKU: fmt.Sprint("SKU-", id),
				BrandID: commerce.BrandID(b), Brand: fmt.Sprintf("Marca %02d", 31-b),
				Price: commerce.FromMinor(1000, "CLP"),
			})
			if err != nil {
				t.Fatalf("Index: %v", err)
			}
		}
	}
	res, err := ix.Search(context.Background(), search.Query{Text: "leche", Facets: true})
	if err != nil {
		t.Fatalf("Search: %v", err)
	}
	// Counts 7 (brands 6, 13, 20, 27), 6 (5, 12, 19, 26), ... ; names
	// run backwards from the ids, so among equals the higher id leads.
	var want []string
	for n := 7; n >= 1 && len(want) < 20; n-- {
		for b := 30; b >= 1 && len(want) < 20; b-- {
			if b%7+1 == n {
				want = append(want, fmt.Sprintf("Marca %02d:%d", 31-b, n))
			}
		}
	}
	var got []string
	for _, b := range res.Facets.Brands {
		got = append(got, fmt.Sprintf("%s:%d", b.Name, b.Count))
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("brand facet = %v;\nwant %v", got, want)
	}
}
