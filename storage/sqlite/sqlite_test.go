package sqlite_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/ecommerce-moderno/moderno/storage/sqlite"
	"github.com/ecommerce-moderno/moderno/storage/storagetest"
)

// open returns a migrated database in a file of the test's temporary
// directory, closed when the test ends.
func open(tb testing.TB) storagetest.Stores {
	tb.Helper()
	ctx := context.Background()
	db, err := sqlite.Open(ctx, filepath.Join(tb.TempDir(), "store.db"), sqlite.Options{})
	if err != nil {
		tb.Fatalf("Open = %v; want nil", err)
	}
	tb.Cleanup(func() { _ = db.Close() })
	if err := db.Migrate(ctx); err != nil {
		tb.Fatalf("Migrate = %v; want nil", err)
	}
	return storagetest.Stores{Catalog: db, Inventory: db, Migrations: db}
}

func TestContract(t *testing.T) {
	storagetest.Run(t, open)
}
