// Package storagetest is the contract every storage adapter must keep: Run
// exercises each method of catalog.Store and inventory.Store against a
// fresh database the adapter opens, and Bench times listings over a
// catalog of the demo's size. Adapters call both from their own tests.
package storagetest

import (
	"context"
	"fmt"
	"sync/atomic"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/ecommerce-moderno/moderno/catalog"
	"github.com/ecommerce-moderno/moderno/commerce"
	"github.com/ecommerce-moderno/moderno/inventory"
	"github.com/ecommerce-moderno/moderno/storage/sqlstore"
)

// Stores are the stores of one empty, migrated database.
type Stores struct {
	Catalog   catalog.Store
	Inventory inventory.Store
	// Migrations, when set, is checked by going all the way down and up.
	Migrations Migrator
}

// Migrator is what the SQL adapters offer for the migrate commands.
type Migrator interface {
	Migrate(ctx context.Context) error
	MigrateDown(ctx context.Context) error
	MigrationStatus(ctx context.Context) ([]sqlstore.MigrationStatus, error)
}

// Opener opens an empty, migrated database for one test and closes and
// removes it when the test ends (with tb.Cleanup).
type Opener func(tb testing.TB) Stores

// Run runs the whole contract, each group of tests on a database of its own.
func Run(t *testing.T, open Opener) {
	groups := []struct {
		name string
		run  func(t *testing.T, s Stores)
	}{
		{"Categories", testCategories},
		{"Brands", testBrands},
		{"Products", testProducts},
		{"List", testList},
		{"Plans", testPlans},
		{"Upsert", testUpsert},
		{"Warehouses", testWarehouses},
		{"Stock", testStock},
		{"Migrations", testMigrations},
		{"StaffAudit", testStaffAudit},
	}
	for _, g := range groups {
		t.Run(g.name, func(t *testing.T) {
			g.run(t, open(t))
		})
	}
}

var serial atomic.Int64

// unique returns prefix followed by a number no other call returned.
func unique(prefix string) string {
	return fmt.Sprintf("%s-%d", prefix, serial.Add(1))
}

// clp returns an amount of Chilean pesos.
func clp(s string) commerce.Money {
	return commerce.NewMoney(decimal.RequireFromString(s), commerce.CLP)
}

func usd(s string) commerce.Money {
	return commerce.NewMoney(decimal.RequireFromString(s), commerce.USD)
}

func wantKind(t *testing.T, call string, err error, want commerce.Kind) {
	t.Helper()
	if got := commerce.ErrorKind(err); got != want || err == nil {
		t.Fatalf("%s = %v (kind %v); want kind %v", call, err, got, want)
	}
}

func wantField(t *testing.T, call string, err error, kind commerce.Kind, field string) {
	t.Helper()
	wantKind(t, call, err, kind)
	for _, f := range commerce.ErrorFields(err) {
		if f.Field == field {
			return
		}
	}
	t.Fatalf("%s = %v; want an error naming field %q", call, err, field)
}

func must(t *testing.T, call string, err error) {
	t.Helper()
	if err != nil {
		t.Fatalf("%s = %v; want nil", call, err)
	}
}

func mustCategory(t *testing.T, s Stores, parent commerce.CategoryID) catalog.Category {
	t.Helper()
	slug := unique("cat")
	c := catalog.Category{Name: "Categoría " + slug, Slug: slug, ParentID: parent, Active: true}
	must(t, "CreateCategory", s.Catalog.CreateCategory(context.Background(), &c))
	return c
}

func mustBrand(t *testing.T, s Stores, name string) catalog.Brand {
	t.Helper()
	b := catalog.Brand{Name: name, Slug: unique("brand")}
	must(t, "CreateBrand", s.Catalog.CreateBrand(context.Background(), &b))
	return b
}

func mustWarehouse(t *testing.T, s Stores) inventory.Warehouse {
	t.Helper()
	w := inventory.Warehouse{Code: unique("WH"), Name: "Bodega", Active: true}
	must(t, "CreateWarehouse", s.Inventory.CreateWarehouse(context.Background(), &w))
	return w
}

// newProduct returns an active product in the category, not yet stored.
func newProduct(cat commerce.CategoryID, name, price string) catalog.Product {
	slug := unique("prod")
	return catalog.Product{Name: name, Slug: slug, SKU: "SKU-" + slug, Price: clp(price),
		CategoryID: cat, Active: true}
}

func mustProduct(t *testing.T, s Stores, p catalog.Product) catalog.Product {
	t.Helper()
	must(t, "CreateProduct", s.Catalog.CreateProduct(context.Background(), &p))
	return p
}
