package storagetest

import (
	"context"
	"sync/atomic"
	"testing"

	"github.com/ecommerce-moderno/moderno/cart"
	"github.com/ecommerce-moderno/moderno/cart/carttest"
	"github.com/ecommerce-moderno/moderno/catalog"
	"github.com/ecommerce-moderno/moderno/checkout"
	"github.com/ecommerce-moderno/moderno/checkout/checkouttest"
	"github.com/ecommerce-moderno/moderno/commerce"
	"github.com/ecommerce-moderno/moderno/inventory"
	"github.com/ecommerce-moderno/moderno/order"
)

// ShopDB is what an SQL adapter's database offers: the catalog and the
// stock, and the shop side that checkout, order and cart declare.
type ShopDB interface {
	catalog.Store
	inventory.Store
	checkout.Store
	checkout.KeyStore
	checkout.Outbox
	order.Store
	cart.Store
}

// CheckoutEnv returns the stores of db, an empty migrated database, as the
// checkout/checkouttest suite takes them. Customers are plain ids: orders
// do not refer to an accounts table.
func CheckoutEnv(t *testing.T, db ShopDB) checkouttest.Env {
	ctx := context.Background()
	cat := mustCategory(t, Stores{Catalog: db}, 0)
	var customers atomic.Int64
	return checkouttest.Env{Store: db, Orders: db, Keys: db, Outbox: db, Catalog: db,
		AddCustomer: func(*testing.T) commerce.UserID {
			return commerce.UserID(customers.Add(1))
		},
		AddWarehouse: func(t *testing.T) commerce.WarehouseID {
			return mustWarehouse(t, Stores{Inventory: db}).ID
		},
		AddProduct: func(t *testing.T, p *catalog.Product) {
			t.Helper()
			p.CategoryID = cat.ID
			must(t, "CreateProduct", db.CreateProduct(ctx, p))
		},
		SetLevels: func(t *testing.T, ls ...inventory.Level) {
			t.Helper()
			must(t, "SetLevels", db.SetLevels(ctx, ls))
		},
		Levels: func(t *testing.T, p commerce.ProductID) []inventory.Level {
			t.Helper()
			ls, err := db.Levels(ctx, p)
			must(t, "Levels", err)
			return ls
		},
	}
}

// CartEnv returns the cart store of db, an empty migrated database, as the
// cart/carttest suite takes it.
func CartEnv(t *testing.T, db ShopDB) carttest.Env {
	cat := mustCategory(t, Stores{Catalog: db}, 0)
	var customers atomic.Int64
	return carttest.Env{Store: db,
		AddCustomer: func(*testing.T) commerce.UserID {
			return commerce.UserID(customers.Add(1))
		},
		AddProduct: func(t *testing.T) commerce.ProductID {
			t.Helper()
			return mustProduct(t, Stores{Catalog: db}, newProduct(cat.ID, "Producto",
				"1990")).ID
		},
	}
}

// ReservedStock checks that a product or a variant of which orders hold
// reserved units can be neither deleted nor dropped, and that the refusal
// changes nothing; db is an empty migrated database.
func ReservedStock(t *testing.T, db ShopDB) {
	ctx := context.Background()
	s := Stores{Catalog: db, Inventory: db}
	cat := mustCategory(t, s, 0)
	p, w := mustProduct(t, s, fullProduct(cat.ID)), mustWarehouse(t, s)
	v := p.Variants[0].ID
	must(t, "SetLevels", db.SetLevels(ctx, []inventory.Level{
		{ProductID: p.ID, WarehouseID: w.ID, Quantity: 5},
		{ProductID: p.ID, VariantID: v, WarehouseID: w.ID, Quantity: 5}}))
	err := db.Atomically(ctx, func(ctx context.Context, tx checkout.Tx) error {
		_, ok, err := tx.Reserve(ctx, order.Allocation{ProductID: p.ID, VariantID: v,
			WarehouseID: w.ID, Quantity: 2, State: order.Reserved})
		if !ok && err == nil {
			t.Error("Reserve = false; want 2 units reserved")
		}
		return err
	})
	must(t, "Reserve", err)

	dropped := p
	dropped.Variants = p.Variants[1:]
	wantField(t, "UpdateProduct(without the reserved variant)", db.UpdateProduct(ctx, &dropped),
		commerce.KindConflict, "variants")
	wantField(t, "DeleteProduct(reserved)", db.DeleteProduct(ctx, p.ID), commerce.KindConflict,
		"id")
	got, err := db.Product(ctx, p.ID)
	must(t, "Product", err)
	levels, err := db.Levels(ctx, p.ID)
	must(t, "Levels", err)
	reserved := 0
	for _, l := range levels {
		reserved += l.Reserved
	}
	if len(got.Variants) != len(p.Variants) || reserved != 2 {
		t.Errorf("after the refusals: %d variants, %d reserved; want %d, 2", len(got.Variants),
			reserved, len(p.Variants))
	}

	free := mustProduct(t, s, newProduct(cat.ID, "Sin reservas", "990"))
	must(t, "SetLevels", db.SetLevels(ctx, []inventory.Level{
		{ProductID: free.ID, WarehouseID: w.ID, Quantity: 3}}))
	must(t, "DeleteProduct(unreserved)", db.DeleteProduct(ctx, free.ID))
}
