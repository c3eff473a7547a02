package sdk_test

import (
	"context"
	"errors"
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/hashicorp/go-plugin"

	"github.com/ecommerce-moderno/moderno/commerce"
	"github.com/ecommerce-moderno/moderno/payment"
	"github.com/ecommerce-moderno/moderno/payment/paymenttest"
	"github.com/ecommerce-moderno/moderno/plugins/sdk"
)

// connect serves g over a real gRPC connection, in process, and returns
// the host's client of it.
func connect(t *testing.T, g payment.Gateway) *sdk.Client {
	t.Helper()
	// Closing the client shuts the server down: stopping it too races
	// inside go-plugin.
	client, _ := plugin.TestPluginGRPCConn(t, false, sdk.Plugins(g))
	t.Cleanup(func() { _ = client.Close() })
	raw, err := client.Dispense(sdk.PluginName)
	if err != nil {
		t.Fatalf("Dispense = %v", err)
	}
	return raw.(*sdk.Client)
}

func charge() payment.Charge {
	return payment.Charge{Amount: commerce.FromMinor(26970, commerce.CLP),
		OrderNumber: "CL-2026-SDK1-0001", CustomerID: 7, Metadata: map[string]string{"a": "b"}}
}

func TestBuiltInOverTheProtocolKeepsTheContract(t *testing.T) {
	c := connect(t, payment.BankTransfer{Instructions: "Banco Estado 123"})
	paymenttest.Run(t, c, charge())
	if d := c.Describe(); d.Name != payment.BankTransferName || !d.Has(payment.Manual) {
		t.Errorf("Describe = %+v; want bank_transfer, manual", d)
	}
	if _, ok := payment.AsCapturer(c); ok {
		t.Error("AsCapturer(bank transfer over the protocol) = true")
	}
	_, err := c.Capture(context.Background(), payment.Capture{IdempotencyKey: "k",
		Reference: "r", Amount: charge().Amount})
	if commerce.ErrorKind(err) != commerce.KindConflict {
		t.Errorf("Capture on a gateway without it = %v; want KindConflict", err)
	}
}

// scripted returns err from every call, and echoes what it received.
// The race detector cannot see the socket between test and plugin, so what
// the plugin saw is kept under a lock.
type scripted struct {
	err  error
	mu   sync.Mutex
	seen payment.Charge
	hdr  http.Header
}

func (s *scripted) saw() (payment.Charge, http.Header) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.seen, s.hdr
}

func (s *scripted) Describe() payment.Description {
	return payment.Description{Name: "scripted", DisplayName: "Scripted",
		Currencies:   []commerce.Currency{commerce.CLP},
		Capabilities: []payment.Capability{payment.CanCapture, payment.CanWebhook}}
}

func (s *scripted) Authorize(_ context.Context, c payment.Charge) (payment.Result, error) {
	s.mu.Lock()
	s.seen = c
	s.mu.Unlock()
	if s.err != nil {
		return payment.Result{}, s.err
	}
	return payment.Result{Status: payment.StatusAuthorized, Reference: "pi_1",
		Amount: c.Amount, ClientSecret: "pi_1_secret"}, nil
}

func (s *scripted) Refund(context.Context, payment.Refund) (payment.Result, error) {
	return payment.Result{}, s.err
}

func (s *scripted) Capture(_ context.Context, c payment.Capture) (payment.Result, error) {
	return payment.Result{Status: payment.StatusCaptured, Reference: c.Reference,
		Amount: c.Amount}, s.err
}

func (s *scripted) ParseWebhook(_ context.Context, w payment.Webhook) (payment.Notification,
	error) {
	s.mu.Lock()
	s.hdr = w.Header
	s.mu.Unlock()
	return payment.Notification{EventID: "evt_1", Reference: "pi_1", Status: payment.StatusCaptured,
		Amount: commerce.FromMinor(1000, commerce.CLP), At: time.Unix(1700000000, 0).UTC()}, s.err
}

func TestCallsCarryEverything(t *testing.T) {
	g := &scripted{}
	c := connect(t, g)
	ch := charge()
	ch.IdempotencyKey = "CL-2026-SDK1-0001:authorize"
	res, err := c.Authorize(context.Background(), ch)
	if err != nil {
		t.Fatal(err)
	}
	seen, _ := g.saw()
	if seen.IdempotencyKey != ch.IdempotencyKey || seen.Amount.Minor() != 26970 ||
		seen.Amount.Currency() != commerce.CLP || seen.Metadata["a"] != "b" ||
		seen.CustomerID != 7 {
		t.Errorf("plugin received %+v; want %+v", seen, ch)
	}
	if res.ClientSecret != "pi_1_secret" || res.Status != payment.StatusAuthorized {
		t.Errorf("Authorize = %+v", res)
	}
	if _, ok := payment.AsCapturer(c); !ok {
		t.Error("the host does not see the declared capture")
	}
	n, err := c.ParseWebhook(context.Background(), payment.Webhook{
		Header: http.Header{"Stripe-Signature": {"t=1,v1=x"}}, Body: []byte("{}")})
	_, hdr := g.saw()
	if err != nil || n.EventID != "evt_1" || !n.At.Equal(time.Unix(1700000000, 0)) ||
		hdr.Get("Stripe-Signature") != "t=1,v1=x" {
		t.Errorf("ParseWebhook = %+v, %v; header seen %v", n, err, hdr)
	}
}

func TestErrorsCrossTheBoundaryTyped(t *testing.T) {
	tests := []struct {
		name      string
		err       error
		code      string
		retryable bool
		kind      commerce.Kind
	}{
		{"declined", payment.Declined("card_declined", "tarjeta rechazada"), "card_declined",
			false, commerce.KindInternal},
		{"temporary", payment.Temporary("rate_limit", errors.New("429")), "rate_limit", true,
			commerce.KindInternal},
		{"unavailable", payment.Unavailable("stripe_down", nil), "stripe_down", true,
			commerce.KindUnavailable},
		{"invalid", commerce.Errorf(commerce.KindInvalid, "x", "falta la clave"),
			"gateway_error", false, commerce.KindInvalid},
		{"plain", errors.New("boom"), "gateway_error", true, commerce.KindInternal},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := connect(t, &scripted{err: tt.err})
			_, err := c.Authorize(context.Background(), charge())
			var pe *payment.Error
			if !errors.As(err, &pe) {
				t.Fatalf("Authorize = %v (%T); want a *payment.Error", err, err)
			}
			if pe.Code != tt.code || pe.Retryable != tt.retryable || pe.Message == "" ||
				commerce.ErrorKind(err) != tt.kind {
				t.Errorf("error = %+v kind %v; want code %s retryable %v kind %v", pe,
					commerce.ErrorKind(err), tt.code, tt.retryable, tt.kind)
			}
		})
	}
}
