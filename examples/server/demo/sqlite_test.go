package demo

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/ecommerce-moderno/moderno/catalog"
	"github.com/ecommerce-moderno/moderno/commerce"
	"github.com/ecommerce-moderno/moderno/inventory"
	"github.com/ecommerce-moderno/moderno/storage/sqlite"
)

// openSQLite returns a Config over a fresh, migrated SQLite database in the
// test's temporary directory.
func openSQLite(tb testing.TB) Config {
	tb.Helper()
	ctx := context.Background()
	db, err := sqlite.Open(ctx, filepath.Join(tb.TempDir(), "demo.db"), sqlite.Options{})
	if err != nil {
		tb.Fatalf("sqlite.Open = %v; want nil", err)
	}
	tb.Cleanup(func() { _ = db.Close() })
	if err := db.Migrate(ctx); err != nil {
		tb.Fatalf("Migrate = %v; want nil", err)
	}
	return Config{
		Catalog:   catalog.NewService(db, catalog.Config{}),
		Inventory: inventory.NewService(db, inventory.Config{}),
	}
}

// TestImportSQLiteTwice imports a subset into a real SQLite database twice:
// the second run must update what the first created and add nothing.
func TestImportSQLiteTwice(t *testing.T) {
	cfg := openSQLite(t)
	cfg.Limit = 400
	first := mustImport(t, cfg)
	if first.Created == 0 || first.Updated != 0 {
		t.Fatalf("first run created %d, updated %d; want some and 0", first.Created,
			first.Updated)
	}
	second := mustImport(t, cfg)
	if second.Created != 0 || second.Updated != first.Created {
		t.Errorf("second run created %d, updated %d; want 0 and %d", second.Created,
			second.Updated, first.Created)
	}
	ctx := context.Background()
	page, err := cfg.Catalog.ListProducts(ctx, commerce.System,
		catalog.ListFilter{IncludeInactive: true, Limit: 1})
	if err != nil || page.Total != first.Created {
		t.Errorf("ListProducts = %d products, %v; want %d", page.Total, err, first.Created)
	}
	checkSQLiteProduct(t, cfg, "PCA-0000000205870", 7020) // Ojo de Bife, 539.99 ARS
	checkFeatured(t, cfg, first.Featured)
}

// checkSQLiteProduct finds a product by SKU and checks its price, category
// and stock as the store returns them.
func checkSQLiteProduct(t *testing.T, cfg Config, sku string, price int64) {
	t.Helper()
	ctx := context.Background()
	page, err := cfg.Catalog.ListProducts(ctx, commerce.System,
		catalog.ListFilter{Search: sku, Limit: 5})
	if err != nil || len(page.Products) != 1 {
		t.Fatalf("ListProducts(search %s) = %d products, %v; want 1", sku, len(page.Products), err)
	}
	p := page.Products[0]
	if p.Price.Minor() != price {
		t.Errorf("%s price = %s; want %d CLP", sku, p.Price, price)
	}
	if want := demoStock(sku).Quantity; p.Available != want {
		t.Errorf("%s available = %d; want the demo stock %d", sku, p.Available, want)
	}
	path, err := cfg.Catalog.CategoryPath(ctx, p.CategoryID)
	if err != nil || len(path) < 2 || path[0].Name != Supermarket {
		t.Errorf("%s category path = %v, %v; want under %s", sku, path, err, Supermarket)
	}
}

// checkFeatured checks that the store lists the featured products.
func checkFeatured(t *testing.T, cfg Config, want int) {
	t.Helper()
	yes := true
	page, err := cfg.Catalog.ListProducts(context.Background(), commerce.System,
		catalog.ListFilter{Featured: &yes, Limit: 100})
	if err != nil || page.Total != want || want == 0 {
		t.Errorf("featured = %d, %v; want %d, more than none", page.Total, err, want)
	}
}

// TestFullImportSQLite imports the whole demo catalog into SQLite twice and
// logs the times. It takes about a minute, several under -race, so it runs
// only when DEMO_FULL_IMPORT is set, and never with -short:
//
//	DEMO_FULL_IMPORT=1 go test -run TestFullImportSQLite -v ./examples/server/demo
func TestFullImportSQLite(t *testing.T) {
	if testing.Short() || os.Getenv("DEMO_FULL_IMPORT") == "" {
		t.Skip("full SQLite import: set DEMO_FULL_IMPORT=1 to run")
	}
	cfg := openSQLite(t)
	start := time.Now()
	cfg.Progress = func(p Progress) {
		if p.Done == p.Total {
			t.Logf("%8s %s %s %d", time.Since(start).Round(time.Millisecond), p.Step, p.Source,
				p.Total)
		}
	}
	for run := 1; run <= 2; run++ {
		rep := mustImport(t, cfg)
		t.Logf("run %d:\n%s", run, rep)
		if run == 2 && rep.Created != 0 {
			t.Errorf("second run created %d products; want 0", rep.Created)
		}
	}
}
