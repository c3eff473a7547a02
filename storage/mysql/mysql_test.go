package mysql_test

import (
	"context"
	"testing"

	driver "github.com/go-sql-driver/mysql"

	"github.com/ecommerce-moderno/moderno/cart/carttest"
	"github.com/ecommerce-moderno/moderno/checkout"
	"github.com/ecommerce-moderno/moderno/checkout/checkouttest"
	"github.com/ecommerce-moderno/moderno/commerce"
	"github.com/ecommerce-moderno/moderno/storage/mysql"
	"github.com/ecommerce-moderno/moderno/storage/storagetest"
)

// DSNVariable names the environment variable that switches the MySQL
// tests on; storagetest.MySQLDatabase says what it holds.
const DSNVariable = storagetest.MySQLDSNVariable

// openDB returns a migrated database created for the test, or skips the
// test when the variable is unset.
func openDB(tb testing.TB) *mysql.DB {
	tb.Helper()
	db, _ := openDSN(tb)
	return db
}

// openDSN is openDB that also returns the settings of a connection to the
// test's database, for tests that need one of their own.
func openDSN(tb testing.TB) (*mysql.DB, *driver.Config) {
	tb.Helper()
	ctx := context.Background()
	dsn := storagetest.MySQLDatabase(tb)
	cfg, err := mysql.Config(dsn)
	if err != nil {
		tb.Fatalf("Config(%s) = %v", DSNVariable, err)
	}
	db, err := mysql.Open(ctx, dsn, mysql.Options{})
	if err != nil {
		tb.Fatalf("Open = %v; want nil", err)
	}
	tb.Cleanup(func() { _ = db.Close() })
	if err := db.Migrate(ctx); err != nil {
		tb.Fatalf("Migrate = %v; want nil", err)
	}
	return db, cfg
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
