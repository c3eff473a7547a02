package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/ecommerce-moderno/moderno/checkout"
	"github.com/ecommerce-moderno/moderno/commerce"
	"github.com/ecommerce-moderno/moderno/payment"
	"github.com/ecommerce-moderno/moderno/plugins/host"
)

// paymentSettings are the payments part of Config.
type paymentSettings struct {
	// PluginsDir (COMMERCE_PLUGINS_DIR) holds the gateway plugins, one
	// executable per gateway named after it; DataDir/plugins by default.
	PluginsDir string
	// PaymentPlugins (COMMERCE_PAYMENT_PLUGINS) lists the plugins to run,
	// comma-separated, such as "stripe"; none by default: bank transfer
	// and cash on delivery only.
	PaymentPlugins string
	// Stripe's settings, passed to the stripe plugin's environment:
	// COMMERCE_STRIPE_SECRET_KEY, COMMERCE_STRIPE_WEBHOOK_SECRET and
	// COMMERCE_STRIPE_API_URL (another API address, for stripe-mock).
	StripeSecretKey, StripeWebhookSecret, StripeAPIURL string
	// StripePublishableKey (COMMERCE_STRIPE_PUBLISHABLE_KEY) is handed to
	// the storefront, at GET /payment-methods, to open Stripe's card form.
	StripePublishableKey string
	// The account bank transfers go to (banktransfer.go).
	bankSettings
}

// readPayments reads the payment settings from the environment.
func (c *Config) readPayments(getenv func(string) string) {
	c.PluginsDir = getenv("COMMERCE_PLUGINS_DIR")
	c.PaymentPlugins = getenv("COMMERCE_PAYMENT_PLUGINS")
	c.StripeSecretKey = getenv("COMMERCE_STRIPE_SECRET_KEY")
	c.StripeWebhookSecret = getenv("COMMERCE_STRIPE_WEBHOOK_SECRET")
	c.StripeAPIURL = getenv("COMMERCE_STRIPE_API_URL")
	c.StripePublishableKey = getenv("COMMERCE_STRIPE_PUBLISHABLE_KEY")
	c.readBank(getenv)
}

// plugins returns the names in PaymentPlugins.
func (p paymentSettings) plugins() []string {
	var out []string
	for name := range strings.SplitSeq(p.PaymentPlugins, ",") {
		if name = strings.TrimSpace(name); name != "" {
			out = append(out, name)
		}
	}
	return out
}

// validatePayments checks the payment settings.
func (c Config) validatePayments() []error {
	var errs []error
	for _, p := range c.plugins() {
		if p == "stripe" && c.StripeSecretKey == "" {
			errs = append(errs, errors.New("COMMERCE_PAYMENT_PLUGINS names stripe: "+
				"COMMERCE_STRIPE_SECRET_KEY is required"))
		}
	}
	errs = append(errs, c.validateBank()...)
	if err := checkServiceURL(c.StripeAPIURL, "http", "https"); err != nil {
		errs = append(errs, fmt.Errorf("COMMERCE_STRIPE_API_URL %q: %w", c.StripeAPIURL, err))
	}
	return errs
}

// openGateways starts the payment plugins and builds the registry of the
// methods checkout offers: bank transfer, cash on delivery and each
// plugin's gateway. Close stops the plugins.
func (m *Main) openGateways(ctx context.Context) error {
	gateways := []payment.Gateway{
		payment.BankTransfer{Instructions: m.Config.transferInstructions()},
		payment.CashOnDelivery{Instructions: "Pague al recibir su pedido, en efectivo o con " +
			"tarjeta."},
	}
	if names := m.Config.plugins(); len(names) > 0 {
		dir := m.Config.PluginsDir
		if dir == "" {
			dir = filepath.Join(m.Config.DataDir, "plugins")
		}
		env := os.Environ()
		for k, v := range map[string]string{
			"COMMERCE_STRIPE_SECRET_KEY":     m.Config.StripeSecretKey,
			"COMMERCE_STRIPE_WEBHOOK_SECRET": m.Config.StripeWebhookSecret,
			"COMMERCE_STRIPE_API_URL":        m.Config.StripeAPIURL,
		} {
			if v != "" {
				env = append(env, k+"="+v) // the last of a repeated name wins
			}
		}
		h, err := host.Open(ctx, host.Config{Dir: dir, Names: names,
			Env: env, Stderr: os.Stderr})
		if err != nil {
			return fmt.Errorf("payment plugins: %w", err)
		}
		m.plugins = h
		gateways = append(gateways, h.Gateways()...)
		for _, g := range h.Gateways() {
			d := g.Describe()
			m.Log.Info("payment plugin started", "gateway", d.Name, "currencies",
				d.Currencies, "capabilities", d.Capabilities)
		}
	}
	m.gateways = payment.NewRegistry(gateways...)
	return nil
}

// openPayments builds the service that applies gateways' webhooks and
// staff refunds, when the shop is on and the database keeps payments.
func (m *Main) openPayments() {
	st, ok := m.db.(checkout.PaymentStore)
	if !ok || m.orders == nil {
		m.Log.Warn("this database adapter keeps no payment events; webhooks and refunds are off")
		return
	}
	m.payments = checkout.NewPayments(st, checkout.PaymentsConfig{Orders: m.orders,
		Registry: m.gateways, Events: m.events})
	m.orders.SetHolds(m.payments.Holds())
	for _, name := range []string{checkout.EventWebhookIgnored, checkout.EventVoidFailed,
		checkout.EventCaptureFailed} {
		m.events.Subscribe(name, m.logPaymentEvent)
	}
}

// logPaymentEvent logs what gateways did that staff must look into.
func (m *Main) logPaymentEvent(_ context.Context, e commerce.Event) error {
	m.Log.Warn("payment event", "event", e.Name, "key", e.Key, "data", e.Data)
	return nil
}

// publicKeys are the keys of GET /payment-methods, by method.
func (p paymentSettings) publicKeys() map[string]string {
	if p.StripePublishableKey == "" {
		return nil
	}
	return map[string]string{"stripe": p.StripePublishableKey}
}

// closePayments stops the payment plugins.
func (m *Main) closePayments() error {
	if m.plugins == nil {
		return nil
	}
	err := m.plugins.Close()
	m.plugins = nil
	return err
}
