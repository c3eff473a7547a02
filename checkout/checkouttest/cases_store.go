package checkouttest

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"sync"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/ecommerce-moderno/moderno/checkout"
	"github.com/ecommerce-moderno/moderno/commerce"
	"github.com/ecommerce-moderno/moderno/order"
)

func testIdempotencyKeys(t *testing.T, f *fixture) {
	keys, now := f.env.Keys, f.clock.Now()
	rec := checkout.KeyRecord{Scope: "user:7", Key: "k1", Fingerprint: "a",
		State: checkout.KeyInProgress, LockedUntil: now.Add(time.Minute),
		ExpiresAt: now.Add(time.Hour), CreatedAt: now}

	var wg sync.WaitGroup
	var mu sync.Mutex
	claimed := 0
	for range 20 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, ok, err := keys.Claim(ctx, rec, now)
			if err != nil {
				t.Errorf("Claim = %v", err)
			}
			if ok {
				mu.Lock()
				claimed++
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	if claimed != 1 {
		t.Fatalf("%d of 20 racing claims won; want 1", claimed)
	}
	resp := checkout.Response{Status: 201, Header: map[string]string{"Location": "/orders/1"},
		Body: []byte(`{"id":1}`)}
	if err := keys.Complete(ctx, "user:7", "k1", resp); err != nil {
		t.Fatal(err)
	}
	got, ok, err := keys.Claim(ctx, rec, now)
	if err != nil || ok || got.State != checkout.KeyDone || got.Response.Status != 201 ||
		string(got.Response.Body) != `{"id":1}` || got.Response.Header["Location"] != "/orders/1" ||
		got.Fingerprint != "a" {
		t.Errorf("Claim of a done key = %+v, %v, %v; want the stored response", got, ok, err)
	}
	later := now.Add(2 * time.Hour)
	again := rec
	again.LockedUntil, again.ExpiresAt = later.Add(time.Minute), later.Add(time.Hour)
	if _, ok, _ := keys.Claim(ctx, again, later); !ok {
		t.Error("Claim of an expired key lost; want it claimed anew")
	}
	if _, ok, _ := keys.Claim(ctx, again, later.Add(time.Second)); ok {
		t.Error("Claim of a key in progress won")
	}
	if _, ok, _ := keys.Claim(ctx, again, later.Add(2*time.Minute)); !ok {
		t.Error("Claim of an abandoned key lost; want it taken over")
	}
	if err := keys.Release(ctx, "user:7", "k1"); err != nil {
		t.Fatal(err)
	}
	other := rec
	other.Scope = "user:8"
	if _, ok, _ := keys.Claim(ctx, other, now); !ok {
		t.Error("the same key in another scope was refused")
	}
	if n, err := keys.DeleteExpired(ctx, now.Add(48*time.Hour)); err != nil || n < 1 {
		t.Errorf("DeleteExpired = %d, %v; want at least 1", n, err)
	}
}

func testCompareAndSet(t *testing.T, f *fixture) {
	p := f.product(t, "mesa", 89990, []int{5})
	o := f.mustPlace(t, f.env.AddCustomer(t), request(item(p, 1)))
	stale := order.Transition{OrderID: o.ID, Status: order.StatusConfirmed,
		PaymentStatus: order.PaymentPending, NewStatus: order.StatusProcessing,
		NewPaymentStatus: order.PaymentPending, At: f.clock.Now()}
	if err := f.env.Orders.Apply(ctx, stale); commerce.ErrorKind(err) != commerce.KindConflict {
		t.Errorf("Apply(stale) = %v; want conflict", err)
	}
	missing := stale
	missing.OrderID = o.ID + 1_000_000
	if err := f.env.Orders.Apply(ctx, missing); !isNotFound(err) {
		t.Errorf("Apply(missing) = %v; want not found", err)
	}
	got, err := f.orders.SetPayment(ctx, f.admin, o.ID, order.PaymentPaid, "TRF-991", "ok")
	if err != nil {
		t.Fatal(err)
	}
	if got.Status != order.StatusConfirmed || got.PaymentReference != "TRF-991" ||
		len(got.Timeline) != 3 {
		t.Errorf("after payment: %s, %q, %d entries; want confirmed, TRF-991, 3", got.Status,
			got.PaymentReference, len(got.Timeline))
	}
	last := got.Timeline[len(got.Timeline)-1]
	if last.ActorID != f.admin.UserID || last.To != "confirmed" || last.ID == 0 ||
		!last.At.Equal(f.clock.Now()) {
		t.Errorf("last entry = %+v; want confirmed by the admin now", last)
	}
}

func testShipment(t *testing.T, f *fixture) {
	p := f.product(t, "bicicleta", 299990, []int{3})
	o := f.mustPlace(t, f.env.AddCustomer(t), request(item(p, 2)))
	f.ship(t, o.ID)
	got, err := f.env.Orders.Order(ctx, o.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.ShippedAt == nil || got.Allocations[0].State != order.Deducted {
		t.Errorf("shipped at %v, allocation %s; want a time and deducted", got.ShippedAt,
			got.Allocations[0].State)
	}
	if q, r := f.stock(t, p.ID, f.wh); q != 1 || r != 0 {
		t.Errorf("stock = %d, %d reserved; want 1, 0", q, r)
	}
	if _, err := f.orders.SetStatus(ctx, f.admin, o.ID, order.StatusCancelled, ""); commerce.
		ErrorKind(err) != commerce.KindConflict {
		t.Errorf("cancel a shipped order = %v; want conflict", err)
	}
	if q, _ := f.stock(t, p.ID, f.wh); q != 1 {
		t.Errorf("quantity = %d after a refused cancel; want 1", q)
	}
}

func testExpire(t *testing.T, f *fixture) {
	p := f.product(t, "tetera", 15990, []int{4})
	old := f.mustPlace(t, f.env.AddCustomer(t), request(item(p, 1)))
	paid := f.mustPlace(t, f.env.AddCustomer(t), request(item(p, 1)))
	if _, err := f.orders.SetPayment(ctx, f.admin, paid.ID, order.PaymentPaid, "", ""); err != nil {
		t.Fatal(err)
	}
	f.clock.Advance(25 * time.Hour)
	fresh := f.mustPlace(t, f.env.AddCustomer(t), request(item(p, 1)))

	var wg sync.WaitGroup
	var mu sync.Mutex
	total := 0
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			n, err := f.orders.ExpireReservations(ctx, 10)
			if err != nil {
				t.Errorf("ExpireReservations = %v", err)
			}
			mu.Lock()
			total += n
			mu.Unlock()
		}()
	}
	wg.Wait()
	if total != 1 {
		t.Errorf("expired %d orders in all; want 1", total)
	}
	for id, want := range map[commerce.OrderID]order.Status{old.ID: order.StatusCancelled,
		paid.ID: order.StatusConfirmed, fresh.ID: order.StatusPending} {
		if o, _ := f.env.Orders.Order(ctx, id); o.Status != want {
			t.Errorf("order %d is %s; want %s", id, o.Status, want)
		}
	}
	if _, r := f.stock(t, p.ID, f.wh); r != 2 {
		t.Errorf("reserved %d; want 2", r)
	}
}

