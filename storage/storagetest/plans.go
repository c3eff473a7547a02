package storagetest

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/ecommerce-moderno/moderno/catalog"
	"github.com/ecommerce-moderno/moderno/commerce"
)

// testPlans lists a category and a brand that hold most of the catalog,
// and a category that holds little of it, in every order and page size.
// An adapter may read a big subset along the sort's index and a small one
// through the filter's index, and switch between the two from one page to
// the next; whatever it does, the pages must neither overlap nor skip and
// must keep the order.
func testPlans(t *testing.T, s Stores) {
	big, small := mustCategory(t, s, 0), mustCategory(t, s, 0)
	leaf := mustCategory(t, s, big.ID)
	brand := mustBrand(t, s, "Marca grande")
	var all []catalog.Product
	for i := range 40 {
		cat := big.ID
		switch {
		case i%10 == 3:
			cat = small.ID
		case i%2 == 0:
			cat = leaf.ID
		}
		// Few distinct prices and names, so that ties go by id.
		p := newProduct(cat, fmt.Sprintf("Producto %d", i%7), fmt.Sprint(990+(i*37)%5*500))
		if i%10 != 3 && i%10 != 7 {
			p.BrandID = brand.ID
		}
		p.Rating = float64(i % 3)
		all = append(all, mustProduct(t, s, p))
	}
	hidden := newProduct(big.ID, "Producto oculto", "100")
	hidden.Active, hidden.BrandID = false, brand.ID
	mustProduct(t, s, hidden)

	filters := []struct {
		name string
		q    catalog.ProductQuery
		keep func(p catalog.Product) bool
	}{
		{"BigCategory", catalog.ProductQuery{CategoryID: big.ID},
			func(p catalog.Product) bool { return p.CategoryID == big.ID || p.CategoryID == leaf.ID }},
		{"SmallCategory", catalog.ProductQuery{CategoryID: small.ID},
			func(p catalog.Product) bool { return p.CategoryID == small.ID }},
		{"BigBrand", catalog.ProductQuery{BrandID: brand.ID},
			func(p catalog.Product) bool { return p.BrandID == brand.ID }},
	}
	for _, f := range filters {
		var want []commerce.ProductID
		for _, p := range all {
			if f.keep(p) {
				want = append(want, p.ID)
			}
		}
		slices.Sort(want)
		for _, sort := range []catalog.Sort{catalog.SortNewest, catalog.SortPriceAsc,
			catalog.SortPriceDesc, catalog.SortName, catalog.SortRating} {
			for _, size := range []int{3, 20} {
				t.Run(fmt.Sprintf("%s/%s/%d", f.name, sort, size), func(t *testing.T) {
					q := f.q
					q.Sort, q.Limit = sort, size
					checkPages(t, s, q, want)
				})
			}
		}
	}
}

// checkPages lists q page by page and checks that the pages hold exactly
// want, in the order of q.Sort, with the right total.
func checkPages(t *testing.T, s Stores, q catalog.ProductQuery, want []commerce.ProductID) {
	t.Helper()
	var got []catalog.Product
	for q.Offset = 0; ; q.Offset += q.Limit {
		ps, total, err := s.Catalog.ListProducts(context.Background(), q)
		must(t, "ListProducts", err)
		if total != len(want) {
			t.Fatalf("ListProducts(%+v) total = %d; want %d", q, total, len(want))
		}
		if len(ps) == 0 {
			break
		}
		got = append(got, ps...)
	}
	ids := make([]commerce.ProductID, len(got))
	for i, p := range got {
		ids[i] = p.ID
		if i > 0 && !inOrder(q.Sort, got[i-1], p) {
			t.Errorf("ListProducts(sort %s): %q (id %d) before %q (id %d)", q.Sort,
				got[i-1].Name, got[i-1].ID, p.Name, p.ID)
		}
	}
	slices.Sort(ids)
	if !slices.Equal(ids, want) {
		t.Errorf("pages of ListProducts(%+v) hold %v; want %v", q, ids, want)
	}
}
