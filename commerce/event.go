package commerce

import (
	"context"
	"errors"
	"sync"
	"time"
)

// Event announces a change that already happened, such as a product created
// or an order paid. Name is dotted ("catalog.product.updated"), Key names the
// thing that changed ("product:42"), and Data carries the details.
type Event struct {
	Name string
	Key  string
	At   time.Time
	Data any
}

// Publisher sends events to whoever listens. Consumers must be idempotent:
// an event may be delivered more than once.
type Publisher interface {
	Publish(ctx context.Context, events ...Event) error
}

// Handler consumes one event.
type Handler func(ctx context.Context, e Event) error

// Bus is an in-process Publisher that calls every subscribed handler in the
// order they subscribed, synchronously. Its zero value is ready to use and it
// is safe for concurrent use.
type Bus struct {
	mu   sync.RWMutex
	subs []subscription
	next int
}

type subscription struct {
	id      int
	pattern string
	handle  Handler
}

// Subscribe calls h for every event whose name is pattern, or for every
// event when pattern is "*". It returns a function that unsubscribes.
func (b *Bus) Subscribe(pattern string, h Handler) (cancel func()) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.next++
	id := b.next
	b.subs = append(b.subs, subscription{id: id, pattern: pattern, handle: h})
	return func() { b.unsubscribe(id) }
}

func (b *Bus) unsubscribe(id int) {
	b.mu.Lock()
	defer b.mu.Unlock()
	for i, s := range b.subs {
		if s.id == id {
			b.subs = append(b.subs[:i:i], b.subs[i+1:]...)
			return
		}
	}
}

// Publish hands each event to its handlers. Every handler runs even when an
// earlier one fails; the failures are returned joined.
func (b *Bus) Publish(ctx context.Context, events ...Event) error {
	b.mu.RLock()
	subs := b.subs
	b.mu.RUnlock()

	var errs []error
	for _, e := range events {
		for _, s := range subs {
			if s.pattern != "*" && s.pattern != e.Name {
				continue
			}
			if err := s.handle(ctx, e); err != nil {
				errs = append(errs, err)
			}
		}
	}
	return errors.Join(errs...)
}

// Discard is a Publisher that drops every event.
var Discard Publisher = discard{}

type discard struct{}

func (discard) Publish(context.Context, ...Event) error { return nil }
