package sqlite_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/ecommerce-moderno/moderno/cart/carttest"
	"github.com/ecommerce-moderno/moderno/checkout"
	"github.com/ecommerce-moderno/moderno/checkout/checkouttest"
	"github.com/ecommerce-moderno/moderno/commerce"
	"github.com/ecommerce-moderno/moderno/storage/sqlite"
	"github.com/ecommerce-moderno/moderno/storage/storagetest"
)

// openDB returns a migrated database in a file of the test's temporary
// directory, closed when the test ends.
func openDB(tb testing.TB) *sqlite.DB {
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
	return db
}

func open(tb testing.TB) storagetest.Stores {
	db := openDB(tb)
	return storagetest.Stores{Catalog: db, Inventory: db, Migrations: db}
}

func TestContract(t *testing.T) {
	storagetest.Run(t, open)
}

// TestCheckout runs the contract of the checkout, order, idempotency key
// and outbox stores, 200 concurrent checkouts for 50 units included.
func TestCheckout(t *testing.T) {
	checkouttest.Run(t, func(t *testing.T) checkouttest.Env {
		return storagetest.CheckoutEnv(t, openDB(t))
	})
}

func TestReservedStock(t *testing.T) {
	storagetest.ReservedStock(t, openDB(t))
}

func TestCart(t *testing.T) {
	carttest.Run(t, func(t *testing.T) carttest.Env {
		return storagetest.CartEnv(t, openDB(t))
	})
}

func TestPayments(t *testing.T) {
	checkouttest.RunPayments(t, func(t *testing.T) (checkout.PaymentStore, commerce.OrderID) {
		return openDB(t), 1
	})
}
