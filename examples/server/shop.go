package main

import (
	"time"

	"github.com/ecommerce-moderno/moderno/cart"
	"github.com/ecommerce-moderno/moderno/checkout"
	"github.com/ecommerce-moderno/moderno/commerce"
	"github.com/ecommerce-moderno/moderno/order"
	"github.com/ecommerce-moderno/moderno/pricing"
	"github.com/ecommerce-moderno/moderno/storage/mysql"
	"github.com/ecommerce-moderno/moderno/storage/sqlite"
)

// shopStore is what the shop needs of a storage adapter: the unit of work
// of checkout, orders, idempotency keys, the outbox and carts.
type shopStore interface {
	checkout.Store
	checkout.KeyStore
	checkout.Outbox
	order.Store
	cart.Store
}

// Both adapters keep the shop; openShop still checks, for a program that
// swaps in another.
var (
	_ shopStore = (*sqlite.DB)(nil)
	_ shopStore = (*mysql.DB)(nil)
)

// defaultReservationTTL is how long an unpaid order holds its stock when
// the configuration does not say.
const defaultReservationTTL = 30 * time.Minute

// openShop builds the cart, checkout and order services over the database
// and starts the shop's jobs; Close stops them. A database adapter without
// the shop's stores leaves the shop off, and says so.
func (m *Main) openShop() {
	st, ok := m.db.(shopStore)
	if !ok {
		m.Log.Warn("this database adapter has no cart and order stores; the shop is off")
		return
	}
	ttl := m.Config.ReservationTTL
	if ttl == 0 {
		ttl = defaultReservationTTL
	}
	m.pricer = pricing.New(pricing.Config{})
	m.orders = order.NewService(st, order.Config{Logger: m.Log})
	m.carts = cart.NewService(st, cart.Config{Catalog: m.db, Pricer: m.pricer})
	m.checkout = checkout.NewService(st, checkout.Config{Catalog: m.db, Orders: m.orders,
		Pricer: m.pricer, Carts: m.carts, Outbox: st, Events: m.events, ReservationTTL: ttl,
		Payments: m.gateways, Logger: m.Log})
	m.keys = checkout.NewIdempotency(st, checkout.IdempotencyConfig{})
	tick := m.tick
	if tick == nil {
		tick = realTicker
	}
	jobs := shopJobs{outbox: st, events: m.events, orders: m.orders, keys: st, carts: m.carts,
		clock: commerce.SystemClock{}}
	if m.accounts != nil {
		jobs.sessions = m.accounts.tokens
	}
	m.openOrderMail() // before the relay starts
	m.jobs = startJobs(m.Log, tick, jobs.list(ttl)...)
}
