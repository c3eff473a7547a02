package storagetest

import (
	"context"
	"slices"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/ecommerce-moderno/moderno/catalog"
	"github.com/ecommerce-moderno/moderno/commerce"
	"github.com/ecommerce-moderno/moderno/inventory"
)

// listFixture is a small catalog whose listings the tests know in advance.
type listFixture struct {
	root, child, grandchild, other catalog.Category
	brand                          catalog.Brand
	products                       []catalog.Product // as stored, with Available set
}

func newListFixture(t *testing.T, s Stores) listFixture {
	t.Helper()
	var f listFixture
	f.root = mustCategory(t, s, 0)
	f.child = mustCategory(t, s, f.root.ID)
	f.grandchild = mustCategory(t, s, f.child.ID)
	f.other = mustCategory(t, s, 0)
	f.brand = mustBrand(t, s, "Colún")
	w := mustWarehouse(t, s)
	specs := []struct {
		name, price string
		cat         commerce.CategoryID
		featured    bool
		active      bool
		stock       int
		brand       bool
	}{
		{"Leche Entera", "1290", f.root.ID, false, true, 5, true},
		{"Camión Rojo", "15990", f.child.ID, true, true, 0, false},
		{"Jugo 100% natural", "990", f.grandchild.ID, false, true, 3, false},
		{"Jugo 1000 natural", "990", f.grandchild.ID, false, true, 0, false},
		{"Arroz Grado 1", "1290", f.other.ID, true, true, 10, false},
		{"Bebida a_b", "2500", f.child.ID, false, true, 1, true},
		{"Zapallo", "500", f.other.ID, false, true, 0, false},
		{"Oculto", "700", f.root.ID, false, false, 4, false},
	}
	for _, sp := range specs {
		p := newProduct(sp.cat, sp.name, sp.price)
		p.Featured, p.Active = sp.featured, sp.active
		if sp.brand {
			p.BrandID = f.brand.ID
		}
		p = mustProduct(t, s, p)
		if sp.stock > 0 {
			_, err := s.Inventory.Adjust(context.Background(),
				adjustment(p.ID, 0, w.ID, sp.stock))
			must(t, "Adjust", err)
		}
		p.Available = sp.stock
		f.products = append(f.products, p)
	}
	return f
}

// want returns the ids of the fixture's products that pass keep, in id order.
func (f listFixture) want(keep func(p catalog.Product) bool) []commerce.ProductID {
	var ids []commerce.ProductID
	for _, p := range f.products {
		if keep(p) {
			ids = append(ids, p.ID)
		}
	}
	return ids
}

func testList(t *testing.T, s Stores) {
	f := newListFixture(t, s)
	in := func(cats ...commerce.CategoryID) func(catalog.Product) bool {
		return func(p catalog.Product) bool { return p.Active && slices.Contains(cats, p.CategoryID) }
	}
	yes, no := true, false
	d := func(v string) *decimal.Decimal { x := decimal.RequireFromString(v); return &x }
	cases := []struct {
		name string
		q    catalog.ProductQuery
		keep func(p catalog.Product) bool
	}{
		{"All", catalog.ProductQuery{}, func(p catalog.Product) bool { return p.Active }},
		{"IncludeInactive", catalog.ProductQuery{IncludeInactive: true},
			func(catalog.Product) bool { return true }},
		{"Subtree", catalog.ProductQuery{CategoryID: f.root.ID},
			in(f.root.ID, f.child.ID, f.grandchild.ID)},
		{"Child", catalog.ProductQuery{CategoryID: f.child.ID}, in(f.child.ID, f.grandchild.ID)},
		{"Leaf", catalog.ProductQuery{CategoryID: f.grandchild.ID}, in(f.grandchild.ID)},
		{"Brand", catalog.ProductQuery{BrandID: f.brand.ID},
			func(p catalog.Product) bool { return p.Active && p.BrandID == f.brand.ID }},
		{"PriceRange", catalog.ProductQuery{PriceMin: d("990"), PriceMax: d("1290")},
			priceIn(990, 1290)},
		{"PriceMin", catalog.ProductQuery{PriceMin: d("2500")}, priceIn(2500, 1e12)},
		{"PriceMax", catalog.ProductQuery{PriceMax: d("990")}, priceIn(0, 990)},
		{"InStock", catalog.ProductQuery{InStock: &yes},
			func(p catalog.Product) bool { return p.Active && p.Available > 0 }},
		{"OutOfStock", catalog.ProductQuery{InStock: &no},
			func(p catalog.Product) bool { return p.Active && p.Available == 0 }},
		{"Featured", catalog.ProductQuery{Featured: &yes},
			func(p catalog.Product) bool { return p.Active && p.Featured }},
		{"NotFeatured", catalog.ProductQuery{Featured: &no, CategoryID: f.other.ID},
			func(p catalog.Product) bool { return in(f.other.ID)(p) && !p.Featured }},
		{"Combined", catalog.ProductQuery{CategoryID: f.root.ID, InStock: &yes, PriceMax: d("1290")},
			func(p catalog.Product) bool {
				return in(f.root.ID, f.child.ID, f.grandchild.ID)(p) && p.Available > 0 &&
					priceIn(0, 1290)(p)
			}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			checkListing(t, s, c.q, f.want(c.keep))
		})
	}
	t.Run("Search", func(t *testing.T) { testSearch(t, s, f) })
	t.Run("Sorts", func(t *testing.T) { testSorts(t, s, f) })
	t.Run("Availability", func(t *testing.T) {
		ps, _, err := s.Catalog.ListProducts(context.Background(),
			catalog.ProductQuery{Sort: catalog.SortNewest, Limit: 100})
		must(t, "ListProducts", err)
		for _, p := range ps {
			for _, w := range f.products {
				if w.ID == p.ID && p.Available != w.Available {
					t.Errorf("ListProducts: product %q Available = %d; want %d", p.Name,
						p.Available, w.Available)
				}
			}
		}
	})
}

