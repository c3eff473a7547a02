// Package checkouttest is the contract of the stores checkout and order
// declare, as a test suite every adapter runs against itself
// (checkouttest.Run), and Memory, an in-memory implementation that passes
// it. The suite includes the proof of the checkout transaction: 200
// concurrent checkouts for 50 units make exactly 50 orders.
package checkouttest

import (
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ecommerce-moderno/moderno/catalog"
	"github.com/ecommerce-moderno/moderno/checkout"
	"github.com/ecommerce-moderno/moderno/commerce"
	"github.com/ecommerce-moderno/moderno/inventory"
	"github.com/ecommerce-moderno/moderno/order"
)

// Env is one fresh, empty set of stores to test, with the helpers the
// suite needs to put products, stock and customers in them.
type Env struct {
	Store   checkout.Store
	Orders  order.Store
	Keys    checkout.KeyStore
	Outbox  checkout.Outbox
	Catalog checkout.Catalog

	// AddCustomer stores a customer and returns their id.
	AddCustomer func(t *testing.T) commerce.UserID
	// AddWarehouse stores an active warehouse and returns its id.
	AddWarehouse func(t *testing.T) commerce.WarehouseID
	// AddProduct stores an active product, in any category, with its
	// variants, and sets their ids.
	AddProduct func(t *testing.T, p *catalog.Product)
	// SetLevels writes the quantity of stock levels, keeping reserved units.
	SetLevels func(t *testing.T, ls ...inventory.Level)
	// Levels returns the levels of a product and its variants.
	Levels func(t *testing.T, p commerce.ProductID) []inventory.Level
}

// MemoryEnv returns an Env over a new Memory.
func MemoryEnv(t *testing.T) Env {
	m := NewMemory()
	var customers atomic.Int64
	return Env{Store: m, Orders: m, Keys: m, Outbox: m, Catalog: m,
		AddCustomer:  func(*testing.T) commerce.UserID { return commerce.UserID(customers.Add(1)) },
		AddWarehouse: func(*testing.T) commerce.WarehouseID { return m.AddWarehouse() },
		AddProduct:   func(_ *testing.T, p *catalog.Product) { m.AddProduct(p) },
		SetLevels:    func(_ *testing.T, ls ...inventory.Level) { m.SetLevels(ls...) },
		Levels: func(t *testing.T, p commerce.ProductID) []inventory.Level {
			ls, err := m.Levels(t.Context(), p)
			if err != nil {
				t.Fatal(err)
			}
			return ls
		},
	}
}

// Clock is a clock tests move by hand. It is safe for concurrent use.
type Clock struct {
	mu  sync.Mutex
	now time.Time
}

// NewClock returns a clock at a fixed time.
func NewClock() *Clock {
	return &Clock{now: time.Date(2026, 3, 14, 15, 9, 26, 0, time.UTC)}
}

// Now returns the clock's time.
func (c *Clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

// Advance moves the clock forward.
func (c *Clock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}
