// Package host runs payment gateways as plugins: separate programs that
// speak plugins/sdk's protocol over hashicorp/go-plugin. It starts the
// plugins named in configuration from a plugins directory, checks their
// health, restarts one that crashed, puts a deadline on every call, opens a
// circuit breaker on a gateway that keeps failing, and reports a plugin's
// failure as a retryable payment.Error of kind commerce.KindUnavailable,
// never as a decline. Plugin processes stop with Close, and, on Linux, with
// the host's own process.
//
// Each plugin is a payment.Gateway with the abilities it declares, so the
// checkout uses it exactly like a built-in method:
//
//	h, err := host.Open(ctx, host.Config{Dir: "/opt/commerce/plugins",
//		Names: []string{"stripe"}})
//	...
//	defer h.Close()
//	registry := payment.NewRegistry(append(builtIn, h.Gateways()...)...)
//
// A plugin sees only its own part of the environment: the variables named
// COMMERCE_<NAME>_..., where NAME is its name in upper case (for "stripe",
// COMMERCE_STRIPE_SECRET_KEY), plus PATH, HOME, TMPDIR and the locale.
// See docs/decisions/0007-plugin-protocol.md.
package host
