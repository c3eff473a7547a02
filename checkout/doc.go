// Package checkout turns a cart, or a list of items, into an order in one
// business transaction: it prices on the server, reserves stock with
// conditional updates, writes the order with its lines, timeline and
// events (to an outbox, in the same transaction), and then hands the order
// over to its payment method.
//
// It also holds what makes retries safe: idempotency keys with Stripe's
// semantics (Idempotency), and the relay that publishes the outbox
// (Relay). The transaction boundaries, the allocation across warehouses
// and the order number format are recorded in
// docs/decisions/0005-checkout-transaction.md.
package checkout
