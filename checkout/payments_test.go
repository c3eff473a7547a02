package checkout_test

import (
	"context"
	"encoding/json"
	"net/http"
	"sync"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/ecommerce-moderno/moderno/catalog"
	"github.com/ecommerce-moderno/moderno/checkout"
	"github.com/ecommerce-moderno/moderno/checkout/checkouttest"
	"github.com/ecommerce-moderno/moderno/commerce"
	"github.com/ecommerce-moderno/moderno/inventory"
	"github.com/ecommerce-moderno/moderno/order"
	"github.com/ecommerce-moderno/moderno/payment"
)

func TestPaymentsMemory(t *testing.T) {
	checkouttest.RunPayments(t, func(*testing.T) (checkout.PaymentStore, commerce.OrderID) {
		return checkouttest.NewPaymentsMemory(), 1
	})
}

// card is a gateway with webhooks signed by a header, that leaves
// payments pending for the shopper to finish, as Stripe's client secret
// flow does, and records its refunds.
type card struct {
	mu      sync.Mutex
	refunds []payment.Refund
}

func (c *card) Describe() payment.Description {
	return payment.Description{Name: "card", DisplayName: "Tarjeta",
		Capabilities: []payment.Capability{payment.CanWebhook, payment.CanRefundPartial}}
}

func (c *card) Authorize(_ context.Context, ch payment.Charge) (payment.Result, error) {
	return payment.Result{Status: payment.StatusPending, Reference: "pi_" + ch.OrderNumber,
		Amount: ch.Amount, ClientSecret: "secret"}, nil
}

func (c *card) Refund(ctx context.Context, r payment.Refund) (payment.Result, error) {
	return c.RefundPartial(ctx, r)
}

func (c *card) RefundPartial(_ context.Context, r payment.Refund) (payment.Result, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.refunds = append(c.refunds, r)
	return payment.Result{Status: payment.StatusRefunded, Reference: "re_x", Amount: r.Amount},
		nil
}

type event struct {
	ID     string         `json:"id"`
	Status payment.Status `json:"status"`
	Order  string         `json:"order"`
	Amount int64          `json:"amount"`
}

func (c *card) ParseWebhook(_ context.Context, w payment.Webhook) (payment.Notification, error) {
	var e event
	if w.Header.Get("X-Sig") != "good" || json.Unmarshal(w.Body, &e) != nil {
		return payment.Notification{}, commerce.Errorf(commerce.KindInvalid, "card",
			"firma inválida")
	}
	return payment.Notification{EventID: e.ID, Status: e.Status, OrderNumber: e.Order,
		Reference: "pi_" + e.Order, Amount: commerce.FromMinor(e.Amount, commerce.CLP)}, nil
}

type payFixture struct {
	mem      *checkouttest.Memory
	orders   *order.Service
	checkout *checkout.Service
	payments *checkout.Payments
	store    *checkouttest.PaymentsMemory
	gw       *card
	product  catalog.Product
	admin    commerce.Principal
}

func newPayFixture(t *testing.T) *payFixture {
	t.Helper()
	f := &payFixture{mem: checkouttest.NewMemory(), gw: &card{},
		admin: commerce.User(1, commerce.RoleAdmin)}
	clock := checkouttest.NewClock()
	reg := payment.NewRegistry(f.gw, payment.BankTransfer{})
	f.orders = order.NewService(f.mem, order.Config{Clock: clock})
	f.checkout = checkout.NewService(f.mem, checkout.Config{Catalog: f.mem, Orders: f.orders,
		Clock: clock, Payments: reg})
	f.store = checkouttest.NewPaymentsMemory()
	f.payments = checkout.NewPayments(f.store,
		checkout.PaymentsConfig{Orders: f.orders, Registry: reg, Clock: clock})
	wh := f.mem.AddWarehouse()
	f.product = catalog.Product{Name: "te", SKU: "te", Slug: "te", Active: true,
		Price: commerce.FromMinor(11990, commerce.CLP)}
	f.mem.AddProduct(&f.product)
	f.mem.SetLevels(inventory.Level{ProductID: f.product.ID, WarehouseID: wh, Quantity: 10})
	return f
}

func (f *payFixture) place(t *testing.T, method string) order.Order {
	t.Helper()
	res, err := f.checkout.PlaceOrder(ctx, commerce.User(7, commerce.RoleCustomer), "",
		checkout.Request{PaymentMethod: method,
			Items: []checkout.Item{{ProductID: f.product.ID, Quantity: 2}},
			ShippingAddress: order.Address{Name: "Ana Rojas", Street: "Av. Providencia 1234",
				City: "Santiago", Region: "Metropolitana", Country: "Chile"}})
	if err != nil {
		t.Fatal(err)
	}
	return res.Order
}

func (f *payFixture) order(t *testing.T, id commerce.OrderID) order.Order {
	t.Helper()
	o, err := f.orders.Order(ctx, f.admin, id)
	if err != nil {
		t.Fatal(err)
	}
	return o
}

