package payment_test

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"

	"github.com/ecommerce-moderno/moderno/commerce"
	"github.com/ecommerce-moderno/moderno/payment"
	"github.com/ecommerce-moderno/moderno/payment/paymenttest"
)

func charge() payment.Charge {
	return payment.Charge{Amount: commerce.FromMinor(26970, commerce.CLP),
		OrderNumber: "CL-2026-AAAA-BBBB", CustomerID: 1}
}

func TestManualMethods(t *testing.T) {
	for _, g := range []payment.Gateway{payment.BankTransfer{Instructions: "Banco Estado"},
		payment.CashOnDelivery{}} {
		t.Run(g.Describe().Name, func(t *testing.T) {
			paymenttest.Run(t, g, charge())
			if !g.Describe().Has(payment.Manual) {
				t.Error("a manual method does not declare Manual")
			}
		})
	}
}

func TestRegistry(t *testing.T) {
	r := payment.NewRegistry(payment.BankTransfer{}, payment.CashOnDelivery{})
	if _, ok := r.Gateway(payment.BankTransferName); !ok {
		t.Error("bank_transfer not registered")
	}
	if _, ok := r.Gateway("stripe"); ok {
		t.Error("stripe found in a registry without it")
	}
	ms := r.Methods()
	if len(ms) != 2 || ms[0].Name != payment.BankTransferName {
		t.Errorf("Methods = %v; want bank_transfer and cash_on_delivery", ms)
	}
	for name, g := range map[string]payment.Gateway{"nil": nil, "dup": payment.BankTransfer{}} {
		t.Run(name, func(t *testing.T) {
			defer func() {
				if recover() == nil {
					t.Errorf("Register(%s) did not panic", name)
				}
			}()
			r.Register(g)
		})
	}
}

func TestRetryable(t *testing.T) {
	tests := []struct {
		err  error
		want bool
	}{
		{nil, false},
		{payment.Declined("card_declined", "tarjeta rechazada"), false},
		{payment.Temporary("timeout", errors.New("i/o timeout")), true},
		{errors.New("plugin connection lost"), true},
	}
	for _, tt := range tests {
		if got := payment.Retryable(tt.err); got != tt.want {
			t.Errorf("Retryable(%v) = %v; want %v", tt.err, got, tt.want)
		}
	}
}

func TestCapabilities(t *testing.T) {
	var g payment.Gateway = payment.BankTransfer{}
	if _, ok := payment.AsCapturer(g); ok {
		t.Error("bank transfer captures")
	}
	d := payment.Description{Currencies: []commerce.Currency{commerce.CLP}}
	if !d.Accepts(commerce.CLP) || d.Accepts(commerce.USD) {
		t.Errorf("Accepts wrong for %v", d.Currencies)
	}
}

func TestUnavailableMapsToKind(t *testing.T) {
	err := fmt.Errorf("checkout: %w", payment.Unavailable("plugin_timeout", errors.New("deadline")))
	if commerce.ErrorKind(err) != commerce.KindUnavailable || !payment.Retryable(err) {
		t.Errorf("Unavailable: kind %v, retryable %v; want unavailable and retryable",
			commerce.ErrorKind(err), payment.Retryable(err))
	}
}

// holding is a card gateway with every ability: it holds at Authorize and
// keeps, by idempotency key, what each call answered.
type holding struct {
	mu   sync.Mutex
	done map[string]payment.Result
}

func (h *holding) Describe() payment.Description {
	return payment.Description{Name: "holding", DisplayName: "Tarjeta",
		Capabilities: []payment.Capability{payment.CanCapture, payment.CanVoid,
			payment.CanRefundPartial, payment.CanWebhook}}
}

// once answers a key's first result again, or stores res under it.
func (h *holding) once(key string, res payment.Result) (payment.Result, error) {
	if key == "" {
		return payment.Result{}, commerce.Errorf(commerce.KindInvalid, "holding", "sin clave")
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.done == nil {
		h.done = map[string]payment.Result{}
	}
	if got, ok := h.done[key]; ok {
		return got, nil
	}
	h.done[key] = res
	return res, nil
}

func (h *holding) Authorize(_ context.Context, c payment.Charge) (payment.Result, error) {
	return h.once(c.IdempotencyKey, payment.Result{Status: payment.StatusAuthorized,
		Reference: "h_" + c.IdempotencyKey, Amount: c.Amount})
}

func (h *holding) Capture(_ context.Context, c payment.Capture) (payment.Result, error) {
	return h.once(c.IdempotencyKey, payment.Result{Status: payment.StatusCaptured,
		Reference: c.Reference, Amount: c.Amount})
}

func (h *holding) Void(_ context.Context, v payment.Void) (payment.Result, error) {
	return h.once(v.IdempotencyKey, payment.Result{Status: payment.StatusVoided,
		Reference: v.Reference})
}

func (h *holding) Refund(ctx context.Context, r payment.Refund) (payment.Result, error) {
	return h.RefundPartial(ctx, r)
}

func (h *holding) RefundPartial(_ context.Context, r payment.Refund) (payment.Result, error) {
	if r.Reference == "" {
		return payment.Result{}, commerce.Errorf(commerce.KindInvalid, "holding", "sin referencia")
	}
	return h.once(r.IdempotencyKey, payment.Result{Status: payment.StatusRefunded,
		Reference: r.Reference, Amount: r.Amount})
}

func (h *holding) ParseWebhook(_ context.Context, w payment.Webhook) (payment.Notification,
	error) {
	if w.Header.Get("Holding-Signature") == "" {
		return payment.Notification{}, commerce.Errorf(commerce.KindInvalid, "holding",
			"sin firma")
	}
	return payment.Notification{}, nil
}

func TestContractCoversDeclaredAbilities(t *testing.T) {
	paymenttest.Run(t, &holding{}, charge())
}
