package searchtest

import (
	"context"
	"slices"
	"testing"

	"github.com/ecommerce-moderno/moderno/catalog"
	"github.com/ecommerce-moderno/moderno/commerce"
	"github.com/ecommerce-moderno/moderno/search"
)

func testSuggest(t *testing.T, e Engine) {
	tests := []struct {
		prefix string
		want   string
		kind   search.SuggestionKind
	}{
		{"sams", "Smartphone Samsung Galaxy S21 128GB", search.SuggestProduct},
		{"leche ent", "Leche Entera La Serenísima 1 L", search.SuggestProduct},
		{"galleti", "Galletitas de Chocolate Rellenas", search.SuggestProduct},
		{"lác", "Lácteos", search.SuggestCategory},
		{"lact", "Lácteos", search.SuggestCategory},
		{"celu", "Celulares", search.SuggestCategory},
	}
	for _, tt := range tests {
		got, err := e.Suggest(context.Background(), tt.prefix, 10)
		if err != nil {
			t.Fatalf("Suggest(%q) = %v", tt.prefix, err)
		}
		if !slices.ContainsFunc(got, func(s search.Suggestion) bool {
			return s.Text == tt.want && s.Kind == tt.kind && s.ID != 0
		}) {
			t.Errorf("Suggest(%q) = %+v; want %s %q", tt.prefix, got, tt.kind, tt.want)
		}
	}
	if got, _ := e.Suggest(context.Background(), "qxzw", 10); len(got) != 0 {
		t.Errorf("Suggest(qxzw) = %+v; want none", got)
	}
	res := MustSearch(t, e, search.Query{Text: "leche ent", Suggest: true})
	if len(res.Suggestions) == 0 {
		t.Errorf("Search(leche ent, Suggest).Suggestions is empty")
	}
}

func testFilters(t *testing.T, e Engine) {
	tests := []struct {
		name   string
		q      search.Query
		want   []commerce.ProductID
		exact  bool // the hits are exactly want; otherwise they hold want
		absent []commerce.ProductID
	}{
		{name: "category subtree", q: search.Query{Filter: search.Filter{CategoryID: 1}},
			want: []commerce.ProductID{idGalaxy, idIPhone, idHeadphones, idBuds, idTV, idCargador,
				idBateria}, exact: true},
		{name: "leaf category", q: search.Query{Text: "samsung",
			Filter: search.Filter{CategoryID: catAudio.ID}},
			want: []commerce.ProductID{idBuds}, exact: true},
		{name: "brands", q: search.Query{Filter: search.Filter{
			BrandIDs: []commerce.BrandID{brandColun, brandCoca}}},
			want: []commerce.ProductID{idLecheDescremada, idYogur, idCoca, idDulceLeche}, exact: true},
		{name: "price range", q: search.Query{Filter: search.Filter{PriceMin: 1050, PriceMax: 1990}},
			want: []commerce.ProductID{idLecheEntera, idLecheDescremada, idCoca}, exact: true},
		{name: "price minimum", q: search.Query{Filter: search.Filter{PriceMin: 500_000}},
			want: []commerce.ProductID{idGalaxy, idIPhone}, exact: true},
		{name: "in stock", q: search.Query{Text: "leche", Filter: search.Filter{InStock: true}},
			want: []commerce.ProductID{idLecheEntera}, absent: []commerce.ProductID{idLecheDescremada}},
		{name: "attribute", q: search.Query{Filter: search.Filter{Attributes: []catalog.Attribute{
			{Name: "Presentacion", Value: "1 l"}}}},
			want: []commerce.ProductID{idLecheEntera, idLecheDescremada}, exact: true},
		{name: "unknown category", q: search.Query{Filter: search.Filter{CategoryID: 999}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.q.Limit = search.MaxLimit
			res := MustSearch(t, e, tt.q)
			got := ids(res)
			if res.Total != len(got) {
				t.Errorf("Total = %d; want %d, the hits of one full page", res.Total, len(got))
			}
			if (tt.exact || len(tt.want) == 0) && !sameSet(got, tt.want) {
				t.Errorf("Search(%+v) = %v; want %v", tt.q, got, tt.want)
			}
			for _, id := range tt.want {
				if !slices.Contains(got, id) {
					t.Errorf("Search(%+v) = %v; want it to hold %d", tt.q, got, id)
				}
			}
			for _, id := range tt.absent {
				if slices.Contains(got, id) {
					t.Errorf("Search(%+v) = %v; want it without %d", tt.q, got, id)
				}
			}
		})
	}
}

func sameSet(a, b []commerce.ProductID) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(a, b)
}

