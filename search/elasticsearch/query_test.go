package elasticsearch

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/ecommerce-moderno/moderno/catalog"
	"github.com/ecommerce-moderno/moderno/commerce"
	"github.com/ecommerce-moderno/moderno/search"
	"github.com/ecommerce-moderno/moderno/search/searchtest"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// golden compares v, as indented JSON, with testdata/name, or rewrites it
// with -update.
func golden(t *testing.T, name string, v any) {
	t.Helper()
	got, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, '\n')
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read golden file: %v (run go test -update)", err)
	}
	if string(got) != string(want) {
		t.Errorf("%s differs from the golden file:\n%s", name, got)
	}
}

func TestSearchBodyGolden(t *testing.T) {
	syn := searchtest.Synonyms()
	ranges := searchtest.PriceRanges()
	tests := []struct {
		name string
		q    search.Query
	}{
		{"text.json", search.Query{Text: "Teléfono móvil samsung", Facets: true}},
		{"typing.json", search.Query{Text: "leche ent", Page: 2, Limit: 10}},
		{"browse-filters.json", search.Query{Sort: search.SortPriceAsc, Filter: search.Filter{
			CategoryID: 11, BrandIDs: []commerce.BrandID{4, 5}, PriceMin: 1000,
			PriceMax: 5000, InStock: true,
			Attributes: []catalog.Attribute{{Name: "Presentación", Value: "1 L"}}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q, err := tt.q.Normalize()
			if err != nil {
				t.Fatal(err)
			}
			golden(t, tt.name, searchBody(q, search.NewPlan(q.Text, syn), ranges))
		})
	}
}

func TestIndexBodyGolden(t *testing.T) {
	golden(t, "index.json", indexBody(searchtest.Synonyms()))
}

func TestSuggestBodiesGolden(t *testing.T) {
	golden(t, "suggest.json", []obj{suggestBody("leche ent", 8), categoriesBody("leche ent")})
}
