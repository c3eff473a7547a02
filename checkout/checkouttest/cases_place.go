package checkouttest

import (
	"context"
	"sync"
	"testing"

	"github.com/ecommerce-moderno/moderno/catalog"
	"github.com/ecommerce-moderno/moderno/checkout"
	"github.com/ecommerce-moderno/moderno/commerce"
	"github.com/ecommerce-moderno/moderno/inventory"
	"github.com/ecommerce-moderno/moderno/order"
)

func testPlaceOrder(t *testing.T, f *fixture) {
	p := f.product(t, "te-verde", 11990, []int{10})
	customer := f.env.AddCustomer(t)
	placed := f.mustPlace(t, customer, request(item(p, 2)))

	o, err := f.env.Orders.Order(ctx, placed.ID)
	if err != nil {
		t.Fatalf("Order(%d) = %v", placed.ID, err)
	}
	if o.Number == "" || o.Number != placed.Number || o.CustomerID != customer {
		t.Errorf("order %q of %d; want %q of %d", o.Number, o.CustomerID, placed.Number, customer)
	}
	if o.Status != order.StatusPending || o.PaymentStatus != order.PaymentPending {
		t.Errorf("statuses = %s/%s; want pending/pending", o.Status, o.PaymentStatus)
	}
	if len(o.Lines) != 1 || o.Lines[0].Quantity != 2 || o.Lines[0].UnitPrice.Minor() != 11990 ||
		o.Lines[0].SKU != "te-verde" || o.Lines[0].ID == 0 {
		t.Errorf("lines = %+v; want 2 × te-verde at 11990 with an id", o.Lines)
	}
	if !o.Balanced() || o.Total.Minor() != 23980+2990 || o.Tax.IsZero() {
		t.Errorf("total %s tax %s balanced %v; want 26970 with IVA", o.Total, o.Tax, o.Balanced())
	}
	if len(o.Allocations) != 1 || o.Allocations[0].State != order.Reserved ||
		o.Allocations[0].WarehouseID != f.wh || o.Allocations[0].Quantity != 2 {
		t.Errorf("allocations = %+v; want 2 reserved in %d", o.Allocations, f.wh)
	}
	if len(o.Timeline) != 1 || o.Timeline[0].To != string(order.StatusPending) ||
		o.Timeline[0].ID == 0 || o.Timeline[0].ActorID != customer {
		t.Errorf("timeline = %+v; want one entry to pending by the customer", o.Timeline)
	}
	if o.ShippingAddress.Country != "CL" || o.ShippingAddress.Region != "RM" {
		t.Errorf("address = %+v; want CL, RM", o.ShippingAddress)
	}
	if q, r := f.stock(t, p.ID, f.wh); q != 10 || r != 2 {
		t.Errorf("stock = %d, %d reserved; want 10, 2", q, r)
	}
}

func testServerPrices(t *testing.T, f *fixture) {
	// The request has no price field: whatever a client sends as price,
	// the edge drops it, and the catalog price is charged.
	p := f.product(t, "cafe", 8990, []int{5})
	o := f.mustPlace(t, f.env.AddCustomer(t), request(item(p, 1)))
	if o.Lines[0].UnitPrice.Minor() != 8990 || o.Subtotal.Minor() != 8990 {
		t.Errorf("unit price %s, subtotal %s; want the catalog's 8990", o.Lines[0].UnitPrice,
			o.Subtotal)
	}
}

// testConcurrentCheckouts is the proof of the reservation: 200 shoppers
// race for 50 units.
func testConcurrentCheckouts(t *testing.T, f *fixture) {
	const units, shoppers = 50, 200
	p := f.product(t, "consola", 399990, []int{units})
	customers := make([]commerce.UserID, shoppers)
	for i := range customers {
		customers[i] = f.env.AddCustomer(t)
	}
	var (
		wg               sync.WaitGroup
		mu               sync.Mutex
		placed           []order.Order
		outOfStock, fail int
	)
	for _, c := range customers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			res, err := f.place(t, c, request(item(p, 1)))
			mu.Lock()
			defer mu.Unlock()
			switch {
			case err == nil:
				placed = append(placed, res.Order)
			case commerce.ErrorKind(err) == commerce.KindOutOfStock:
				outOfStock++
			default:
				fail++
				t.Errorf("PlaceOrder = %v; want an order or out of stock", err)
			}
		}()
	}
	wg.Wait()
	if len(placed) != units || outOfStock != shoppers-units || fail != 0 {
		t.Fatalf("%d placed, %d out of stock, %d failed; want %d, %d, 0", len(placed),
			outOfStock, fail, units, shoppers-units)
	}
	if q, r := f.stock(t, p.ID, f.wh); q != units || r != units {
		t.Fatalf("stock = %d, %d reserved; want %d, %d", q, r, units, units)
	}

	// Cancel ten and ship five: quantity + sold = 50 and reserved = open.
	for _, o := range placed[:10] {
		if _, err := f.orders.SetStatus(ctx, f.admin, o.ID, order.StatusCancelled,
			"prueba"); err != nil {
			t.Fatalf("cancel = %v", err)
		}
	}
	for _, o := range placed[10:15] {
		f.ship(t, o.ID)
	}
	q, r := f.stock(t, p.ID, f.wh)
	if sold := 5; q+sold != units || r != units-10-sold {
		t.Errorf("stock = %d, %d reserved after 10 cancelled, 5 shipped; want 45, 35", q, r)
	}
}

