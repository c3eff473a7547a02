package host

import (
	"sync"
	"time"
)

// breaker is a circuit breaker: after threshold failures in a row it opens
// for cooldown, during which calls fail at once; then it lets one call
// through (half open), which closes it on success or opens it again.
type breaker struct {
	threshold int
	cooldown  time.Duration

	mu       sync.Mutex
	failures int
	openedAt time.Time // zero: closed
	trial    bool      // a half-open trial call is in flight
}

// allow reports whether a call may go to the plugin now.
func (b *breaker) allow(now time.Time) bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.openedAt.IsZero() {
		return true
	}
	if b.trial || now.Sub(b.openedAt) < b.cooldown {
		return false
	}
	b.trial = true
	return true
}

// success records a call the gateway answered, declines included.
func (b *breaker) success() {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.failures, b.openedAt, b.trial = 0, time.Time{}, false
}

// failure records a call that failed because of the plugin or its gateway.
func (b *breaker) failure(now time.Time) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.failures++
	if b.trial || b.failures >= b.threshold {
		b.openedAt, b.trial = now, false
	}
}

// open reports whether the breaker is refusing calls.
func (b *breaker) open() bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	return !b.openedAt.IsZero()
}
