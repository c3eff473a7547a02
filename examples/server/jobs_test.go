package main

import (
	"context"
	"errors"
	"log/slog"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ecommerce-moderno/moderno/cart"
	"github.com/ecommerce-moderno/moderno/cart/carttest"
	"github.com/ecommerce-moderno/moderno/catalog"
	"github.com/ecommerce-moderno/moderno/checkout"
	"github.com/ecommerce-moderno/moderno/checkout/checkouttest"
	"github.com/ecommerce-moderno/moderno/commerce"
	"github.com/ecommerce-moderno/moderno/inventory"
	"github.com/ecommerce-moderno/moderno/order"
)

// manualTicker hands each job, told apart by its interval, ticks the test
// sends.
type manualTicker struct {
	ticks   map[time.Duration]chan time.Time
	stopped atomic.Int32
}

func (m *manualTicker) tick(d time.Duration) (<-chan time.Time, func()) {
	return m.ticks[d], func() { m.stopped.Add(1) }
}

func TestJobsRunOnTicksAndStop(t *testing.T) {
	mt := &manualTicker{ticks: map[time.Duration]chan time.Time{time.Hour: make(chan time.Time),
		2 * time.Hour: make(chan time.Time), 3 * time.Hour: make(chan time.Time)}}
	runs := make(chan int, 10)
	var n atomic.Int32
	logs := &logBuffer{}
	count := job{name: "count", every: time.Hour, run: func(context.Context) (int, error) {
		runs <- int(n.Add(1))
		return 1, nil
	}}
	failing := job{name: "failing", every: 2 * time.Hour, run: func(ctx context.Context) (int,
		error) {
		return 0, errors.New("boom")
	}}
	// blocked runs until its context ends: Stop must cancel it.
	blocked := job{name: "blocked", every: 3 * time.Hour, run: func(ctx context.Context) (int,
		error) {
		<-ctx.Done()
		return 0, ctx.Err()
	}}
	j := startJobs(slog.New(slog.NewJSONHandler(logs, nil)), mt.tick, count, failing, blocked)
	if got := <-runs; got != 1 {
		t.Fatalf("first run = %d; want a run at start", got)
	}
	mt.ticks[time.Hour] <- time.Time{}
	// The failing job takes a tick only once its first run is logged.
	mt.ticks[2*time.Hour] <- time.Time{}
	if got := <-runs; got != 2 {
		t.Fatalf("run after a tick = %d; want 2", got)
	}
	j.Stop()
	j.Stop()
	if n := mt.stopped.Load(); n != 3 {
		t.Errorf("%d tickers stopped; want 3", n)
	}
	select {
	case got := <-runs:
		t.Errorf("a run (%d) after Stop", got)
	default:
	}
	if !strings.Contains(logs.String(), `"job":"failing","err":"boom"`) {
		t.Errorf("the failure is not logged: %s", logs)
	}
	if strings.Contains(logs.String(), `"job":"blocked"`) {
		t.Errorf("the cancelled job was logged as failed: %s", logs)
	}
}

// shopJobsEnv is the shop's jobs over the in-memory stores, with a clock
// the test moves.
type shopJobsEnv struct {
	jobs     shopJobs
	mem      *checkouttest.Memory
	clock    *checkouttest.Clock
	checkout *checkout.Service
	keys     *checkout.Idempotency
	carts    *cart.Service
	bus      *commerce.Bus
	product  catalog.Product
}

func newShopJobsEnv(t *testing.T, ttl time.Duration) *shopJobsEnv {
	t.Helper()
	e := &shopJobsEnv{mem: checkouttest.NewMemory(), clock: checkouttest.NewClock(),
		bus: &commerce.Bus{}}
	e.mem.Clock = e.clock
	wh := e.mem.AddWarehouse()
	e.product = catalog.Product{Name: "Té", SKU: "TE", Slug: "te", Active: true,
		Price: commerce.FromMinor(2990, commerce.CLP)}
	e.mem.AddProduct(&e.product)
	e.mem.SetLevels(inventory.Level{ProductID: e.product.ID, WarehouseID: wh, Quantity: 5})
	orders := order.NewService(e.mem, order.Config{Clock: e.clock})
	e.carts = cart.NewService(carttest.NewMemory(), cart.Config{Catalog: e.mem, Clock: e.clock})
	e.checkout = checkout.NewService(e.mem, checkout.Config{Catalog: e.mem, Orders: orders,
		Clock: e.clock, ReservationTTL: ttl})
	e.keys = checkout.NewIdempotency(e.mem, checkout.IdempotencyConfig{Clock: e.clock})
	e.jobs = shopJobs{outbox: e.mem, events: e.bus, orders: orders, keys: e.mem,
		carts: e.carts, clock: e.clock}
	return e
}

