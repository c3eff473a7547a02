package authtest

import (
	"crypto/rand"
	"sync"
	"testing"
	"time"

	"github.com/ecommerce-moderno/moderno/auth"
	"github.com/ecommerce-moderno/moderno/commerce"
)

// Users are the user ids the suite's tokens belong to. A store whose tokens
// reference a users table must hold these users.
var Users = [2]commerce.UserID{1, 2}

// Run checks that stores made by newStore keep the auth.Store contract.
// newStore is called once per subtest and may return a store that already
// holds other data: the suite only looks at what it wrote. Times are whole
// seconds in UTC, so adapters may store them at that precision.
func Run(t *testing.T, newStore func(t *testing.T) auth.Store) {
	t.Helper()
	tests := []struct {
		name string
		run  func(t *testing.T, s auth.Store)
	}{
		{"SaveAndUse", testSaveAndUse},
		{"DuplicateHash", testDuplicateHash},
		{"UnknownHash", testUnknownHash},
		{"RevokeFamily", testRevokeFamily},
		{"SaveIntoRevokedFamily", testSaveIntoRevokedFamily},
		{"RevokeUser", testRevokeUser},
		{"RevokeToken", testRevokeToken},
		{"ConcurrentUse", testConcurrentUse},
		{"Purge", testPurge},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { tt.run(t, newStore(t)) })
	}
}

// base is the suite's "now": a whole second, far from any real clock.
var base = time.Date(2031, 3, 14, 15, 9, 26, 0, time.UTC)

func token(user commerce.UserID, family string, issued time.Time) auth.Refresh {
	return auth.Refresh{Hash: auth.HashToken(rand.Text()), Family: family, UserID: user,
		Started: issued.Add(-time.Hour), IssuedAt: issued,
		ExpiresAt: issued.Add(7 * 24 * time.Hour)}
}

func save(t *testing.T, s auth.Store, rs ...auth.Refresh) {
	t.Helper()
	for _, r := range rs {
		if err := s.SaveRefresh(t.Context(), r); err != nil {
			t.Fatalf("SaveRefresh(%s) = %v", r.Hash[:8], err)
		}
	}
}

func use(t *testing.T, s auth.Store, hash string, at time.Time) auth.Refresh {
	t.Helper()
	r, err := s.UseRefresh(t.Context(), hash, at)
	if err != nil {
		t.Fatalf("UseRefresh(%s) = %v", hash[:8], err)
	}
	return r
}

func revoked(t *testing.T, s auth.Store, id, family string) bool {
	t.Helper()
	got, err := s.Revoked(t.Context(), id, family)
	if err != nil {
		t.Fatalf("Revoked(%q, %q) = %v", id, family, err)
	}
	return got
}

func testSaveAndUse(t *testing.T, s auth.Store) {
	want := token(Users[0], rand.Text(), base)
	save(t, s, want)

	first := use(t, s, want.Hash, base.Add(time.Minute))
	if !first.UsedAt.IsZero() || !first.RevokedAt.IsZero() {
		t.Errorf("first UseRefresh = used %v, revoked %v; want neither", first.UsedAt,
			first.RevokedAt)
	}
	if first.Family != want.Family || first.UserID != want.UserID ||
		!first.Started.Equal(want.Started) || !first.IssuedAt.Equal(want.IssuedAt) ||
		!first.ExpiresAt.Equal(want.ExpiresAt) {
		t.Errorf("UseRefresh returned %+v; want %+v", first, want)
	}

	second := use(t, s, want.Hash, base.Add(2*time.Minute))
	if !second.UsedAt.Equal(base.Add(time.Minute)) {
		t.Errorf("second UseRefresh UsedAt = %v; want the first use, %v", second.UsedAt,
			base.Add(time.Minute))
	}
	third := use(t, s, want.Hash, base.Add(3*time.Minute))
	if !third.UsedAt.Equal(second.UsedAt) {
		t.Errorf("a spent token's UsedAt moved from %v to %v", second.UsedAt, third.UsedAt)
	}
}

func testDuplicateHash(t *testing.T, s auth.Store) {
	r := token(Users[0], rand.Text(), base)
	save(t, s, r)
	other := token(Users[1], rand.Text(), base)
	other.Hash = r.Hash
	err := s.SaveRefresh(t.Context(), other)
	if commerce.ErrorKind(err) != commerce.KindConflict {
		t.Errorf("SaveRefresh(duplicate hash) = %v; want KindConflict", err)
	}
}

func testUnknownHash(t *testing.T, s auth.Store) {
	_, err := s.UseRefresh(t.Context(), auth.HashToken(rand.Text()), base)
	if commerce.ErrorKind(err) != commerce.KindNotFound {
		t.Errorf("UseRefresh(unknown) = %v; want KindNotFound", err)
	}
}

