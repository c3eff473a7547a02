package checkouttest

import (
	"context"
	"encoding/json"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/ecommerce-moderno/moderno/checkout"
	"github.com/ecommerce-moderno/moderno/commerce"
	"github.com/ecommerce-moderno/moderno/order"
	"github.com/ecommerce-moderno/moderno/payment"
)

// holder is a card gateway that authorizes and captures separately, can
// void, takes webhooks, and records every call it gets. failVoid and
// failCapture make the next calls of those fail as a dead plugin does.
type holder struct {
	mu          sync.Mutex
	status      payment.Status // what Authorize answers; authorized when empty
	calls       []string       // "capture <key> <ref> <amount>", "void <key> <ref>"
	failVoid    error
	failCapture error
}

func (h *holder) Describe() payment.Description {
	return payment.Description{Name: "holder", DisplayName: "Tarjeta",
		Capabilities: []payment.Capability{payment.CanCapture, payment.CanVoid,
			payment.CanWebhook}}
}

func (h *holder) Authorize(_ context.Context, c payment.Charge) (payment.Result, error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	st := h.status
	if st == "" {
		st = payment.StatusAuthorized
	}
	return payment.Result{Status: st, Reference: "pi_" + c.OrderNumber, Amount: c.Amount}, nil
}

func (h *holder) Refund(context.Context, payment.Refund) (payment.Result, error) {
	return payment.Result{}, errors.New("not in this test")
}

func (h *holder) Capture(_ context.Context, c payment.Capture) (payment.Result, error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.calls = append(h.calls, "capture "+c.IdempotencyKey+" "+c.Reference+" "+c.Amount.Format())
	if err := h.failCapture; err != nil {
		h.failCapture = nil
		return payment.Result{}, err
	}
	return payment.Result{Status: payment.StatusCaptured, Reference: c.Reference,
		Amount: c.Amount}, nil
}

func (h *holder) Void(_ context.Context, v payment.Void) (payment.Result, error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.calls = append(h.calls, "void "+v.IdempotencyKey+" "+v.Reference)
	if err := h.failVoid; err != nil {
		h.failVoid = nil
		return payment.Result{}, err
	}
	return payment.Result{Status: payment.StatusVoided, Reference: v.Reference}, nil
}

func (h *holder) ParseWebhook(_ context.Context, w payment.Webhook) (payment.Notification,
	error) {
	var n struct {
		ID, Order string
		Status    payment.Status
		Amount    int64
	}
	if err := json.Unmarshal(w.Body, &n); err != nil {
		return payment.Notification{}, commerce.Errorf(commerce.KindInvalid, "holder", "%v", err)
	}
	return payment.Notification{EventID: n.ID, OrderNumber: n.Order, Status: n.Status,
		Reference: "pi_" + n.Order, Amount: commerce.FromMinor(n.Amount, commerce.CLP)}, nil
}

func (h *holder) took() []string {
	h.mu.Lock()
	defer h.mu.Unlock()
	out := h.calls
	h.calls = nil
	return out
}

// holdFixture is a fixture whose checkout pays with a holder, and whose
// order service settles holds through checkout.Payments.
type holdFixture struct {
	*fixture
	gw       *holder
	payments *checkout.Payments
	mu       sync.Mutex
	events   []commerce.Event
}

func newHoldFixture(t *testing.T, env Env) *holdFixture {
	f := &holdFixture{fixture: newFixture(t, env, nil), gw: &holder{}}
	reg := payment.NewRegistry(f.gw)
	f.checkout = checkout.NewService(env.Store, checkout.Config{Catalog: env.Catalog,
		Orders: f.orders, Clock: f.clock, Payments: reg})
	bus := &commerce.Bus{}
	bus.Subscribe("*", func(_ context.Context, e commerce.Event) error {
		f.mu.Lock()
		defer f.mu.Unlock()
		f.events = append(f.events, e)
		return nil
	})
	f.payments = checkout.NewPayments(NewPaymentsMemory(), checkout.PaymentsConfig{
		Orders: f.orders, Registry: reg, Clock: f.clock, Events: bus})
	f.orders.SetHolds(f.payments.Holds())
	return f
}