// ship moves an order from pending to shipped.
func (f *fixture) ship(t *testing.T, id commerce.OrderID) {
	t.Helper()
	for _, st := range []order.Status{order.StatusConfirmed, order.StatusProcessing,
		order.StatusShipped} {
		if _, err := f.orders.SetStatus(ctx, f.admin, id, st, ""); err != nil {
			t.Fatalf("SetStatus(%s) = %v", st, err)
		}
	}
}

func testAllOrNothing(t *testing.T, f *fixture) {
	plenty := f.product(t, "yerba", 3990, []int{10})
	scarce := f.product(t, "mate", 12990, []int{1})
	_, err := f.place(t, f.env.AddCustomer(t), request(item(plenty, 3), item(scarce, 2)))
	if commerce.ErrorKind(err) != commerce.KindOutOfStock {
		t.Fatalf("PlaceOrder = %v; want out of stock", err)
	}
	fields := commerce.ErrorFields(err)
	if len(fields) != 1 || fields[0].Field != "items[1].quantity" {
		t.Errorf("fields = %v; want items[1].quantity", fields)
	}
	if _, r := f.stock(t, plenty.ID, f.wh); r != 0 {
		t.Errorf("yerba reserved %d after a failed order; want 0", r)
	}
	if list, n, _ := f.env.Orders.Orders(ctx, order.Query{Limit: 10}); n != 0 {
		t.Errorf("orders = %v; want none", list)
	}
}

func testAcrossWarehouses(t *testing.T, f *fixture) {
	second := f.env.AddWarehouse(t)
	p := f.product(t, "silla", 49990, []int{3, 4}, f.wh, second)
	customer := f.env.AddCustomer(t)

	whole := f.mustPlace(t, customer, request(item(p, 4)))
	if a := whole.Allocations; len(a) != 1 || a[0].WarehouseID != second {
		t.Errorf("4 units from %+v; want all from the warehouse that has them", a)
	}
	split := f.mustPlace(t, customer, request(item(p, 3)))
	if a := split.Allocations; len(a) != 1 || a[0].WarehouseID != f.wh {
		t.Errorf("3 units from %+v; want all from the first warehouse", a)
	}
	f.env.SetLevels(t, inventoryLevel(p, f.wh, 5), inventoryLevel(p, second, 6))
	both := f.mustPlace(t, customer, request(item(p, 4)))
	if a := both.Allocations; len(a) != 2 || a[0].Quantity+a[1].Quantity != 4 {
		t.Errorf("4 units from %+v; want 2 + 2 from both warehouses", a)
	}
}

func testIdempotentRetries(t *testing.T, f *fixture) {
	p := f.product(t, "lampara", 24990, []int{20})
	customer := f.env.AddCustomer(t)
	req := request(item(p, 1))
	req.IdempotencyKey = "retry-1"
	body := []byte(`{"items":[{"product_id":1,"quantity":1}]}`)
	fp := checkout.Fingerprint("POST", "/orders", body)

	var wg sync.WaitGroup
	var mu sync.Mutex
	numbers := map[string]bool{}
	for range 10 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			resp, _, err := f.keys.Do(ctx, "user:1", req.IdempotencyKey, fp,
				func(context.Context) (checkout.Response, error) {
					res, err := f.place(t, customer, req)
					if err != nil {
						return checkout.Response{}, err
					}
					return checkout.Response{Status: 201, Body: []byte(res.Order.Number)}, nil
				})
			if err != nil && commerce.ErrorKind(err) != commerce.KindConflict {
				t.Errorf("Do = %v; want a response or a conflict", err)
			}
			mu.Lock()
			defer mu.Unlock()
			if err == nil {
				numbers[string(resp.Body)] = true
			}
		}()
	}
	wg.Wait()
	// Without the HTTP layer the order's own key makes retries safe too.
	for range 10 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			res, err := f.place(t, customer, req)
			if err != nil {
				t.Errorf("PlaceOrder retry = %v", err)
				return
			}
			mu.Lock()
			numbers[res.Order.Number] = true
			mu.Unlock()
		}()
	}
	wg.Wait()
	_, n, err := f.env.Orders.Orders(ctx, order.Query{CustomerID: customer, Limit: 10})
	if err != nil || n != 1 || len(numbers) != 1 {
		t.Errorf("%d orders, numbers %v (%v); want one order", n, numbers, err)
	}
	if _, r := f.stock(t, p.ID, f.wh); r != 1 {
		t.Errorf("reserved %d; want 1", r)
	}
	if _, err := f.env.Orders.OrderByKey(ctx, customer+1, "retry-1"); !isNotFound(err) {
		t.Errorf("another customer's OrderByKey = %v; want not found", err)
	}
}

func isNotFound(err error) bool { return commerce.ErrorKind(err) == commerce.KindNotFound }

func inventoryLevel(p catalog.Product, wh commerce.WarehouseID, n int) inventory.Level {
	return inventory.Level{ProductID: p.ID, WarehouseID: wh, Quantity: n, ReorderPoint: 5}
}
