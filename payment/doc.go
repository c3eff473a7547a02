// Package payment is how an order gets paid: the Gateway interface every
// payment method implements, the optional abilities a gateway may add, a
// Registry of the methods a store offers, and the built-in manual methods,
// bank transfer and cash on delivery, that staff confirm by hand.
//
// The interface is kept small so that gateways run out of process, as
// plugins, fit it unchanged: every call carries an idempotency key, amounts
// are commerce.Money (sent to gateways in minor units, whole pesos for
// CLP), a gateway describes itself, and its errors say whether a retry is
// safe.
package payment
