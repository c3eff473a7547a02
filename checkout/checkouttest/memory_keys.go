package checkouttest

import (
	"context"
	"time"

	"github.com/ecommerce-moderno/moderno/checkout"
	"github.com/ecommerce-moderno/moderno/commerce"
)

// Claim stores an in-progress key unless a live one is there.
func (m *Memory) Claim(_ context.Context, rec checkout.KeyRecord,
	now time.Time) (checkout.KeyRecord, bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	k := [2]string{rec.Scope, rec.Key}
	old, ok := m.st.keys[k]
	abandoned := old.State == checkout.KeyInProgress && !old.LockedUntil.After(now)
	if ok && old.ExpiresAt.After(now) && !abandoned {
		return old, false, nil
	}
	rec.State = checkout.KeyInProgress
	m.st.keys[k] = rec
	return rec, true, nil
}

// Complete stores a key's response and marks it done.
func (m *Memory) Complete(_ context.Context, scope, key string, r checkout.Response) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	k := [2]string{scope, key}
	rec, ok := m.st.keys[k]
	if !ok {
		return commerce.NotFound("memory.complete key", "clave")
	}
	rec.State, rec.Response = checkout.KeyDone, r
	m.st.keys[k] = rec
	return nil
}

// Release deletes a key still in progress.
func (m *Memory) Release(_ context.Context, scope, key string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	k := [2]string{scope, key}
	if m.st.keys[k].State == checkout.KeyInProgress {
		delete(m.st.keys, k)
	}
	return nil
}

// DeleteExpired deletes expired keys.
func (m *Memory) DeleteExpired(_ context.Context, now time.Time) (int, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	n := 0
	for k, rec := range m.st.keys {
		if !rec.ExpiresAt.After(now) {
			delete(m.st.keys, k)
			n++
		}
	}
	return n, nil
}
