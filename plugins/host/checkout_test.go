package host_test

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"
	"time"

	"github.com/ecommerce-moderno/moderno/catalog"
	"github.com/ecommerce-moderno/moderno/checkout"
	"github.com/ecommerce-moderno/moderno/checkout/checkouttest"
	"github.com/ecommerce-moderno/moderno/commerce"
	"github.com/ecommerce-moderno/moderno/inventory"
	"github.com/ecommerce-moderno/moderno/order"
	"github.com/ecommerce-moderno/moderno/payment"
	"github.com/ecommerce-moderno/moderno/plugins/host"
)

// TestPluginKilledMidAuthorization kills the plugin's process while it
// authorizes an order's payment: the order stays pending with its stock
// reserved and nothing charged, and the shopper's retry, with the same
// idempotency key, charges once.
func TestPluginKilledMidAuthorization(t *testing.T) {
	_, g, files := faultHost(t, host.Config{})
	mem := checkouttest.NewMemory()
	clock := checkouttest.NewClock()
	orders := order.NewService(mem, order.Config{Clock: clock})
	svc := checkout.NewService(mem, checkout.Config{Catalog: mem, Orders: orders, Clock: clock,
		Payments: payment.NewRegistry(g)})
	wh := mem.AddWarehouse()
	p := catalog.Product{Name: "te-verde", SKU: "te-verde", Slug: "te-verde", Active: true,
		Price: commerce.FromMinor(11990, commerce.CLP)}
	mem.AddProduct(&p)
	mem.SetLevels(inventory.Level{ProductID: p.ID, WarehouseID: wh, Quantity: 10})
	shopper := commerce.User(42, commerce.RoleCustomer)
	req := checkout.Request{IdempotencyKey: "place-1", PaymentMethod: "faultgw",
		PaymentToken: "crash_once", Items: []checkout.Item{{ProductID: p.ID, Quantity: 2}},
		ShippingAddress: order.Address{Name: "Ana Rojas", Street: "Av. Providencia 1234",
			City: "Santiago", Region: "Metropolitana", Country: "Chile"}}
	reserved := func() int {
		ls, err := mem.Levels(context.Background(), p.ID)
		if err != nil || len(ls) != 1 {
			t.Fatalf("Levels = %v, %v", ls, err)
		}
		return ls[0].Reserved
	}

	type placed struct {
		res checkout.Result
		err error
	}
	done := make(chan placed, 1)
	go func() {
		res, err := svc.PlaceOrder(context.Background(), shopper, "", req)
		done <- placed{res, err}
	}()
	var pid int
	waitFor(t, "the plugin to be inside the authorization", func() bool {
		b, err := os.ReadFile(filepath.Join(files, "in_call"))
		if err != nil {
			return false
		}
		pid, err = strconv.Atoi(string(b))
		return err == nil
	})
	if pid != g.Pid() {
		t.Fatalf("the plugin in the call is %d; the host runs %d", pid, g.Pid())
	}
	if err := syscall.Kill(pid, syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	var first placed
	select {
	case first = <-done:
	case <-time.After(30 * time.Second):
		t.Fatal("PlaceOrder did not return after the plugin died")
	}
	if first.err != nil {
		t.Fatalf("PlaceOrder with the plugin killed = %v; want the order, pending", first.err)
	}
	o, err := orders.Order(context.Background(), shopper, first.res.Order.ID)
	if err != nil {
		t.Fatal(err)
	}
	if o.Status != order.StatusPending || o.PaymentStatus != order.PaymentPending {
		t.Errorf("order after the crash = %s/%s; want pending/pending", o.Status,
			o.PaymentStatus)
	}
	if r := reserved(); r != 2 {
		t.Errorf("reserved after the crash = %d; want 2", r)
	}
	if got := lines(t, files, "charges"); len(got) != 0 {
		t.Fatalf("charges after the crash = %v; want none", got)
	}

	// The shopper retries: paying the order again, then placing it again
	// with the same key. One charge in all.
	res, err := svc.Pay(context.Background(), shopper, o.ID, "crash_once")
	if err != nil || res.Order.PaymentStatus != order.PaymentPaid {
		t.Fatalf("Pay after the crash = %+v, %v; want paid", res.Order.PaymentStatus, err)
	}
	res, err = svc.PlaceOrder(context.Background(), shopper, "", req)
	if err != nil || !res.Replayed || res.Order.ID != o.ID ||
		res.Order.PaymentStatus != order.PaymentPaid {
		t.Fatalf("placing again = %+v, %v; want order %d replayed, paid", res.Order, err, o.ID)
	}
	if _, err := svc.Pay(context.Background(), shopper, o.ID,
		""); commerce.ErrorKind(err) != commerce.KindConflict {
		t.Errorf("Pay of a paid order = %v; want KindConflict", err)
	}
	if got := lines(t, files, "charges"); len(got) != 1 || got[0] != o.Number+":authorize" {
		t.Errorf("charges after two retries = %v; want one, for %s", got, o.Number)
	}
	if g.Restarts() != 1 {
		t.Errorf("restarts = %d; want 1", g.Restarts())
	}
	if r := reserved(); r != 2 {
		t.Errorf("reserved after payment = %d; want 2, until shipping", r)
	}
}

// TestPluginKilledMidVoid kills the plugin while it voids the held payment
// of an order its owner cancels: the order is cancelled anyway, its stock
// released, and the failed void is on the timeline and announced for
// staff, with nothing voided at the gateway.
func TestPluginKilledMidVoid(t *testing.T) {
	_, g, files := faultHost(t, host.Config{Env: []string{"COMMERCE_FAULTGW_HOLD=1"}})
	mem := checkouttest.NewMemory()
	clock := checkouttest.NewClock()
	orders := order.NewService(mem, order.Config{Clock: clock})
	reg := payment.NewRegistry(g)
	svc := checkout.NewService(mem, checkout.Config{Catalog: mem, Orders: orders, Clock: clock,
		Payments: reg})
	bus := &commerce.Bus{}
	failed := make(chan commerce.Event, 1)
	bus.Subscribe(checkout.EventVoidFailed, func(_ context.Context, e commerce.Event) error {
		failed <- e
		return nil
	})
	pays := checkout.NewPayments(checkouttest.NewPaymentsMemory(), checkout.PaymentsConfig{
		Orders: orders, Registry: reg, Clock: clock, Events: bus})
	orders.SetHolds(pays.Holds())
	wh := mem.AddWarehouse()
	p := catalog.Product{Name: "te-negro", SKU: "te-negro", Slug: "te-negro", Active: true,
		Price: commerce.FromMinor(11990, commerce.CLP)}
	mem.AddProduct(&p)
	mem.SetLevels(inventory.Level{ProductID: p.ID, WarehouseID: wh, Quantity: 10})
	shopper := commerce.User(42, commerce.RoleCustomer)
	res, err := svc.PlaceOrder(context.Background(), shopper, "", checkout.Request{
		PaymentMethod: "faultgw", PaymentToken: "hold",
		Items: []checkout.Item{{ProductID: p.ID, Quantity: 2}},
		ShippingAddress: order.Address{Name: "Ana Rojas", Street: "Av. Providencia 1234",
			City: "Santiago", Region: "Metropolitana", Country: "Chile"}})
	if err != nil || !res.Order.Held() || res.Order.Status != order.StatusConfirmed {
		t.Fatalf("PlaceOrder = %s, hold %q, %v; want confirmed and held", res.Order.Status,
			res.Order.Hold(), err)
	}

	done := make(chan error, 1)
	go func() {
		_, err := orders.Cancel(context.Background(), shopper, res.Order.ID, "")
		done <- err
	}()
	var pid int
	waitFor(t, "the plugin to be inside the void", func() bool {
		b, err := os.ReadFile(filepath.Join(files, "in_call"))
		if err != nil {
			return false
		}
		pid, err = strconv.Atoi(string(b))
		return err == nil
	})
	if err := syscall.Kill(pid, syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	select {
	case err = <-done:
	case <-time.After(30 * time.Second):
		t.Fatal("Cancel did not return after the plugin died")
	}
	if err != nil {
		t.Fatalf("Cancel with the plugin killed = %v; want the order cancelled", err)
	}
	o, err := orders.Order(context.Background(), shopper, res.Order.ID)
	if err != nil {
		t.Fatal(err)
	}
	if o.Status != order.StatusCancelled || o.Hold() != order.HoldVoidFailed ||
		o.PaymentStatus != order.PaymentPending || len(o.Active()) != 0 {
		t.Errorf("after the killed void: %s, hold %q, payment %s, %d reserved; want "+
			"cancelled, void_failed, pending, none", o.Status, o.Hold(), o.PaymentStatus,
			len(o.Active()))
	}
	select {
	case e := <-failed:
		if d, _ := e.Data.(checkout.HoldProblem); d.Number != o.Number || d.Attempt != 1 {
			t.Errorf("%s = %+v; want order %s, attempt 1", e.Name, e.Data, o.Number)
		}
	default:
		t.Errorf("no %s event", checkout.EventVoidFailed)
	}
	if got := lines(t, files, "voids"); len(got) != 0 {
		t.Errorf("voids at the gateway = %v; want none", got)
	}
}