func priceIn(lo, hi int64) func(p catalog.Product) bool {
	return func(p catalog.Product) bool {
		a := p.Price.Amount()
		return p.Active && a.GreaterThanOrEqual(decimal.NewFromInt(lo)) &&
			a.LessThanOrEqual(decimal.NewFromInt(hi))
	}
}

// checkListing lists q whole and compares the ids, in any order, and the
// total with want.
func checkListing(t *testing.T, s Stores, q catalog.ProductQuery, want []commerce.ProductID) {
	t.Helper()
	q.Limit, q.Sort = 100, catalog.SortPriceAsc
	ps, total, err := s.Catalog.ListProducts(context.Background(), q)
	must(t, "ListProducts", err)
	got := make([]commerce.ProductID, len(ps))
	for i, p := range ps {
		got[i] = p.ID
	}
	slices.Sort(got)
	if !slices.Equal(got, want) || total != len(want) {
		t.Errorf("ListProducts(%+v) = %v, total %d; want %v, total %d", q, got, total, want,
			len(want))
	}
}

func testSearch(t *testing.T, s Stores, f listFixture) {
	byName := func(names ...string) []commerce.ProductID {
		return f.want(func(p catalog.Product) bool { return slices.Contains(names, p.Name) })
	}
	cases := []struct {
		search string
		want   []commerce.ProductID
	}{
		{"leche", byName("Leche Entera")},
		{"ENTERA leche", byName("Leche Entera")},
		{"camion", byName("Camión Rojo")},
		{"CAMIÓN rojo", byName("Camión Rojo")},
		{"colun", byName("Leche Entera", "Bebida a_b")},
		{"colún bebida", byName("Bebida a_b")},
		{"100%", byName("Jugo 100% natural")},
		{"a_b", byName("Bebida a_b")},
		{"jugo natural", byName("Jugo 100% natural", "Jugo 1000 natural")},
		{f.products[4].SKU, byName("Arroz Grado 1")},
		{"leche zapallo", nil},
		{"oculto", nil},
	}
	for _, c := range cases {
		t.Run(c.search, func(t *testing.T) {
			checkListing(t, s, catalog.ProductQuery{Search: c.search}, c.want)
		})
	}
}

// testSorts lists every order in pages of 3 and checks the order, that the
// pages neither overlap nor skip, and the total.
func testSorts(t *testing.T, s Stores, f listFixture) {
	for _, sort := range []catalog.Sort{catalog.SortNewest, catalog.SortPriceAsc,
		catalog.SortPriceDesc, catalog.SortName, catalog.SortRating} {
		t.Run(string(sort), func(t *testing.T) {
			var all []catalog.Product
			for page := 0; ; page++ {
				q := catalog.ProductQuery{Sort: sort, Offset: page * 3, Limit: 3}
				ps, total, err := s.Catalog.ListProducts(context.Background(), q)
				must(t, "ListProducts", err)
				if total != 7 {
					t.Fatalf("ListProducts(%+v) total = %d; want 7", q, total)
				}
				if len(ps) == 0 {
					break
				}
				all = append(all, ps...)
			}
			if len(all) != 7 {
				t.Fatalf("pages of ListProducts(sort %s) hold %d products; want 7", sort, len(all))
			}
			for i := 1; i < len(all); i++ {
				if !inOrder(sort, all[i-1], all[i]) {
					t.Errorf("ListProducts(sort %s): %q (id %d) before %q (id %d)", sort,
						all[i-1].Name, all[i-1].ID, all[i].Name, all[i].ID)
				}
			}
		})
	}
}

// inOrder reports whether a may come right before b in the order; ties go
// by id in the direction of the main key.
func inOrder(sort catalog.Sort, a, b catalog.Product) bool {
	var c int
	switch sort {
	case catalog.SortNewest:
		c = b.CreatedAt.Compare(a.CreatedAt)
		if c == 0 {
			return a.ID > b.ID
		}
		return c < 0
	case catalog.SortPriceAsc:
		c = a.Price.Amount().Cmp(b.Price.Amount())
	case catalog.SortPriceDesc:
		c = b.Price.Amount().Cmp(a.Price.Amount())
		if c == 0 {
			return a.ID > b.ID
		}
	case catalog.SortName:
		c = compareFold(a.Name, b.Name)
	case catalog.SortRating:
		if a.Rating == b.Rating {
			return a.ID > b.ID
		}
		return a.Rating > b.Rating
	}
	return c < 0 || c == 0 && a.ID < b.ID
}

func adjustment(p commerce.ProductID, v commerce.VariantID, w commerce.WarehouseID,
	delta int) inventory.Adjustment {
	return inventory.Adjustment{ProductID: p, VariantID: v, WarehouseID: w, Delta: delta,
		Reason: inventory.ReasonRestock}
}
