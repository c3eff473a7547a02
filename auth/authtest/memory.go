// Package authtest holds the contract suite every auth.Store runs, and an
// in-memory Store for tests and single-process programs.
package authtest

import (
	"context"
	"sync"
	"time"

	"github.com/ecommerce-moderno/moderno/auth"
	"github.com/ecommerce-moderno/moderno/commerce"
)

// MemoryStore is an auth.Store in maps. Revocations it holds are seen only
// by its own process. Its zero value is not ready: use NewMemoryStore.
type MemoryStore struct {
	mu       sync.Mutex
	tokens   map[string]auth.Refresh // by hash
	revoked  map[string]time.Time    // access token id -> expiry
	families map[string]bool         // revoked families
}

var _ auth.Store = (*MemoryStore)(nil)

// NewMemoryStore returns an empty MemoryStore.
func NewMemoryStore() *MemoryStore {
	return &MemoryStore{tokens: map[string]auth.Refresh{}, revoked: map[string]time.Time{},
		families: map[string]bool{}}
}

// SaveRefresh stores a new refresh token.
func (m *MemoryStore) SaveRefresh(_ context.Context, r auth.Refresh) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if _, ok := m.tokens[r.Hash]; ok {
		return commerce.Errorf(commerce.KindConflict, "authtest.save refresh", "token repetido")
	}
	if m.families[r.Family] {
		r.RevokedAt = r.IssuedAt
	}
	m.tokens[r.Hash] = r
	return nil
}

// UseRefresh spends a refresh token.
func (m *MemoryStore) UseRefresh(_ context.Context, hash string, at time.Time) (auth.Refresh,
	error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	r, ok := m.tokens[hash]
	if !ok {
		return auth.Refresh{}, commerce.NotFound("authtest.use refresh", "token")
	}
	if r.UsedAt.IsZero() && r.RevokedAt.IsZero() {
		used := r
		used.UsedAt = at
		m.tokens[hash] = used
	}
	return r, nil
}

// RevokeFamily revokes every token of the family.
func (m *MemoryStore) RevokeFamily(_ context.Context, family string, at time.Time) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.revokeFamily(family, at)
	return nil
}

func (m *MemoryStore) revokeFamily(family string, at time.Time) {
	m.families[family] = true
	for h, r := range m.tokens {
		if r.Family == family && r.RevokedAt.IsZero() {
			r.RevokedAt = at
			m.tokens[h] = r
		}
	}
}

// RevokeUser revokes every family of the user.
func (m *MemoryStore) RevokeUser(_ context.Context, user commerce.UserID, at time.Time) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	for _, r := range m.tokens {
		if r.UserID == user {
			m.revokeFamily(r.Family, at)
		}
	}
	return nil
}

// RevokeToken remembers an access token id as revoked.
func (m *MemoryStore) RevokeToken(_ context.Context, id string, expires time.Time) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.revoked[id] = expires
	return nil
}

// Revoked reports whether the token or its family was revoked.
func (m *MemoryStore) Revoked(_ context.Context, id, family string) (bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	_, byID := m.revoked[id]
	return byID || m.families[family], nil
}

// Purge forgets what expired before the time.
func (m *MemoryStore) Purge(_ context.Context, before time.Time) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	for id, exp := range m.revoked {
		if exp.Before(before) {
			delete(m.revoked, id)
		}
	}
	live := map[string]bool{}
	for h, r := range m.tokens {
		if r.ExpiresAt.Before(before) {
			delete(m.tokens, h)
		} else {
			live[r.Family] = true
		}
	}
	for f := range m.families {
		if !live[f] {
			delete(m.families, f)
		}
	}
	return nil
}