func (f *payFixture) deliver(t *testing.T, sig string, e event) (checkout.WebhookResult,
	error) {
	t.Helper()
	body, _ := json.Marshal(e)
	return f.payments.Webhook(ctx, "card", payment.Webhook{Header: http.Header{"X-Sig": {sig}},
		Body: body})
}

func payments(o order.Order) int {
	n := 0
	for _, e := range o.Timeline {
		if e.Kind == order.EntryPayment {
			n++
		}
	}
	return n
}

func TestWebhookAppliesEachEventOnceAndOnlyForward(t *testing.T) {
	f := newPayFixture(t)
	o := f.place(t, "card")
	total := o.Total.Minor()
	paid := event{ID: "evt_1", Status: payment.StatusCaptured, Order: o.Number, Amount: total}

	if _, err := f.deliver(t, "forged", paid); commerce.ErrorKind(err) != commerce.KindInvalid {
		t.Fatalf("forged webhook = %v; want KindInvalid", err)
	}
	if got := f.order(t, o.ID); got.PaymentStatus != order.PaymentPending ||
		len(got.Timeline) != len(o.Timeline) {
		t.Fatalf("a forged webhook changed the order: %s, %d entries", got.PaymentStatus,
			len(got.Timeline))
	}
	res, err := f.deliver(t, "good", paid)
	if err != nil || !res.Applied || res.Duplicate {
		t.Fatalf("webhook = %+v, %v; want applied", res, err)
	}
	again, err := f.deliver(t, "good", paid)
	if err != nil || again.Applied || !again.Duplicate {
		t.Fatalf("the same webhook again = %+v, %v; want a duplicate", again, err)
	}
	got := f.order(t, o.ID)
	if got.PaymentStatus != order.PaymentPaid || got.Status != order.StatusConfirmed ||
		payments(got) != 1 || got.PaymentReference != "pi_"+o.Number {
		t.Fatalf("after two deliveries: %s/%s with %d payment entries, ref %q; want paid once",
			got.Status, got.PaymentStatus, payments(got), got.PaymentReference)
	}
	late := event{ID: "evt_0", Status: payment.StatusFailed, Order: o.Number, Amount: total}
	if res, err := f.deliver(t, "good", late); err != nil || res.Applied {
		t.Errorf("a failure arriving after the payment = %+v, %v; want ignored", res, err)
	}
	if got := f.order(t, o.ID); got.PaymentStatus != order.PaymentPaid {
		t.Errorf("a late event moved the payment back to %s", got.PaymentStatus)
	}
}

func TestWebhookIgnoresWhatIsNotTheOrders(t *testing.T) {
	f := newPayFixture(t)
	o := f.place(t, "card")
	for _, tt := range []struct {
		e    event
		want string
	}{
		{event{ID: "evt_a", Status: payment.StatusCaptured, Order: o.Number, Amount: 1},
			checkout.IgnoredAmountMismatch},
		{event{ID: "evt_b", Status: payment.StatusCaptured, Order: "CL-2026-NONE-0000",
			Amount: 1}, checkout.IgnoredUnknownOrder},
		// card captures at once: an authorization holds nothing
		{event{ID: "evt_c", Status: payment.StatusAuthorized, Order: o.Number,
			Amount: o.Total.Minor()}, checkout.IgnoredStatus},
		{event{ID: "evt_d", Status: payment.StatusCaptured, Amount: o.Total.Minor()},
			checkout.IgnoredNoOrder},
	} {
		res, err := f.deliver(t, "good", tt.e)
		if err != nil || res.Applied || res.Ignored != tt.want {
			t.Errorf("%s = %+v, %v; want acknowledged, not applied, ignored %q", tt.e.ID, res,
				err, tt.want)
		}
	}
	if got := f.order(t, o.ID); got.PaymentStatus != order.PaymentPending {
		t.Errorf("payment = %s; want pending", got.PaymentStatus)
	}
	_, err := f.payments.Webhook(ctx, "bank_transfer", payment.Webhook{})
	if commerce.ErrorKind(err) != commerce.KindNotFound {
		t.Errorf("webhook of a gateway without webhooks = %v; want KindNotFound", err)
	}
}

func (f *payFixture) paid(t *testing.T) order.Order {
	t.Helper()
	o := f.place(t, "card")
	if _, err := f.deliver(t, "good", event{ID: "evt_" + o.Number,
		Status: payment.StatusCaptured, Order: o.Number, Amount: o.Total.Minor()}); err != nil {
		t.Fatal(err)
	}
	return f.order(t, o.ID)
}

func clp(n int64) *commerce.Money {
	m := commerce.FromMinor(n, commerce.CLP)
	return &m
}