func testListOrders(t *testing.T, f *fixture) {
	p := f.product(t, "vela", 2990, []int{100})
	a, b := f.env.AddCustomer(t), f.env.AddCustomer(t)
	var ids []commerce.OrderID
	for i := range 5 {
		c := a
		if i%2 == 1 {
			c = b
		}
		ids = append(ids, f.mustPlace(t, c, request(item(p, i+1))).ID)
		f.clock.Advance(time.Minute)
	}
	if _, err := f.orders.SetStatus(ctx, f.admin, ids[0], order.StatusConfirmed, ""); err != nil {
		t.Fatal(err)
	}
	start := NewClock().Now()
	dec := func(n int64) *decimal.Decimal { d := decimal.NewFromInt(n); return &d }
	tests := []struct {
		name string
		q    order.Query
		want []commerce.OrderID
	}{
		{"newest first", order.Query{Limit: 10}, []commerce.OrderID{ids[4], ids[3], ids[2],
			ids[1], ids[0]}},
		{"page", order.Query{Offset: 1, Limit: 2}, []commerce.OrderID{ids[3], ids[2]}},
		{"customer", order.Query{CustomerID: b, Limit: 10}, []commerce.OrderID{ids[3], ids[1]}},
		{"status", order.Query{Statuses: []order.Status{order.StatusConfirmed}, Limit: 10},
			[]commerce.OrderID{ids[0]}},
		{"payment", order.Query{PaymentStatuses: []order.PaymentStatus{order.PaymentPaid},
			Limit: 10}, nil},
		{"dates", order.Query{From: start.Add(time.Minute), To: start.Add(3 * time.Minute),
			Limit: 10}, []commerce.OrderID{ids[2], ids[1]}},
		// Totals: 2990 × n + 2990 of shipping.
		{"totals", order.Query{TotalMin: dec(8970), TotalMax: dec(11960), Limit: 10},
			[]commerce.OrderID{ids[2], ids[1]}},
	}
	for _, tt := range tests {
		got, n, err := f.env.Orders.Orders(ctx, tt.q)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if len(got) != len(tt.want) {
			t.Errorf("%s: %d orders (of %d); want %v", tt.name, len(got), n, tt.want)
			continue
		}
		for i := range got {
			if got[i].ID != tt.want[i] {
				t.Errorf("%s: order %d = %d; want %d", tt.name, i, got[i].ID, tt.want[i])
			}
		}
	}
	one, _, _ := f.env.Orders.Orders(ctx, order.Query{Number: "", Limit: 1})
	if len(one) != 1 || one[0].Total.IsZero() || one[0].Number == "" {
		t.Errorf("listed order = %+v; want its totals and number", one)
	}
}

