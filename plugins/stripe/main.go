// Command stripe is the Stripe payment gateway plugin: PaymentIntents with
// automatic or separate capture, full and partial refunds, and signed
// webhooks. The store starts it from its plugins directory; it reads
//
//	COMMERCE_STRIPE_SECRET_KEY      the secret API key (sk_live_..., sk_test_...)
//	COMMERCE_STRIPE_WEBHOOK_SECRET  the endpoint's signing secret (whsec_...)
//	COMMERCE_STRIPE_API_URL         another API address, such as stripe-mock's
//	COMMERCE_STRIPE_CAPTURE         "manual" to authorize first and capture later
//
// Card data never reaches the store: the storefront confirms the
// PaymentIntent with Stripe.js and its client secret.
package main

import (
	"fmt"
	"os"

	"github.com/ecommerce-moderno/moderno/plugins/sdk"
)

func main() {
	g, err := New(Config{SecretKey: os.Getenv("COMMERCE_STRIPE_SECRET_KEY"),
		WebhookSecret: os.Getenv("COMMERCE_STRIPE_WEBHOOK_SECRET"),
		APIURL:        os.Getenv("COMMERCE_STRIPE_API_URL"),
		ManualCapture: os.Getenv("COMMERCE_STRIPE_CAPTURE") == "manual"})
	if err != nil {
		fmt.Fprintln(os.Stderr, "stripe plugin:", err)
		os.Exit(1)
	}
	sdk.Serve(g)
}
