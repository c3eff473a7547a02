package storagetest

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/ecommerce-moderno/moderno/catalog"
	"github.com/ecommerce-moderno/moderno/commerce"
	"github.com/ecommerce-moderno/moderno/inventory"
)

// The synthetic catalog of Bench has the demo's size.
const (
	benchRoots     = 100
	benchChildren  = 45 // per root: 4,600 categories in all
	benchProducts  = 70_000
	benchBrands    = 300
	benchInStockOf = 3 // one product in benchInStockOf has no stock
)

// Bench loads a catalog of the demo's size, reporting how long the import
// took, then times listings: a filtered, sorted page with its count, the
// unfiltered newest page, a deep page, and a word search.
func Bench(b *testing.B, open Opener) {
	s := open(b)
	roots := loadBenchCatalog(b, s)
	yes := true
	lo, hi := decimal.NewFromInt(5_000), decimal.NewFromInt(60_000)
	cases := []struct {
		name string
		q    catalog.ProductQuery
	}{
		{"Filtered", catalog.ProductQuery{CategoryID: roots[7], InStock: &yes, PriceMin: &lo,
			PriceMax: &hi, Sort: catalog.SortPriceAsc, Offset: 40, Limit: 20}},
		{"Newest", catalog.ProductQuery{Sort: catalog.SortNewest, Limit: 20}},
		{"PriceDescDeep", catalog.ProductQuery{Sort: catalog.SortPriceDesc, Offset: 20_000,
			Limit: 20}},
		{"InStockByName", catalog.ProductQuery{InStock: &yes, Sort: catalog.SortName, Limit: 20}},
		{"Search", catalog.ProductQuery{Search: "producto 4242", Sort: catalog.SortNewest,
			Limit: 20}},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				ps, total, err := s.Catalog.ListProducts(context.Background(), c.q)
				if err != nil || total == 0 || len(ps) == 0 {
					b.Fatalf("ListProducts(%+v) = %d products, total %d, %v", c.q, len(ps),
						total, err)
				}
			}
		})
	}
}

// loadBenchCatalog stores the categories, brands, products and stock of
// the synthetic catalog and returns the root categories.
func loadBenchCatalog(b *testing.B, s Stores) []commerce.CategoryID {
	b.Helper()
	ctx := context.Background()
	var roots, leaves []commerce.CategoryID
	for range benchRoots {
		r := mustCategoryTB(b, s, 0)
		roots = append(roots, r)
		for range benchChildren {
			leaves = append(leaves, mustCategoryTB(b, s, r))
		}
	}
	brands := make([]commerce.BrandID, benchBrands)
	for i := range brands {
		br := catalog.Brand{Name: fmt.Sprintf("Marca %d", i), Slug: unique("marca")}
		if err := s.Catalog.CreateBrand(ctx, &br); err != nil {
			b.Fatalf("CreateBrand = %v", err)
		}
		brands[i] = br.ID
	}
	ps := make([]catalog.Product, benchProducts)
	for i := range ps {
		ps[i] = catalog.Product{Name: fmt.Sprintf("Producto %d", i),
			Slug: fmt.Sprintf("producto-%d", i), SKU: fmt.Sprintf("B%07d", i),
			Description: "Un producto de prueba para medir listados",
			Price:       commerce.FromMinor(int64(500+(i*7919)%99_500), commerce.CLP),
			CategoryID:  leaves[i%len(leaves)], BrandID: brands[i%len(brands)],
			Active: i%50 != 0, Featured: i%20 == 0,
			Images: []catalog.Image{{URL: fmt.Sprintf("https://img.test/%d.jpg", i)}}}
	}
	start := time.Now()
	if _, err := s.Catalog.UpsertProducts(ctx, ps); err != nil {
		b.Fatalf("UpsertProducts = %v", err)
	}
	imported := time.Since(start)
	b.Logf("imported %d products in %v", len(ps), imported.Round(time.Millisecond))
	setBenchStock(b, s, ps)
	return roots
}

func setBenchStock(b *testing.B, s Stores, ps []catalog.Product) {
	b.Helper()
	ctx := context.Background()
	w := inventory.Warehouse{Code: unique("BENCH"), Name: "Bodega", Active: true}
	if err := s.Inventory.CreateWarehouse(ctx, &w); err != nil {
		b.Fatalf("CreateWarehouse = %v", err)
	}
	var ls []inventory.Level
	for i, p := range ps {
		if i%benchInStockOf != 0 {
			ls = append(ls, inventory.Level{ProductID: p.ID, WarehouseID: w.ID,
				Quantity: 1 + i%40, ReorderPoint: 5, ReorderQuantity: 20})
		}
	}
	start := time.Now()
	if err := s.Inventory.SetLevels(ctx, ls); err != nil {
		b.Fatalf("SetLevels = %v", err)
	}
	b.Logf("set %d stock levels in %v", len(ls), time.Since(start).Round(time.Millisecond))
}

func mustCategoryTB(b *testing.B, s Stores, parent commerce.CategoryID) commerce.CategoryID {
	b.Helper()
	slug := unique("cat")
	c := catalog.Category{Name: "Categoría " + slug, Slug: slug, ParentID: parent, Active: true}
	if err := s.Catalog.CreateCategory(context.Background(), &c); err != nil {
		b.Fatalf("CreateCategory = %v", err)
	}
	return c.ID
}
