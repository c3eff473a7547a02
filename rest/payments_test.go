package rest_test

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"sync"
	"testing"

	"github.com/ecommerce-moderno/moderno/checkout"
	"github.com/ecommerce-moderno/moderno/checkout/checkouttest"
	"github.com/ecommerce-moderno/moderno/commerce"
	"github.com/ecommerce-moderno/moderno/order"
	"github.com/ecommerce-moderno/moderno/payment"
	"github.com/ecommerce-moderno/moderno/rest"
)

const cardSecret = "whsec_card"

// cardGateway signs its webhooks with an HMAC of the body, leaves payments
// pending for the shopper to finish with a client secret, as Stripe does,
// and records its refunds.
type cardGateway struct {
	mu      sync.Mutex
	refunds []payment.Refund
}

func (g *cardGateway) Describe() payment.Description {
	return payment.Description{Name: "card", DisplayName: "Tarjeta",
		Capabilities: []payment.Capability{payment.CanWebhook, payment.CanRefundPartial}}
}

func (g *cardGateway) Authorize(_ context.Context, c payment.Charge) (payment.Result, error) {
	return payment.Result{Status: payment.StatusPending, Reference: "pi_" + c.OrderNumber,
		Amount: c.Amount, ClientSecret: "pi_secret_" + c.OrderNumber}, nil
}

func (g *cardGateway) Refund(ctx context.Context, r payment.Refund) (payment.Result, error) {
	return g.RefundPartial(ctx, r)
}

func (g *cardGateway) RefundPartial(_ context.Context, r payment.Refund) (payment.Result,
	error) {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.refunds = append(g.refunds, r)
	return payment.Result{Status: payment.StatusRefunded, Reference: r.Reference,
		Amount: r.Amount}, nil
}

func (g *cardGateway) taken() []payment.Refund {
	g.mu.Lock()
	defer g.mu.Unlock()
	return append([]payment.Refund(nil), g.refunds...)
}

type cardEvent struct {
	ID     string `json:"id"`
	Order  string `json:"order"`
	Amount int64  `json:"amount"`
}

func sign(body []byte) string {
	m := hmac.New(sha256.New, []byte(cardSecret))
	m.Write(body)
	return hex.EncodeToString(m.Sum(nil))
}

func (g *cardGateway) ParseWebhook(_ context.Context,
	w payment.Webhook) (payment.Notification, error) {
	var e cardEvent
	if !hmac.Equal([]byte(w.Header.Get("Card-Signature")), []byte(sign(w.Body))) ||
		json.Unmarshal(w.Body, &e) != nil {
		return payment.Notification{}, commerce.Errorf(commerce.KindInvalid, "card",
			"firma inválida")
	}
	return payment.Notification{EventID: e.ID, Status: payment.StatusCaptured,
		OrderNumber: e.Order, Reference: "pi_" + e.Order,
		Amount: commerce.FromMinor(e.Amount, commerce.CLP)}, nil
}

// paymentShop is the shop with the card gateway and the payment routes.
func paymentShop(t *testing.T) (*shop, *cardGateway) {
	t.Helper()
	gw := &cardGateway{}
	s := newShop(t, memoryShop(t), func(s *shop, co *checkout.Config, api *rest.Config) {
		reg := payment.NewRegistry(payment.BankTransfer{}, gw)
		co.Payments = reg
		api.PaymentMethods, api.PaymentPublicKeys = reg, map[string]string{"card": "pk_test_1"}
		api.Payments = checkout.NewPayments(checkouttest.NewPaymentsMemory(),
			checkout.PaymentsConfig{Orders: s.orders, Registry: reg, Clock: s.clock})
	})
	return s, gw
}

// placeByCard places an order paid by card and returns it as stored.
func placeByCard(t *testing.T, s *shop) order.Order {
	t.Helper()
	p := s.product(t, "Te", 11990, 10)
	body := orderBody(p.ID, 2)
	body["payment_method"] = "card"
	res := expect(t, s.do(t, call{method: http.MethodPost, path: "/orders", body: body,
		as: s.customer(t)}), http.StatusCreated)
	pay, _ := res["payment"].(map[string]any)
	if pay["client_secret"] == "" || pay["status"] != "pending" {
		t.Fatalf("payment = %v; want pending with the client secret", pay)
	}
	o, err := s.orders.Order(context.Background(), s.admin, commerce.OrderID(idOf(t, res)))
	must(t, err)
	return o
}

func webhook(s *shop, t *testing.T, e cardEvent, sig string) map[string]any {
	t.Helper()
	body, _ := json.Marshal(e)
	if sig == "" {
		sig = sign(body)
	}
	rec := s.do(t, call{method: http.MethodPost, path: "/payments/webhooks/card",
		body: string(body), header: map[string]string{"Card-Signature": sig}})
	if rec.Code != http.StatusOK {
		return map[string]any{"status": rec.Code, "body": rec.Body.String()}
	}
	return decode(t, rec)
}