func TestRefundPartThenTheRest(t *testing.T) {
	f := newPayFixture(t)
	o := f.paid(t)
	got, err := f.payments.Refund(ctx, f.admin, o.ID, checkout.RefundRequest{Amount: clp(5000)})
	if err != nil {
		t.Fatalf("partial Refund = %v", err)
	}
	if got.PaymentStatus != order.PaymentPaid || got.Timeline[len(got.Timeline)-1].Kind !=
		order.EntryNote {
		t.Errorf("after a partial refund: %s, last entry %+v; want paid with a note",
			got.PaymentStatus, got.Timeline[len(got.Timeline)-1])
	}
	got, err = f.payments.Refund(ctx, f.admin, o.ID, checkout.RefundRequest{})
	if err != nil {
		t.Fatalf("Refund of the rest = %v", err)
	}
	if got.PaymentStatus != order.PaymentRefunded {
		t.Errorf("after refunding the rest: %s; want refunded", got.PaymentStatus)
	}
	rs := f.gw.refunds
	if len(rs) != 2 || rs[0].Amount.Minor() != 5000 || rs[0].IdempotencyKey != o.Number+":refund:1" ||
		rs[1].Amount.Minor() != o.Total.Minor()-5000 || rs[1].IdempotencyKey != o.Number+":refund:2" ||
		rs[1].Reference != "pi_"+o.Number {
		t.Errorf("gateway refunds = %+v; want 5000 then the rest, keyed by order and attempt", rs)
	}
	if _, err := f.payments.Refund(ctx, f.admin, o.ID,
		checkout.RefundRequest{}); commerce.ErrorKind(err) != commerce.KindConflict {
		t.Errorf("refund of a refunded order = %v; want KindConflict", err)
	}
}

func TestRefundRefusals(t *testing.T) {
	f := newPayFixture(t)
	o := f.paid(t)
	half := commerce.NewMoney(decimal.RequireFromString("100.5"), commerce.CLP)
	tests := []struct {
		name string
		p    commerce.Principal
		req  checkout.RefundRequest
		kind commerce.Kind
	}{
		{"customer", commerce.User(7, commerce.RoleCustomer), checkout.RefundRequest{},
			commerce.KindForbidden},
		{"too much", f.admin, checkout.RefundRequest{Amount: clp(o.Total.Minor() + 1)},
			commerce.KindInvalid},
		{"fraction of a peso", f.admin, checkout.RefundRequest{Amount: &half},
			commerce.KindInvalid},
		{"zero", f.admin, checkout.RefundRequest{Amount: clp(0)}, commerce.KindInvalid},
		{"restock with a partial refund", f.admin, checkout.RefundRequest{Amount: clp(10),
			Restock: true}, commerce.KindInvalid},
	}
	for _, tt := range tests {
		if _, err := f.payments.Refund(ctx, tt.p, o.ID, tt.req); commerce.ErrorKind(err) != tt.kind {
			t.Errorf("%s: Refund = %v; want %v", tt.name, err, tt.kind)
		}
	}
	if len(f.gw.refunds) != 0 {
		t.Errorf("refused refunds reached the gateway: %+v", f.gw.refunds)
	}
	pending := f.place(t, "card")
	if _, err := f.payments.Refund(ctx, f.admin, pending.ID,
		checkout.RefundRequest{}); commerce.ErrorKind(err) != commerce.KindConflict {
		t.Errorf("refund of an unpaid order = %v; want KindConflict", err)
	}
}

func TestRefundWithRestock(t *testing.T) {
	f := newPayFixture(t)
	o := f.paid(t)
	got, err := f.payments.Refund(ctx, f.admin, o.ID, checkout.RefundRequest{Restock: true})
	if err != nil {
		t.Fatalf("Refund with restock = %v", err)
	}
	if got.Status != order.StatusCancelled || got.PaymentStatus != order.PaymentRefunded ||
		len(got.Active()) != 0 {
		t.Errorf("after refund and restock: %s/%s, %d reserved; want cancelled, refunded, none",
			got.Status, got.PaymentStatus, len(got.Active()))
	}
	ls, err := f.mem.Levels(ctx, f.product.ID)
	if err != nil || ls[0].Reserved != 0 || ls[0].Quantity != 10 {
		t.Errorf("stock = %+v, %v; want 10 with nothing reserved", ls, err)
	}
}

// TestRefundRetryFinishesARecordedRefund: the gateway refunded everything
// and the refund was recorded, but the server stopped before marking the
// order; the retry marks it without refunding again.
func TestRefundRetryFinishesARecordedRefund(t *testing.T) {
	f := newPayFixture(t)
	o := f.paid(t)
	if err := f.store.AddRefund(ctx, checkout.RefundRecord{OrderID: o.ID, Seq: 1,
		Amount: o.Total, Reference: "re_1"}); err != nil {
		t.Fatal(err)
	}
	got, err := f.payments.Refund(ctx, f.admin, o.ID, checkout.RefundRequest{})
	if err != nil || got.PaymentStatus != order.PaymentRefunded {
		t.Fatalf("retried Refund = %s, %v; want refunded", got.PaymentStatus, err)
	}
	if len(f.gw.refunds) != 0 {
		t.Errorf("the retry refunded again: %+v", f.gw.refunds)
	}
}
