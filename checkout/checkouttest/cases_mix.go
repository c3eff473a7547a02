package checkouttest

import (
	"sync"
	"testing"

	"github.com/ecommerce-moderno/moderno/catalog"
	"github.com/ecommerce-moderno/moderno/commerce"
	"github.com/ecommerce-moderno/moderno/order"
)

// testMixedConcurrency races two-line checkouts, listing their products in
// either order, against the cancellation and shipment of earlier orders,
// over two products in two warehouses. However the store interleaves them,
// no unit is lost or invented: per product, the units left plus the units
// shipped are the units stocked, and the units reserved are those of the
// allocations still reserved.
func testMixedConcurrency(t *testing.T, f *fixture) {
	second := f.env.AddWarehouse(t)
	whs := []commerce.WarehouseID{f.wh, second}
	a := f.product(t, "mochila", 29990, []int{7, 5}, whs...)
	b := f.product(t, "botella", 9990, []int{4, 8}, whs...)
	const stocked = 12

	place := func(n int) []order.Order {
		var mu sync.Mutex
		var wg sync.WaitGroup
		var placed []order.Order
		for i := range n {
			wg.Add(1)
			go func() {
				defer wg.Done()
				req := request(item(a, i%3+1), item(b, 1))
				if i%2 == 1 {
					req = request(item(b, 1), item(a, i%3+1))
				}
				res, err := f.place(t, f.env.AddCustomer(t), req)
				if err != nil && commerce.ErrorKind(err) != commerce.KindOutOfStock {
					t.Errorf("PlaceOrder = %v; want an order or out of stock", err)
				}
				if err == nil {
					mu.Lock()
					placed = append(placed, res.Order)
					mu.Unlock()
				}
			}()
		}
		wg.Wait()
		return placed
	}
	first := place(8)
	var wg sync.WaitGroup
	for i, o := range first {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if i%2 == 0 {
				f.ship(t, o.ID)
				return
			}
			if _, err := f.orders.SetStatus(ctx, f.admin, o.ID, order.StatusCancelled,
				""); err != nil {
				t.Errorf("cancel = %v", err)
			}
		}()
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		place(12)
	}()
	wg.Wait()
	if len(first) == 0 {
		t.Fatal("no order placed in the first round")
	}
	f.checkUnits(t, stocked, a, b)
}

// checkUnits checks, for each product, that quantity + units deducted is
// stocked and that reserved is the sum of the allocations still reserved,
// over every order of the store.
func (f *fixture) checkUnits(t *testing.T, stocked int, ps ...catalog.Product) {
	t.Helper()
	deducted, reserved := map[commerce.ProductID]int{}, map[commerce.ProductID]int{}
	for page := 0; ; page++ {
		list, total, err := f.env.Orders.Orders(ctx, order.Query{Offset: page * 50, Limit: 50})
		if err != nil {
			t.Fatal(err)
		}
		for _, o := range list {
			full, err := f.env.Orders.Order(ctx, o.ID)
			if err != nil {
				t.Fatal(err)
			}
			for _, al := range full.Allocations {
				switch al.State {
				case order.Deducted:
					deducted[al.ProductID] += al.Quantity
				case order.Reserved:
					reserved[al.ProductID] += al.Quantity
				}
			}
		}
		if (page+1)*50 >= total {
			break
		}
	}
	for _, p := range ps {
		q, r := 0, 0
		for _, l := range f.env.Levels(t, p.ID) {
			q, r = q+l.Quantity, r+l.Reserved
		}
		if q+deducted[p.ID] != stocked || r != reserved[p.ID] {
			t.Errorf("%s: quantity %d + shipped %d, reserved %d; want %d in all and %d reserved",
				p.Name, q, deducted[p.ID], r, stocked, reserved[p.ID])
		}
	}
}