func (f *holdFixture) heard(name string) int {
	f.mu.Lock()
	defer f.mu.Unlock()
	n := 0
	for _, e := range f.events {
		if e.Name == name {
			n++
		}
	}
	return n
}

// placeHeld places an order of 2 units paid with the holder.
func (f *holdFixture) placeHeld(t *testing.T, customer commerce.UserID,
	p commerce.ProductID) order.Order {
	t.Helper()
	req := request(checkout.Item{ProductID: p, Quantity: 2})
	req.PaymentMethod = "holder"
	return f.mustPlace(t, customer, req)
}

func (f *holdFixture) get(t *testing.T, id commerce.OrderID) order.Order {
	t.Helper()
	o, err := f.env.Orders.Order(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	return o
}

func wantCalls(t *testing.T, got []string, want ...string) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("gateway calls = %q; want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("gateway call %d = %q; want %q", i, got[i], want[i])
		}
	}
}

func wantOrder(t *testing.T, o order.Order, st order.Status, ps order.PaymentStatus,
	h order.Hold) {
	t.Helper()
	if o.Status != st || o.PaymentStatus != ps || o.Hold() != h {
		t.Errorf("order is %s, payment %s, hold %q; want %s, %s, %q", o.Status,
			o.PaymentStatus, o.Hold(), st, ps, h)
	}
}

