package main

import (
	"context"
	"fmt"
	"time"

	"github.com/ecommerce-moderno/moderno/cart"
	"github.com/ecommerce-moderno/moderno/checkout"
	"github.com/ecommerce-moderno/moderno/commerce"
	"github.com/ecommerce-moderno/moderno/order"
)

// guestCartAge is how long a guest cart nobody touches is kept: as long as
// the browser keeps its cookie.
const guestCartAge = 30 * 24 * time.Hour

// publishedAge is how long a published event stays in the outbox, for
// looking into what was announced.
const publishedAge = 7 * 24 * time.Hour

// batch is how many rows one step of a job handles.
const batch = 100

// shopJobs are the shop's background work: publishing the outbox,
// releasing expired reservations, and the daily cleanups.
type shopJobs struct {
	outbox checkout.Outbox
	events commerce.Publisher
	orders *order.Service
	keys   checkout.KeyStore
	carts  *cart.Service
	clock  commerce.Clock
	// sessions forgets expired refresh tokens and revocations (an
	// *auth.Tokens); nil when accounts are off.
	sessions interface {
		Purge(ctx context.Context) error
	}
}

// list returns the jobs: the relay every second, the sweeper every minute
// (or every half TTL when that is shorter), the cleanups daily.
func (s shopJobs) list(ttl time.Duration) []job {
	return []job{
		{name: "outbox relay", every: time.Second, run: s.relay},
		{name: "reservation sweeper", every: min(time.Minute, max(ttl/2, time.Second)),
			run: s.sweep},
		{name: "daily cleanup", every: 24 * time.Hour, run: s.cleanup},
	}
}

// relay publishes the outbox's pending events, a batch at a time, until
// none are left.
func (s shopJobs) relay(ctx context.Context) (int, error) {
	total := 0
	for {
		n, err := checkout.Relay(ctx, s.outbox, s.events, batch)
		total += n
		if err != nil || n < batch {
			return total, err
		}
	}
}

// sweep cancels the pending unpaid orders whose reservation expired,
// releasing their units.
func (s shopJobs) sweep(ctx context.Context) (int, error) {
	total := 0
	for {
		n, err := s.orders.ExpireReservations(ctx, batch)
		total += n
		if err != nil || n < batch {
			return total, err
		}
	}
}

// cleanup deletes expired idempotency keys, guest carts left alone for
// guestCartAge, events published more than publishedAge ago, and expired
// sessions (which the store does not count).
func (s shopJobs) cleanup(ctx context.Context) (int, error) {
	keys, err := s.keys.DeleteExpired(ctx, s.clock.Now())
	if err != nil {
		return keys, fmt.Errorf("idempotency keys: %w", err)
	}
	carts, err := s.carts.DeleteIdleGuestCarts(ctx, guestCartAge)
	if err != nil {
		return keys + carts, fmt.Errorf("guest carts: %w", err)
	}
	events, err := s.outbox.DeletePublished(ctx, s.clock.Now().Add(-publishedAge))
	if err != nil {
		return keys + carts + events, fmt.Errorf("published events: %w", err)
	}
	if s.sessions != nil {
		if err := s.sessions.Purge(ctx); err != nil {
			return keys + carts + events, fmt.Errorf("expired sessions: %w", err)
		}
	}
	return keys + carts + events, nil
}