func testRevokeFamily(t *testing.T, s auth.Store) {
	ctx := t.Context()
	fam, other := rand.Text(), rand.Text()
	a, b, c := token(Users[0], fam, base), token(Users[0], fam, base), token(Users[0], other, base)
	save(t, s, a, b, c)
	use(t, s, a.Hash, base.Add(time.Second))

	at := base.Add(time.Minute)
	if err := s.RevokeFamily(ctx, fam, at); err != nil {
		t.Fatalf("RevokeFamily = %v", err)
	}
	for _, r := range []auth.Refresh{a, b} {
		if got := use(t, s, r.Hash, base.Add(time.Hour)); !got.RevokedAt.Equal(at) {
			t.Errorf("token of revoked family: RevokedAt = %v; want %v", got.RevokedAt, at)
		}
	}
	if got := use(t, s, c.Hash, base.Add(time.Hour)); !got.RevokedAt.IsZero() {
		t.Errorf("token of another family revoked at %v", got.RevokedAt)
	}
	if !revoked(t, s, rand.Text(), fam) {
		t.Error("Revoked(any id, revoked family) = false; want true")
	}
	if revoked(t, s, rand.Text(), other) {
		t.Error("Revoked(any id, live family) = true; want false")
	}
	if err := s.RevokeFamily(ctx, fam, base.Add(2*time.Minute)); err != nil {
		t.Errorf("RevokeFamily twice = %v; want nil", err)
	}
	if got := use(t, s, b.Hash, base.Add(time.Hour)); !got.RevokedAt.Equal(at) {
		t.Errorf("revoking twice moved RevokedAt to %v; want %v", got.RevokedAt, at)
	}
	if err := s.RevokeFamily(ctx, rand.Text(), at); err != nil {
		t.Errorf("RevokeFamily(unknown) = %v; want nil", err)
	}
}

func testSaveIntoRevokedFamily(t *testing.T, s auth.Store) {
	fam := rand.Text()
	first := token(Users[0], fam, base)
	save(t, s, first)
	if err := s.RevokeFamily(t.Context(), fam, base.Add(time.Second)); err != nil {
		t.Fatalf("RevokeFamily = %v", err)
	}
	late := token(Users[0], fam, base.Add(2*time.Second))
	save(t, s, late)
	if got := use(t, s, late.Hash, base.Add(time.Minute)); got.RevokedAt.IsZero() {
		t.Error("a token saved into a revoked family is live; want it revoked")
	}
}

func testRevokeUser(t *testing.T, s auth.Store) {
	f1, f2, f3 := rand.Text(), rand.Text(), rand.Text()
	a, b, c := token(Users[0], f1, base), token(Users[0], f2, base), token(Users[1], f3, base)
	save(t, s, a, b, c)
	if err := s.RevokeUser(t.Context(), Users[0], base.Add(time.Minute)); err != nil {
		t.Fatalf("RevokeUser = %v", err)
	}
	for _, f := range []string{f1, f2} {
		if !revoked(t, s, rand.Text(), f) {
			t.Errorf("family of the revoked user is live")
		}
	}
	if revoked(t, s, rand.Text(), f3) {
		t.Error("family of another user was revoked")
	}
	if got := use(t, s, b.Hash, base.Add(time.Hour)); got.RevokedAt.IsZero() {
		t.Error("refresh token of the revoked user is live")
	}
}

func testRevokeToken(t *testing.T, s auth.Store) {
	id, fam := rand.Text(), rand.Text()
	if revoked(t, s, id, fam) {
		t.Fatal("Revoked before any revocation = true")
	}
	if err := s.RevokeToken(t.Context(), id, base.Add(time.Hour)); err != nil {
		t.Fatalf("RevokeToken = %v", err)
	}
	if !revoked(t, s, id, fam) {
		t.Error("Revoked(revoked id) = false; want true")
	}
	if revoked(t, s, rand.Text(), fam) {
		t.Error("revoking one token id revoked another of its family")
	}
}

func testConcurrentUse(t *testing.T, s auth.Store) {
	r := token(Users[0], rand.Text(), base)
	save(t, s, r)
	var wg sync.WaitGroup
	var mu sync.Mutex
	fresh, failed := 0, 0
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			got, err := s.UseRefresh(t.Context(), r.Hash,
				base.Add(time.Duration(i+1)*time.Second))
			mu.Lock()
			defer mu.Unlock()
			if err != nil {
				failed++
			} else if got.UsedAt.IsZero() {
				fresh++
			}
		}()
	}
	wg.Wait()
	if fresh != 1 || failed != 0 {
		t.Errorf("8 concurrent uses: %d saw the token fresh, %d failed; want 1 and 0", fresh,
			failed)
	}
}

func testPurge(t *testing.T, s auth.Store) {
	ctx := t.Context()
	old := token(Users[0], rand.Text(), base.Add(-8*24*time.Hour))
	live := token(Users[0], rand.Text(), base)
	save(t, s, old, live)
	oldID, liveID := rand.Text(), rand.Text()
	if err := s.RevokeToken(ctx, oldID, base.Add(-time.Minute)); err != nil {
		t.Fatal(err)
	}
	if err := s.RevokeToken(ctx, liveID, base.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	if err := s.RevokeFamily(ctx, live.Family, base); err != nil {
		t.Fatal(err)
	}

	if err := s.Purge(ctx, base); err != nil {
		t.Fatalf("Purge = %v", err)
	}
	if _, err := s.UseRefresh(ctx, old.Hash, base); commerce.ErrorKind(err) != commerce.KindNotFound {
		t.Errorf("UseRefresh(purged) = %v; want KindNotFound", err)
	}
	if revoked(t, s, oldID, rand.Text()) {
		t.Error("an expired revoked id was kept")
	}
	if !revoked(t, s, liveID, rand.Text()) {
		t.Error("a live revoked id was purged")
	}
	if !revoked(t, s, rand.Text(), live.Family) {
		t.Error("a revoked family with live tokens was purged")
	}
}