// testHeldPayments: a payment authorized at checkout confirms the order and
// is held; cancelling the order voids it (a failed void is recorded and
// announced, never blocks the cancellation); shipping captures it first (a
// failed capture stops the shipment, and the retry uses a new key); staff
// capture by hand; an authorization that arrives after the order was
// cancelled, by its owner or by the reservation sweeper, is voided.
func testHeldPayments(t *testing.T, env Env) {
	f := newHoldFixture(t, env)
	p := f.product(t, "tetera", 15990, []int{20})
	customer := f.env.AddCustomer(t)
	owner := commerce.User(customer, commerce.RoleCustomer)
	manager := commerce.User(f.env.AddCustomer(t), commerce.RoleManager)

	t.Run("authorized then cancelled by its owner", func(t *testing.T) {
		o := f.placeHeld(t, customer, p.ID)
		wantOrder(t, o, order.StatusConfirmed, order.PaymentPending, order.HoldAuthorized)
		if o.PaymentReference != "pi_"+o.Number || !o.Held() {
			t.Errorf("reference %q, held %v; want pi_%s, true", o.PaymentReference, o.Held(),
				o.Number)
		}
		if _, err := f.orders.Cancel(ctx, owner, o.ID, "me arrepentí"); err != nil {
			t.Fatalf("owner's Cancel = %v", err)
		}
		wantCalls(t, f.gw.took(), "void "+o.Number+":void:1 pi_"+o.Number)
		got := f.get(t, o.ID)
		wantOrder(t, got, order.StatusCancelled, order.PaymentFailed, order.HoldVoided)
		if len(got.Active()) != 0 {
			t.Errorf("%d allocations still reserved after cancel", len(got.Active()))
		}
	})

	t.Run("void fails: cancelled anyway, recorded and announced", func(t *testing.T) {
		o := f.placeHeld(t, customer, p.ID)
		f.gw.failVoid = payment.Unavailable("plugin_crashed", errors.New("plugin killed"))
		if _, err := f.orders.SetStatus(ctx, manager, o.ID, order.StatusCancelled,
			"sin stock"); err != nil {
			t.Fatalf("staff cancel with a dead gateway = %v; want done", err)
		}
		wantCalls(t, f.gw.took(), "void "+o.Number+":void:1 pi_"+o.Number)
		got := f.get(t, o.ID)
		wantOrder(t, got, order.StatusCancelled, order.PaymentPending, order.HoldVoidFailed)
		if len(got.Active()) != 0 {
			t.Error("a failed void kept the stock reserved")
		}
		if n := f.heard(checkout.EventVoidFailed); n != 1 {
			t.Errorf("heard %d %s; want 1", n, checkout.EventVoidFailed)
		}
	})

	t.Run("shipping captures first; a failed capture stops it", func(t *testing.T) {
		o := f.placeHeld(t, customer, p.ID)
		if _, err := f.orders.SetStatus(ctx, manager, o.ID, order.StatusProcessing,
			""); err != nil {
			t.Fatal(err)
		}
		f.gw.failCapture = payment.Declined("expired", "la autorización venció")
		_, err := f.orders.SetStatus(ctx, manager, o.ID, order.StatusShipped, "")
		if commerce.ErrorKind(err) != commerce.KindConflict {
			t.Errorf("ship with a refused capture = %v; want conflict", err)
		}
		wantOrder(t, f.get(t, o.ID), order.StatusProcessing, order.PaymentPending,
			order.HoldCaptureFailed)
		if _, err := f.orders.SetStatus(ctx, manager, o.ID, order.StatusShipped,
			""); err != nil {
			t.Fatalf("ship again = %v", err)
		}
		wantCalls(t, f.gw.took(), "capture "+o.Number+":capture:1 pi_"+o.Number+" "+o.Total.Format(),
			"capture "+o.Number+":capture:2 pi_"+o.Number+" "+o.Total.Format())
		wantOrder(t, f.get(t, o.ID), order.StatusShipped, order.PaymentPaid,
			order.HoldCaptured)
	})

	t.Run("staff capture by hand", func(t *testing.T) {
		o := f.placeHeld(t, customer, p.ID)
		if _, err := f.payments.Capture(ctx, owner, o.ID); commerce.ErrorKind(err) !=
			commerce.KindForbidden {
			t.Errorf("customer's Capture = %v; want forbidden", err)
		}
		got, err := f.payments.Capture(ctx, manager, o.ID)
		if err != nil {
			t.Fatalf("manager's Capture = %v", err)
		}
		wantOrder(t, got, order.StatusConfirmed, order.PaymentPaid, order.HoldCaptured)
		if _, err := f.payments.Capture(ctx, manager, o.ID); commerce.ErrorKind(err) !=
			commerce.KindConflict {
			t.Errorf("second Capture = %v; want conflict", err)
		}
		wantCalls(t, f.gw.took(), "capture "+o.Number+":capture:1 pi_"+o.Number+" "+o.Total.Format())
	})

	t.Run("authorized after the reservation expired", func(t *testing.T) {
		f.gw.status = payment.StatusPending // the shopper pays in the browser
		o := f.placeHeld(t, customer, p.ID)
		f.gw.status = ""
		f.clock.Advance(25 * time.Hour)
		if _, err := f.orders.ExpireReservations(ctx, 10); err != nil {
			t.Fatal(err)
		}
		body, _ := json.Marshal(map[string]any{"ID": "evt_late", "Order": o.Number,
			"Status": payment.StatusAuthorized, "Amount": o.Total.Minor()})
		res, err := f.payments.Webhook(ctx, "holder", payment.Webhook{Body: body})
		if err != nil || !res.Applied {
			t.Fatalf("late authorization = %+v, %v; want applied", res, err)
		}
		wantCalls(t, f.gw.took(), "void "+o.Number+":void:1 pi_"+o.Number)
		wantOrder(t, f.get(t, o.ID), order.StatusCancelled, order.PaymentFailed,
			order.HoldVoided)
	})

	t.Run("an authorization for another amount is ignored, with the reason", func(t *testing.T) {
		f.gw.status = payment.StatusPending
		o := f.placeHeld(t, customer, p.ID)
		f.gw.status = ""
		body, _ := json.Marshal(map[string]any{"ID": "evt_less", "Order": o.Number,
			"Status": payment.StatusAuthorized, "Amount": 100})
		res, err := f.payments.Webhook(ctx, "holder", payment.Webhook{Body: body})
		if err != nil || res.Applied || res.Ignored != checkout.IgnoredAmountMismatch {
			t.Errorf("authorization of 100 = %+v, %v; want ignored: amount_mismatch", res, err)
		}
		if n := f.heard(checkout.EventWebhookIgnored); n != 1 {
			t.Errorf("heard %d %s; want 1", n, checkout.EventWebhookIgnored)
		}
		wantOrder(t, f.get(t, o.ID), order.StatusPending, order.PaymentPending, order.HoldNone)
	})
}