func (e *shopJobsEnv) reserved(t *testing.T) int {
	t.Helper()
	ls, err := e.mem.Levels(context.Background(), e.product.ID)
	if err != nil {
		t.Fatal(err)
	}
	return ls[0].Reserved
}

func TestShopJobs(t *testing.T) {
	ctx := context.Background()
	e := newShopJobsEnv(t, 30*time.Minute)
	var heard []string
	e.bus.Subscribe("*", func(_ context.Context, ev commerce.Event) error {
		heard = append(heard, ev.Name)
		return nil
	})
	ana := commerce.User(7, commerce.RoleCustomer)
	_, err := e.checkout.PlaceOrder(ctx, ana, "", checkout.Request{
		Items: []checkout.Item{{ProductID: e.product.ID, Quantity: 2}},
		ShippingAddress: order.Address{Street: "Av. Uno 1", City: "Santiago",
			Region: "RM"},
		PaymentMethod: "bank_transfer"})
	if err != nil {
		t.Fatal(err)
	}

	// The relay publishes the order's events once.
	relayed, err := e.jobs.relay(ctx)
	if err != nil || relayed == 0 || len(heard) != relayed || heard[0] != order.EventCreated {
		t.Fatalf("relay = %d, %v; heard %v", relayed, err, heard)
	}
	if n, err := e.jobs.relay(ctx); n != 0 || err != nil {
		t.Errorf("second relay = %d, %v; want nothing left", n, err)
	}

	// The sweeper leaves the reservation alone within its TTL...
	e.clock.Advance(29 * time.Minute)
	if n, err := e.jobs.sweep(ctx); n != 0 || err != nil || e.reserved(t) != 2 {
		t.Fatalf("sweep within the TTL = %d, %v, reserved %d; want nothing", n, err,
			e.reserved(t))
	}
	// ...and releases it once expired, once.
	e.clock.Advance(2 * time.Minute)
	if n, err := e.jobs.sweep(ctx); n != 1 || err != nil || e.reserved(t) != 0 {
		t.Fatalf("sweep after the TTL = %d, %v, reserved %d; want 1 order released", n, err,
			e.reserved(t))
	}
	if n, _ := e.jobs.sweep(ctx); n != 0 {
		t.Errorf("second sweep = %d; want 0", n)
	}

	// The cleanup deletes keys past their day, guest carts past 30 days and
	// events published more than a week ago, but not the sweep's events,
	// which wait for the relay.
	if _, _, err := e.keys.Do(ctx, "user:7", "k1", "fp", func(context.Context) (
		checkout.Response, error) {
		return checkout.Response{Status: 201}, nil
	}); err != nil {
		t.Fatal(err)
	}
	if _, err := e.carts.AddItem(ctx, commerce.Anonymous, "", e.product.ID, 0, 1); err != nil {
		t.Fatal(err)
	}
	if n, err := e.jobs.cleanup(ctx); n != 0 || err != nil {
		t.Fatalf("cleanup at once = %d, %v; want nothing to delete", n, err)
	}
	e.clock.Advance(31 * 24 * time.Hour)
	if n, err := e.jobs.cleanup(ctx); n != 2+relayed || err != nil {
		t.Errorf("cleanup after 31 days = %d, %v; want the key, the guest cart and %d events",
			n, err, relayed)
	}
	if n, err := e.jobs.relay(ctx); n == 0 || err != nil {
		t.Errorf("relay after the cleanup = %d, %v; want the sweep's events", n, err)
	}
}

func TestShopJobIntervals(t *testing.T) {
	tests := []struct {
		ttl  time.Duration
		want time.Duration
	}{
		{30 * time.Minute, time.Minute},
		{time.Minute, 30 * time.Second},
		{time.Second, time.Second},
	}
	for _, tt := range tests {
		got := shopJobs{}.list(tt.ttl)[1].every
		if got != tt.want {
			t.Errorf("sweeper every %v for a TTL of %v; want %v", got, tt.ttl, tt.want)
		}
	}
}