func testFacets(t *testing.T, e Engine) {
	res := MustSearch(t, e, search.Query{Text: "leche", Facets: true})
	if res.Total != 3 {
		t.Fatalf("Search(leche).Total = %d; want 3 (two milks and dulce de leche)", res.Total)
	}
	cats := map[commerce.CategoryID]search.CategoryCount{}
	for _, c := range res.Facets.Categories {
		cats[c.ID] = c
	}
	c := cats[catLacteos.ID]
	if c.Count != 2 || c.Name != "Lácteos" || c.ParentID != catSupermercado.ID {
		t.Errorf("category facet Lácteos = %+v; want 2 below Supermercado", c)
	}
	if c := cats[catSupermercado.ID]; c.Count != 3 {
		t.Errorf("category facet Supermercado = %+v; want 3", c)
	}
	brands := map[string]int{}
	for _, b := range res.Facets.Brands {
		brands[b.Name] = b.Count
	}
	if brands["Colun"] != 2 || brands["La Serenísima"] != 1 {
		t.Errorf("brand facet = %+v; want Colun 2, La Serenísima 1", res.Facets.Brands)
	}
	prices := map[int64]int{}
	for _, p := range res.Facets.Prices {
		prices[p.Min] = p.Count
	}
	if prices[1_000] != 3 || len(res.Facets.Prices) != 1 {
		t.Errorf("price facet = %+v; want 3 from $1.000 to $10.000", res.Facets.Prices)
	}
	if res := MustSearch(t, e, search.Query{Text: "leche"}); len(res.Facets.Categories) != 0 {
		t.Errorf("facets filled without being asked for")
	}
}

func testSorts(t *testing.T, e Engine) {
	lacteos := search.Filter{CategoryID: catSupermercado.ID}
	tests := []struct {
		sort search.Sort
		want []commerce.ProductID
	}{
		{search.SortPriceAsc, []commerce.ProductID{idYogur, idGalletitas, idLecheDescremada,
			idLecheEntera, idCoca, idDulceLeche, idCafe, idPanales}},
		{search.SortPriceDesc, []commerce.ProductID{idPanales, idCafe, idDulceLeche, idCoca,
			idLecheEntera, idLecheDescremada, idGalletitas, idYogur}},
		{search.SortNewest, []commerce.ProductID{idDulceLeche, idPanales, idGalletitas, idCafe,
			idCoca, idYogur, idLecheDescremada, idLecheEntera}},
		{search.SortRating, []commerce.ProductID{idDulceLeche, idPanales, idCoca, idCafe,
			idLecheDescremada, idLecheEntera, idYogur, idGalletitas}},
	}
	for _, tt := range tests {
		got := ids(MustSearch(t, e, search.Query{Filter: lacteos, Sort: tt.sort}))
		if !slices.Equal(got, tt.want) {
			t.Errorf("Search(supermercado, %s) = %v; want %v", tt.sort, got, tt.want)
		}
	}
	got := ids(MustSearch(t, e, search.Query{Text: "samsung", Sort: search.SortPriceAsc}))
	want := []commerce.ProductID{idCargador, idBuds, idTV, idGalaxy}
	if !slices.Equal(got, want) {
		t.Errorf("Search(samsung, price_asc) = %v; want %v", got, want)
	}
}

func testPages(t *testing.T, e Engine) {
	all := ids(MustSearch(t, e, search.Query{Sort: search.SortPriceAsc, Limit: search.MaxLimit}))
	if len(all) != len(items) {
		t.Fatalf("Search() = %d hits; want the whole fixture, %d", len(all), len(items))
	}
	var paged []commerce.ProductID
	for page := 1; page <= 6; page++ {
		res := MustSearch(t, e, search.Query{Sort: search.SortPriceAsc, Page: page, Limit: 3})
		if res.Total != len(items) || res.Page != page || res.Limit != 3 {
			t.Errorf("page %d: Total, Page, Limit = %d, %d, %d; want %d, %d, 3", page, res.Total,
				res.Page, res.Limit, len(items), page)
		}
		paged = append(paged, ids(res)...)
	}
	if !slices.Equal(paged, all) {
		t.Errorf("pages of 3 = %v; want %v", paged, all)
	}
}

func testInvalid(t *testing.T, e Engine) {
	for _, q := range []search.Query{{Limit: search.MaxLimit + 1}, {Page: -1}, {Sort: "cheapest"},
		{Filter: search.Filter{PriceMin: 10, PriceMax: 5}}} {
		_, err := e.Search(context.Background(), q)
		if commerce.ErrorKind(err) != commerce.KindInvalid {
			t.Errorf("Search(%+v) = %v; want an error of kind invalid", q, err)
		}
	}
}
