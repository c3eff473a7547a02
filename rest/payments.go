package rest

import (
	"encoding/json"
	"net/http"

	"github.com/go-chi/chi/v5"
	"github.com/shopspring/decimal"

	"github.com/ecommerce-moderno/moderno/checkout"
	"github.com/ecommerce-moderno/moderno/commerce"
	"github.com/ecommerce-moderno/moderno/order"
	"github.com/ecommerce-moderno/moderno/payment"
)

// paymentRoutes adds the gateways' webhooks and staff refunds when
// Payments is configured.
func (h *Handler) paymentRoutes(r chi.Router) {
	if h.methods != nil {
		get(r, "/payment-methods", h.paymentMethods)
	}
	if h.payments == nil {
		return
	}
	if h.orders != nil {
		r.With(h.signedIn, h.idempotent).Post("/admin/orders/{id}/refunds", h.refundOrder)
		r.With(h.signedIn, h.idempotent).Post("/admin/orders/{id}/capture", h.captureOrder)
	}
	if h.checkout != nil {
		r.With(h.signedIn, h.idempotent).Post("/orders/{id}/pay", h.payOrder)
	}
}

// webhookRoutes adds the gateways' webhooks, outside the general rate
// limit.
func (h *Handler) webhookRoutes(r chi.Router) {
	if h.payments != nil {
		r.Post("/payments/webhooks/{gateway}", h.paymentWebhook)
	}
}

// captureOrder serves POST /admin/orders/{id}/capture for staff holding
// orders:manage: it takes the payment authorized at checkout now, instead
// of when the order ships; 409 when nothing is held or the gateway refused.
func (h *Handler) captureOrder(w http.ResponseWriter, r *http.Request) {
	h.changeOrder(w, r, func(p commerce.Principal, id commerce.OrderID,
		_ object) (order.Order, error) {
		return h.payments.Capture(r.Context(), p, id)
	})
}

// payOrder serves POST /orders/{id}/pay {"payment_token"} for the order's
// owner or staff: it starts the payment of a pending, unpaid order again,
// after a gateway failure or for a fresh client secret; 200 as POST
// /orders answers, 409 for an order no longer waiting for its payment.
func (h *Handler) payOrder(w http.ResponseWriter, r *http.Request) {
	id, err := orderID(r)
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	body, err := readObject(r, true)
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	var bad commerce.Fields
	token := body.text(&bad, "", "payment_token", 1000)
	if err := bad.Err("rest.pay order"); err != nil {
		h.writeError(w, r, err)
		return
	}
	res, err := h.checkout.Pay(r.Context(), PrincipalFrom(r.Context()), id, token)
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	writeJSON(w, r, http.StatusOK, placedJSON{Data: newOrderDetailJSON(res.Order),
		Payment: newPaymentJSON(res)})
}

// newPaymentJSON is what an order's payment method said to do next.
func newPaymentJSON(res checkout.Result) paymentJSON {
	p := res.Payment
	return paymentJSON{Method: res.Order.PaymentMethod, Status: p.Status,
		Reference: p.Reference, Instructions: p.Instructions, RedirectURL: p.RedirectURL,
		ClientSecret: p.ClientSecret, Message: res.Message}
}

type webhookJSON struct {
	Received  bool   `json:"received"`
	EventID   string `json:"event_id"`
	Applied   bool   `json:"applied"`
	Duplicate bool   `json:"duplicate"`
	// Ignored says why an event moved nothing, such as "amount_mismatch",
	// for the gateway's dashboard.
	Ignored string `json:"ignored,omitempty"`
}

// paymentWebhook serves POST /payments/webhooks/{gateway}: the gateway's
// plugin checks the signature on the raw body (400 and nothing changed
// when it is bad), and the event is applied once. A duplicate or an event
// that changes nothing is still 200, so the gateway stops sending it.
func (h *Handler) paymentWebhook(w http.ResponseWriter, r *http.Request) {
	body, err := readBody(r, maxBody)
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	res, err := h.payments.Webhook(r.Context(), chi.URLParam(r, "gateway"),
		payment.Webhook{Header: r.Header.Clone(), Body: body})
	if commerce.ErrorKind(err) == commerce.KindInvalid {
		err = &malformedError{err: err}
	}
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	writeJSON(w, r, http.StatusOK, webhookJSON{Received: true, EventID: res.EventID,
		Applied: res.Applied, Duplicate: res.Duplicate, Ignored: res.Ignored})
}

// refundOrder serves POST /admin/orders/{id}/refunds {"amount", "restock",
// "note"} for staff: amount (a number or a decimal string, in the order's
// currency; whole pesos for CLP) defaults to all that is left; restock
// cancels the order and returns its reserved units.
func (h *Handler) refundOrder(w http.ResponseWriter, r *http.Request) {
	h.changeOrder(w, r, func(p commerce.Principal, id commerce.OrderID,
		body object) (order.Order, error) {
		const op = "rest.refund order"
		var bad commerce.Fields
		req := checkout.RefundRequest{Note: body.text(&bad, "", "note", 500)}
		var amount *decimal.Decimal
		if raw, ok := body["amount"]; ok && string(raw) != "null" {
			var n json.Number
			d, err := decimal.Zero, json.Unmarshal(raw, &n)
			if err == nil {
				d, err = decimal.NewFromString(n.String())
			}
			bad.Check(err == nil, "amount", "debe ser un número, como 5000")
			amount = &d
		}
		if raw, ok := body["restock"]; ok {
			bad.Check(json.Unmarshal(raw, &req.Restock) == nil, "restock",
				"debe ser true o false")
		}
		if err := bad.Err(op); err != nil {
			return order.Order{}, err
		}
		if amount != nil {
			o, err := h.orders.Order(r.Context(), p, id)
			if err != nil {
				return order.Order{}, err
			}
			m := commerce.NewMoney(*amount, o.Currency)
			req.Amount = &m
		}
		return h.payments.Refund(r.Context(), p, id, req)
	})
}

type paymentMethodJSON struct {
	Code         string               `json:"code"`
	Name         string               `json:"name"`
	Manual       bool                 `json:"manual"`
	Capabilities []payment.Capability `json:"capabilities"`
	// PublicKey opens the gateway's own form in the browser (Stripe.js);
	// a method with one finishes payments with the order's client secret.
	PublicKey string `json:"public_key,omitempty"`
}

// paymentMethods serves GET /payment-methods: the methods checkout takes
// in the shop's currency, with what the storefront needs to use them.
func (h *Handler) paymentMethods(w http.ResponseWriter, r *http.Request) {
	if _, err := readParams(r.URL.RawQuery, map[string]int{}); err != nil {
		h.writeError(w, r, err)
		return
	}
	out := []paymentMethodJSON{}
	for _, d := range h.methods.Methods() {
		if !d.Accepts(h.pricer.Currency()) {
			continue
		}
		caps := d.Capabilities
		if caps == nil {
			caps = []payment.Capability{}
		}
		out = append(out, paymentMethodJSON{Code: d.Name, Name: d.DisplayName,
			Manual: d.Has(payment.Manual), Capabilities: caps, PublicKey: h.publicKeys[d.Name]})
	}
	w.Header().Set("Cache-Control", "no-store")
	writeJSON(w, r, http.StatusOK, map[string]any{"data": out})
}