func TestPaymentWebhookRoute(t *testing.T) {
	s, _ := paymentShop(t)
	o := placeByCard(t, s)
	e := cardEvent{ID: "evt_1", Order: o.Number, Amount: o.Total.Minor()}
	ctx := context.Background()

	if got := webhook(s, t, e, "00ff"); got["status"] != http.StatusBadRequest {
		t.Fatalf("forged webhook = %v; want 400", got)
	}
	after, err := s.orders.Order(ctx, s.admin, o.ID)
	must(t, err)
	if after.PaymentStatus != order.PaymentPending || len(after.Timeline) != len(o.Timeline) {
		t.Fatalf("a forged webhook changed the order: %s, %d entries", after.PaymentStatus,
			len(after.Timeline))
	}
	first := webhook(s, t, e, "")
	second := webhook(s, t, e, "")
	if first["applied"] != true || first["duplicate"] != false ||
		second["applied"] != false || second["duplicate"] != true {
		t.Fatalf("two deliveries = %v then %v; want applied then duplicate", first, second)
	}
	after, err = s.orders.Order(ctx, s.admin, o.ID)
	must(t, err)
	entries := 0
	for _, en := range after.Timeline {
		if en.Kind == order.EntryPayment {
			entries++
		}
	}
	if after.PaymentStatus != order.PaymentPaid || entries != 1 {
		t.Errorf("after two deliveries: %s with %d payment entries; want paid once",
			after.PaymentStatus, entries)
	}
	rec := s.do(t, call{method: http.MethodPost, path: "/payments/webhooks/nope", body: "{}"})
	expect(t, rec, http.StatusNotFound)
}

func TestRefundRoute(t *testing.T) {
	s, gw := paymentShop(t)
	o := placeByCard(t, s)
	webhook(s, t, cardEvent{ID: "evt_1", Order: o.Number, Amount: o.Total.Minor()}, "")
	refunds := path("/admin/orders/{id}/refunds", o.ID)

	expect(t, s.do(t, call{method: http.MethodPost, path: refunds, body: map[string]any{},
		as: s.manager}), http.StatusForbidden)
	bad := expect(t, s.do(t, call{method: http.MethodPost, path: refunds,
		body: map[string]any{"amount": "cinco mil"}, as: s.admin}),
		http.StatusUnprocessableEntity)
	if f := fieldsOf(bad); len(f) != 1 || f[0] != "amount" {
		t.Errorf("fields = %v; want amount", f)
	}
	res := expect(t, s.do(t, call{method: http.MethodPost, path: refunds,
		body: map[string]any{"amount": 5000, "note": "una caja rota"}, as: s.admin}),
		http.StatusOK)
	if st := res["data"].(map[string]any)["payment_status"]; st != "paid" {
		t.Errorf("after a partial refund: payment %v; want paid", st)
	}
	res = expect(t, s.do(t, call{method: http.MethodPost, path: refunds,
		body: map[string]any{"restock": true}, as: s.admin}), http.StatusOK)
	data := res["data"].(map[string]any)
	if data["payment_status"] != "refunded" || data["status"] != "cancelled" {
		t.Errorf("after refunding the rest with restock: %v/%v; want cancelled, refunded",
			data["status"], data["payment_status"])
	}
	rs := gw.taken()
	if len(rs) != 2 || rs[0].Amount.Minor() != 5000 || rs[0].Amount.Currency() != commerce.CLP ||
		rs[1].Amount.Minor() != o.Total.Minor()-5000 {
		t.Errorf("gateway refunds = %+v; want 5000 CLP then the rest", rs)
	}
	if _, reserved := s.level(t, o.Lines[0].ProductID); reserved != 0 {
		t.Errorf("reserved after restock = %d; want 0", reserved)
	}
	expect(t, s.do(t, call{method: http.MethodPost, path: refunds, body: map[string]any{},
		as: s.admin}), http.StatusConflict)
}

func TestPaymentMethodsRoute(t *testing.T) {
	s, _ := paymentShop(t)
	body := expect(t, s.do(t, call{method: http.MethodGet, path: "/payment-methods"}),
		http.StatusOK)
	got := map[string]map[string]any{}
	for _, m := range body["data"].([]any) {
		got[m.(map[string]any)["code"].(string)] = m.(map[string]any)
	}
	bank, card := got["bank_transfer"], got["card"]
	if len(got) != 2 || bank["manual"] != true || bank["public_key"] != nil ||
		card["manual"] != false || card["public_key"] != "pk_test_1" ||
		card["name"] != "Tarjeta" || len(card["capabilities"].([]any)) != 2 {
		t.Errorf("GET /payment-methods = %v; want bank transfer (manual) and card with its key",
			body["data"])
	}
	expect(t, s.do(t, call{method: http.MethodGet, path: "/payment-methods?x=1"}),
		http.StatusBadRequest)
}

func TestPayRoute(t *testing.T) {
	s, _ := paymentShop(t)
	owner := s.customer(t)
	p := s.product(t, "Cafe", 8990, 5)
	body := orderBody(p.ID, 1)
	body["payment_method"] = "card"
	placed := expect(t, s.do(t, call{method: http.MethodPost, path: "/orders", body: body,
		as: owner}), http.StatusCreated)
	pay := path("/orders/{id}/pay", commerce.OrderID(idOf(t, placed)))

	expect(t, s.do(t, call{method: http.MethodPost, path: pay, as: s.customer(t)}),
		http.StatusNotFound)
	expect(t, s.do(t, call{method: http.MethodPost, path: pay}), http.StatusUnauthorized)
	res := expect(t, s.do(t, call{method: http.MethodPost, path: pay, as: owner}),
		http.StatusOK)
	got, _ := res["payment"].(map[string]any)
	if got["client_secret"] == "" || got["client_secret"] == nil || got["status"] != "pending" {
		t.Errorf("payment = %v; want pending with the client secret again", got)
	}
	o, err := s.orders.Order(context.Background(), s.admin, commerce.OrderID(idOf(t, placed)))
	must(t, err)
	webhook(s, t, cardEvent{ID: "evt_pay", Order: o.Number, Amount: o.Total.Minor()}, "")
	expect(t, s.do(t, call{method: http.MethodPost, path: pay, as: owner}), http.StatusConflict)
}
