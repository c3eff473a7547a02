package main

import (
	"context"
	"testing"
	"time"

	"github.com/ecommerce-moderno/moderno/auth"
	"github.com/ecommerce-moderno/moderno/auth/authtest"
	"github.com/ecommerce-moderno/moderno/commerce"
)

// savedStore remembers the hashes of the refresh tokens it stored.
type savedStore struct {
	*authtest.MemoryStore
	hashes []string
}

func (s *savedStore) SaveRefresh(ctx context.Context, r auth.Refresh) error {
	s.hashes = append(s.hashes, r.Hash)
	return s.MemoryStore.SaveRefresh(ctx, r)
}

// TestDailyCleanupPurgesExpiredSessions checks the shop's daily cleanup
// forgets refresh tokens past their life, by the tokens' clock, and keeps
// the live ones.
func TestDailyCleanupPurgesExpiredSessions(t *testing.T) {
	ctx := context.Background()
	e := newShopJobsEnv(t, 30*time.Minute)
	store := &savedStore{MemoryStore: authtest.NewMemoryStore()}
	key, err := auth.NewKey("k1", []byte("0123456789abcdef0123456789abcdef"))
	if err != nil {
		t.Fatal(err)
	}
	tokens, err := auth.New(store, auth.Config{Keys: []auth.Key{key}, Clock: e.clock})
	if err != nil {
		t.Fatal(err)
	}
	e.jobs.sessions = tokens
	ana := commerce.User(7, commerce.RoleCustomer)
	if _, err := tokens.Issue(ctx, ana); err != nil {
		t.Fatal(err)
	}
	kept := func(hash string) bool {
		_, err := store.UseRefresh(ctx, hash, e.clock.Now())
		return commerce.ErrorKind(err) != commerce.KindNotFound
	}
	if _, err := e.jobs.cleanup(ctx); err != nil || !kept(store.hashes[0]) {
		t.Fatalf("cleanup of a live session = %v, kept %v; want it kept", err,
			kept(store.hashes[0]))
	}
	e.clock.Advance(auth.DefaultRefreshTTL + time.Hour)
	if _, err := tokens.Issue(ctx, ana); err != nil {
		t.Fatal(err)
	}
	if _, err := e.jobs.cleanup(ctx); err != nil {
		t.Fatalf("cleanup = %v", err)
	}
	if kept(store.hashes[0]) {
		t.Error("a refresh token past its life survived the daily cleanup")
	}
	if !kept(store.hashes[1]) {
		t.Error("the daily cleanup purged a live refresh token")
	}
}
