package mysql_test

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"os"
	"testing"

	driver "github.com/go-sql-driver/mysql"

	"github.com/ecommerce-moderno/moderno/cart/carttest"
	"github.com/ecommerce-moderno/moderno/checkout/checkouttest"
	"github.com/ecommerce-moderno/moderno/storage/mysql"
	"github.com/ecommerce-moderno/moderno/storage/storagetest"
)

// DSNVariable names the environment variable that switches the MySQL
// tests on. It holds the DSN of a server, without a database, whose user
// may create and drop databases, such as "root@tcp(127.0.0.1:3306)/". Each
// test creates a database of its own with a random name, moderno_test_...,
// and drops it when it ends, so runs sharing a server never clash.
const DSNVariable = "COMMERCE_TEST_MYSQL_DSN"

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
	dsn := os.Getenv(DSNVariable)
	if dsn == "" {
		tb.Skip(DSNVariable + " is not set")
	}
	ctx := context.Background()
	cfg, err := mysql.Config(dsn)
	if err != nil {
		tb.Fatalf("Config(%s) = %v", DSNVariable, err)
	}
	cfg.DBName = "moderno_test_" + randomHex(tb)
	server := serverOf(tb, cfg)
	_, err = server.ExecContext(ctx, "CREATE DATABASE "+cfg.DBName+
		" CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci")
	if err != nil {
		tb.Fatalf("create database %s: %v", cfg.DBName, err)
	}
	tb.Cleanup(func() { _, _ = server.ExecContext(ctx, "DROP DATABASE "+cfg.DBName) })

	db, err := mysql.Open(ctx, cfg.FormatDSN(), mysql.Options{})
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

// serverOf connects to the server of cfg without choosing a database.
func serverOf(tb testing.TB, cfg *driver.Config) *sql.DB {
	tb.Helper()
	c := cfg.Clone()
	c.DBName = ""
	conn, err := driver.NewConnector(c)
	if err != nil {
		tb.Fatalf("connect to %s: %v", DSNVariable, err)
	}
	db := sql.OpenDB(conn)
	tb.Cleanup(func() { _ = db.Close() })
	return db
}

func randomHex(tb testing.TB) string {
	b := make([]byte, 6)
	if _, err := rand.Read(b); err != nil {
		tb.Fatal(err)
	}
	return hex.EncodeToString(b)
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

func TestCart(t *testing.T) {
	carttest.Run(t, func(t *testing.T) carttest.Env {
		return storagetest.CartEnv(t, openDB(t))
	})
}
