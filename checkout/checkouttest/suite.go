package checkouttest

import (
	"context"
	"testing"

	"github.com/ecommerce-moderno/moderno/catalog"
	"github.com/ecommerce-moderno/moderno/checkout"
	"github.com/ecommerce-moderno/moderno/commerce"
	"github.com/ecommerce-moderno/moderno/inventory"
	"github.com/ecommerce-moderno/moderno/order"
)

// Run checks the stores of open against the contracts of checkout.Store,
// checkout.Tx, order.Store, checkout.KeyStore and checkout.Outbox, through
// the services that use them. open returns a fresh, empty Env each time.
func Run(t *testing.T, open func(t *testing.T) Env) {
	tests := []struct {
		name string
		fn   func(t *testing.T, f *fixture)
	}{
		{"PlaceOrder", testPlaceOrder},
		{"ServerPrices", testServerPrices},
		{"ConcurrentCheckouts", testConcurrentCheckouts},
		{"AllOrNothing", testAllOrNothing},
		{"AcrossWarehouses", testAcrossWarehouses},
		{"IdempotentRetries", testIdempotentRetries},
		{"IdempotencyKeys", testIdempotencyKeys},
		{"TransitionCompareAndSet", testCompareAndSet},
		{"Shipment", testShipment},
		{"ExpireReservations", testExpire},
		{"ListOrders", testListOrders},
		{"Outbox", testOutbox},
		{"NumberCollision", testNumberCollision},
		{"Rollback", testRollback},
		{"RoundTrip", testRoundTrip},
		{"MixedConcurrency", testMixedConcurrency},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.fn(t, newFixture(t, open(t), nil))
		})
	}
	t.Run("HeldPayments", func(t *testing.T) { testHeldPayments(t, open(t)) })
}

var ctx = context.Background()

// fixture is an Env with the services over it.
type fixture struct {
	env      Env
	clock    *Clock
	orders   *order.Service
	checkout *checkout.Service
	keys     *checkout.Idempotency
	wh       commerce.WarehouseID
	admin    commerce.Principal
}

func newFixture(t *testing.T, env Env, random *stuckReader) *fixture {
	t.Helper()
	f := &fixture{env: env, clock: NewClock(), wh: env.AddWarehouse(t),
		admin: commerce.User(env.AddCustomer(t), commerce.RoleAdmin)}
	f.orders = order.NewService(env.Orders, order.Config{Clock: f.clock})
	cfg := checkout.Config{Catalog: env.Catalog, Orders: f.orders, Clock: f.clock}
	if random != nil {
		cfg.Random = random
	}
	f.checkout = checkout.NewService(env.Store, cfg)
	f.keys = checkout.NewIdempotency(env.Keys, checkout.IdempotencyConfig{Clock: f.clock})
	return f
}

// product stores an active product at a price with stock in warehouses:
// units[i] in the i-th warehouse of whs (the fixture's when whs is empty).
func (f *fixture) product(t *testing.T, name string, price int64, units []int,
	whs ...commerce.WarehouseID) catalog.Product {
	t.Helper()
	p := catalog.Product{Name: name, SKU: name, Slug: name, Active: true,
		Price: commerce.FromMinor(price, commerce.CLP)}
	f.env.AddProduct(t, &p)
	if len(whs) == 0 {
		whs = []commerce.WarehouseID{f.wh}
	}
	for i, n := range units {
		f.env.SetLevels(t, inventory.Level{ProductID: p.ID, WarehouseID: whs[i], Quantity: n,
			ReorderPoint: 5, ReorderQuantity: 50})
	}
	return p
}

func address() order.Address {
	return order.Address{Name: "Ana Rojas", Street: "Av. Providencia 1234", City: "Santiago",
		Region: "Metropolitana", Country: "Chile", PostalCode: "7500000"}
}

func request(items ...checkout.Item) checkout.Request {
	return checkout.Request{Items: items, ShippingAddress: address(),
		PaymentMethod: "bank_transfer"}
}

func item(p catalog.Product, qty int) checkout.Item {
	return checkout.Item{ProductID: p.ID, Quantity: qty}
}

func (f *fixture) place(t *testing.T, customer commerce.UserID,
	req checkout.Request) (checkout.Result, error) {
	t.Helper()
	return f.checkout.PlaceOrder(ctx, commerce.User(customer, commerce.RoleCustomer), "", req)
}

func (f *fixture) mustPlace(t *testing.T, customer commerce.UserID,
	req checkout.Request) order.Order {
	t.Helper()
	res, err := f.place(t, customer, req)
	if err != nil {
		t.Fatalf("PlaceOrder = %v", err)
	}
	return res.Order
}

// stock returns the quantity and reserved units of a product's own level in
// the fixture's warehouse.
func (f *fixture) stock(t *testing.T, p commerce.ProductID,
	wh commerce.WarehouseID) (quantity, reserved int) {
	t.Helper()
	for _, l := range f.env.Levels(t, p) {
		if l.VariantID == 0 && l.WarehouseID == wh {
			return l.Quantity, l.Reserved
		}
	}
	t.Fatalf("no level of product %d in warehouse %d", p, wh)
	return 0, 0
}