func testOutbox(t *testing.T, f *fixture) {
	p := f.product(t, "taza", 4990, []int{6})
	o := f.mustPlace(t, f.env.AddCustomer(t), request(item(p, 2)))
	if _, err := f.orders.SetStatus(ctx, f.admin, o.ID, order.StatusCancelled, ""); err != nil {
		t.Fatal(err)
	}
	var bus commerce.Bus
	var names []string
	bus.Subscribe("*", func(_ context.Context, e commerce.Event) error {
		names = append(names, e.Name)
		if _, ok := e.Data.(json.RawMessage); !ok {
			t.Errorf("event %s data is %T; want json.RawMessage", e.Name, e.Data)
		}
		return nil
	})
	n, err := checkout.Relay(ctx, f.env.Outbox, &bus, 100)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{order.EventCreated, order.EventStockReserved, "inventory.stock.changed",
		"inventory.stock.low", order.EventStatusChanged, order.EventStockReleased}
	if n != len(want) || len(names) != len(want) {
		t.Fatalf("relayed %v; want %v", names, want)
	}
	for i := range want {
		if names[i] != want[i] {
			t.Errorf("event %d = %s; want %s", i, names[i], want[i])
		}
	}
	if again, _ := checkout.Relay(ctx, f.env.Outbox, &bus, 100); again != 0 {
		t.Errorf("second relay published %d; want 0", again)
	}

	// Purging keeps what is not published yet.
	f.mustPlace(t, f.env.AddCustomer(t), request(item(p, 1)))
	if n, err := f.env.Outbox.DeletePublished(ctx, time.Unix(0, 0)); err != nil || n != 0 {
		t.Errorf("DeletePublished(1970) = %d, %v; want 0", n, err)
	}
	far := time.Now().AddDate(100, 0, 0)
	if n, err := f.env.Outbox.DeletePublished(ctx, far); err != nil || n != len(want) {
		t.Errorf("DeletePublished(later) = %d, %v; want the %d published", n, err, len(want))
	}
	left, err := f.env.Outbox.Pending(ctx, 100)
	if err != nil || len(left) == 0 || left[0].Event.Name != order.EventCreated {
		t.Errorf("after the purge Pending = %v, %v; want the new order's events", left, err)
	}
}

// stuckReader returns the same bytes for its first reads, so that two
// orders draw the same number, then counts up.
type stuckReader struct {
	mu    sync.Mutex
	reads int
}

func (r *stuckReader) Read(p []byte) (int, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.reads++
	for i := range p {
		p[i] = 7
		if r.reads > 2 {
			p[i] = byte(r.reads + i)
		}
	}
	return len(p), nil
}

var _ io.Reader = (*stuckReader)(nil)

func testNumberCollision(t *testing.T, f *fixture) {
	g := newFixture(t, f.env, &stuckReader{})
	p := g.product(t, "plato", 3990, []int{5})
	c := g.env.AddCustomer(t)
	first := g.mustPlace(t, c, request(item(p, 1)))
	second := g.mustPlace(t, c, request(item(p, 1)))
	if first.Number == second.Number {
		t.Errorf("two orders numbered %s", first.Number)
	}
}

// testRollback checks that Atomically undoes what fn did when fn fails or
// panics, returns fn's error, re-raises the panic, and leaves the store
// usable.
func testRollback(t *testing.T, f *fixture) {
	p := f.product(t, "reloj", 59990, []int{3})
	reserve := func(ctx context.Context, tx checkout.Tx) {
		if _, ok, err := tx.Reserve(ctx, order.Allocation{ProductID: p.ID,
			WarehouseID: f.wh, Quantity: 2, State: order.Reserved}); !ok || err != nil {
			t.Errorf("Reserve = %v, %v; want reserved", ok, err)
		}
	}
	boom := errors.New("boom")
	err := f.env.Store.Atomically(ctx, func(ctx context.Context, tx checkout.Tx) error {
		reserve(ctx, tx)
		return boom
	})
	if !errors.Is(err, boom) {
		t.Errorf("Atomically = %v; want fn's error", err)
	}
	func() {
		defer func() {
			if r := recover(); r != "panic in fn" {
				t.Errorf("recovered %v; want fn's panic re-raised", r)
			}
		}()
		_ = f.env.Store.Atomically(ctx, func(ctx context.Context, tx checkout.Tx) error {
			reserve(ctx, tx)
			panic("panic in fn")
		})
	}()
	if q, r := f.stock(t, p.ID, f.wh); q != 3 || r != 0 {
		t.Errorf("stock = %d, %d reserved after two rollbacks; want 3, 0", q, r)
	}
	f.mustPlace(t, f.env.AddCustomer(t), request(item(p, 3)))
}

