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
