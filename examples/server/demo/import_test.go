package demo

import (
	"context"
	"testing"

	"github.com/ecommerce-moderno/moderno/catalog"
	"github.com/ecommerce-moderno/moderno/commerce"
	"github.com/ecommerce-moderno/moderno/inventory"
)

// newFakeConfig returns a Config over a fresh in-memory store.
func newFakeConfig(t *testing.T) (Config, *fakeStore) {
	t.Helper()
	store := newFakeStore()
	return Config{
		Catalog:   catalog.NewService(store, catalog.Config{}),
		Inventory: inventory.NewService(store, inventory.Config{}),
	}, store
}

// mustImport runs Import and fails the test on an error.
func mustImport(t *testing.T, cfg Config) Report {
	t.Helper()
	rep, err := Import(context.Background(), cfg)
	if err != nil {
		t.Fatalf("Import = %v; want nil\n%s", err, rep)
	}
	return rep
}

func TestImportTwiceFake(t *testing.T) {
	cfg, store := newFakeConfig(t)
	cfg.Limit = 1000 // every Best Buy product, with its colour groups, and 1,000 of the other
	var progress []Progress
	cfg.Progress = func(p Progress) { progress = append(progress, p) }
	first := mustImport(t, cfg)
	products, levels := len(store.products), len(store.levels)

	second := mustImport(t, cfg)
	if second.Created != 0 || second.Updated != first.Created {
		t.Errorf("second run created %d, updated %d; want 0 and %d", second.Created,
			second.Updated, first.Created)
	}
	if len(store.products) != products || len(store.levels) != levels {
		t.Errorf("second run left %d products, %d levels; want %d, %d", len(store.products),
			len(store.levels), products, levels)
	}
	if first.StockLevels != levels || first.Featured == 0 {
		t.Errorf("stock levels %d (store %d), featured %d; want equal and some", first.StockLevels,
			levels, first.Featured)
	}
	checkVariantStock(t, store)
	if last := progress[len(progress)-1]; last.Step != "stock" || last.Done != last.Total {
		t.Errorf("last progress = %+v; want stock done", last)
	}
}

// checkVariantStock checks that every variant, and every product without
// variants, has its demo level, and that products with variants have none
// of their own.
func checkVariantStock(t *testing.T, store *fakeStore) {
	t.Helper()
	for _, p := range store.products {
		keys := [][3]int64{{int64(p.ID), 0, 1}}
		if len(p.Variants) > 0 {
			keys = keys[:0]
			for _, v := range p.Variants {
				keys = append(keys, [3]int64{int64(p.ID), int64(v.ID), 1})
			}
		}
		for _, k := range keys {
			if _, ok := store.levels[k]; !ok {
				t.Errorf("%s: no stock level for %v", p.SKU, k)
			}
		}
	}
}

// TestFullImportFake imports every row into the in-memory store and checks
// the counts of the report: about 2 s, 20 s under -race.
func TestFullImportFake(t *testing.T) {
	if testing.Short() {
		t.Skip("full import: skipped with -short")
	}
	cfg, store := newFakeConfig(t)
	rep := mustImport(t, cfg)
	t.Logf("full import:\n%s", rep)
	bby, pca := rep.Sources[0], rep.Sources[1]
	if bby.Rows != 1000 || bby.Imported != 1000 || pca.Rows != 67611 ||
		pca.Imported+pca.Rejected != pca.Rows {
		t.Errorf("sources = %+v; want every row imported or rejected", rep.Sources)
	}
	if pca.Rejected > 100 {
		t.Errorf("%d Precios Claros rows rejected; want only the price outliers", pca.Rejected)
	}
	if share := float64(rep.ByDefault) / float64(pca.Rows); share > 0.05 {
		t.Errorf("%.1f%% of Precios Claros rows fell to the default aisle; want under 5%%",
			100*share)
	}
	n := 0
	for _, c := range rep.Categories {
		n += c.Count
	}
	if n != bby.Imported+pca.Imported {
		t.Errorf("category counts add up to %d; want %d", n, bby.Imported+pca.Imported)
	}
	checkCategoriesActive(t, store)
}

// checkCategoriesActive checks that the import left no category hidden.
func checkCategoriesActive(t *testing.T, store *fakeStore) {
	t.Helper()
	for _, c := range store.categories {
		if !c.Active {
			t.Errorf("category %q is inactive", c.Name)
		}
	}
}

func TestImportNeedsCLP(t *testing.T) {
	store := newFakeStore()
	cfg := Config{Catalog: catalog.NewService(store, catalog.Config{Currency: commerce.USD}),
		Inventory: inventory.NewService(store, inventory.Config{})}
	if _, err := Import(context.Background(), cfg); err == nil {
		t.Error("Import into a USD catalog succeeded; want an error")
	}
	if _, err := Import(context.Background(), Config{}); err == nil {
		t.Error("Import without services succeeded; want an error")
	}
}