// testRoundTrip stores an order with every field set, in a currency with
// cents, and reads it back as it was written; numbers and idempotency
// keys are unique, and keys compare byte for byte.
func testRoundTrip(t *testing.T, f *fixture) {
	at, customer := f.clock.Now(), f.env.AddCustomer(t)
	usd := func(s string) commerce.Money {
		return commerce.NewMoney(decimal.RequireFromString(s), commerce.USD)
	}
	bill := order.Address{Name: "Empresa SpA", Street: "Av. Apoquindo 3000", City: "Las Condes",
		Region: "RM", Country: "CL", PostalCode: "7550000", Phone: "+56912345678"}
	o := order.Order{Number: "CL-2026-RT00-0001", CustomerID: customer,
		Status: order.StatusPending, PaymentStatus: order.PaymentPending,
		Currency: commerce.USD, Subtotal: usd("39.98"), Discount: usd("5.00"),
		Shipping: usd("4.99"), ShippingTax: usd("0.95"), Tax: usd("6.38"), Total: usd("46.35"),
		ShippingMethod: "flat", PaymentMethod: "bank_transfer", PaymentReference: "REF-1",
		ShippingAddress: address(), BillingAddress: &bill, Notes: "Dejar en conserjería",
		IdempotencyKey: "rt-Key-1", ReservedUntil: at.Add(24 * time.Hour), CreatedAt: at,
		UpdatedAt: at,
		Lines: []order.Line{{ProductID: 1001, VariantID: 77, Name: "Polera talla M",
			SKU: "POL-M", Quantity: 2, UnitPrice: usd("19.99"), Amount: usd("39.98"),
			Discount: usd("5.00"), TaxRate: decimal.RequireFromString("0.19"), Tax: usd("5.43"),
			Total: usd("40.41")}},
		Allocations: []order.Allocation{{ProductID: 1001, VariantID: 77, WarehouseID: f.wh,
			Quantity: 2, State: order.Reserved}},
		Timeline: []order.Entry{{Kind: order.EntryStatus, To: string(order.StatusPending),
			ActorID: customer, Note: "pedido creado", At: at}}}
	if !o.Balanced() {
		t.Fatal("the test's order does not balance")
	}
	create := func(o order.Order) (order.Order, error) {
		err := f.env.Store.Atomically(ctx, func(ctx context.Context, tx checkout.Tx) error {
			return tx.CreateOrder(ctx, &o)
		})
		return o, err
	}
	placed, err := create(o)
	if err != nil {
		t.Fatalf("CreateOrder = %v", err)
	}
	if placed.ID == 0 || placed.Lines[0].ID == 0 || placed.Timeline[0].ID == 0 {
		t.Fatalf("ids of order, line, entry = %d, %d, %d; want them set", placed.ID,
			placed.Lines[0].ID, placed.Timeline[0].ID)
	}
	want, _ := json.Marshal(placed)
	for name, read := range map[string]func() (order.Order, error){
		"Order": func() (order.Order, error) { return f.env.Orders.Order(ctx, placed.ID) },
		"OrderByKey": func() (order.Order, error) {
			return f.env.Orders.OrderByKey(ctx, customer, "rt-Key-1")
		},
	} {
		got, err := read()
		if b, _ := json.Marshal(got); err != nil || string(b) != string(want) {
			t.Errorf("%s = %v\n%s\nwant\n%s", name, err, b, want)
		}
	}
	if _, err := f.env.Orders.OrderByKey(ctx, customer, "RT-KEY-1"); !isNotFound(err) {
		t.Errorf("OrderByKey(another case) = %v; want not found", err)
	}
	again := o
	again.IdempotencyKey = "rt-key-2"
	if _, err := create(again); !errors.Is(err, order.ErrNumberTaken) {
		t.Errorf("CreateOrder(taken number) = %v; want ErrNumberTaken", err)
	}
	again.Number, again.IdempotencyKey = "CL-2026-RT00-0002", o.IdempotencyKey
	if _, err := create(again); !errors.Is(err, order.ErrKeyTaken) {
		t.Errorf("CreateOrder(taken key) = %v; want ErrKeyTaken", err)
	}
	again.IdempotencyKey = "RT-KEY-1"
	if _, err := create(again); err != nil {
		t.Errorf("CreateOrder(the key in another case) = %v; want a new order", err)
	}
	again.Number, again.IdempotencyKey = "CL-2026-RT00-0003", o.IdempotencyKey
	again.CustomerID = f.env.AddCustomer(t)
	if _, err := create(again); err != nil {
		t.Errorf("CreateOrder(another customer's key) = %v; want a new order", err)
	}
}
