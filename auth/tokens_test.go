package auth_test

import (
	"context"
	"crypto/rand"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"github.com/ecommerce-moderno/moderno/auth"
	"github.com/ecommerce-moderno/moderno/auth/authtest"
	"github.com/ecommerce-moderno/moderno/commerce"
)

// clock is a settable commerce.Clock.
type clock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *clock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.now }

func (c *clock) Add(d time.Duration) { c.mu.Lock(); c.now = c.now.Add(d); c.mu.Unlock() }

var start = time.Date(2030, 1, 2, 3, 4, 5, 0, time.UTC)

type fixture struct {
	tokens *auth.Tokens
	store  *authtest.MemoryStore
	clock  *clock
	bus    *commerce.Bus
	events *[]commerce.Event
	key    auth.Key
}

func mustKey(t *testing.T, id string) auth.Key {
	t.Helper()
	k, err := auth.GenerateKey(id)
	if err != nil {
		t.Fatal(err)
	}
	return k
}

func newFixture(t *testing.T, keys ...auth.Key) *fixture {
	t.Helper()
	if len(keys) == 0 {
		keys = []auth.Key{mustKey(t, "k1")}
	}
	f := &fixture{store: authtest.NewMemoryStore(), clock: &clock{now: start},
		bus: &commerce.Bus{}, events: &[]commerce.Event{}, key: keys[0]}
	var mu sync.Mutex
	f.bus.Subscribe("*", func(_ context.Context, e commerce.Event) error {
		mu.Lock()
		defer mu.Unlock()
		*f.events = append(*f.events, e)
		return nil
	})
	var err error
	f.tokens, err = auth.New(f.store, auth.Config{Keys: keys, Clock: f.clock, Events: f.bus})
	if err != nil {
		t.Fatalf("auth.New = %v", err)
	}
	return f
}

var alice = commerce.User(7, commerce.RoleCustomer)

func (f *fixture) issue(t *testing.T, p commerce.Principal) auth.Pair {
	t.Helper()
	pair, err := f.tokens.Issue(context.Background(), p)
	if err != nil {
		t.Fatalf("Issue = %v", err)
	}
	return pair
}

func resolveAs(p commerce.Principal) auth.Resolver {
	return func(context.Context, commerce.UserID) (commerce.Principal, error) { return p, nil }
}

func wantUnauthenticated(t *testing.T, what string, err error) {
	t.Helper()
	if commerce.ErrorKind(err) != commerce.KindUnauthenticated {
		t.Errorf("%s = %v; want KindUnauthenticated", what, err)
	}
}

func TestIssueAndVerify(t *testing.T) {
	f := newFixture(t)
	pair := f.issue(t, alice)
	c, err := f.tokens.Verify(context.Background(), pair.AccessToken)
	if err != nil {
		t.Fatalf("Verify(fresh token) = %v", err)
	}
	if c.Principal() != alice || c.Session != pair.Session || c.TokenID == "" {
		t.Errorf("Verify = %+v; want alice in session %s", c, pair.Session)
	}
	if want := start.Add(time.Hour); !pair.AccessExpiresAt.Equal(want) {
		t.Errorf("access expires %v; want %v", pair.AccessExpiresAt, want)
	}
	if want := start.Add(7 * 24 * time.Hour); !pair.RefreshExpiresAt.Equal(want) {
		t.Errorf("refresh expires %v; want %v", pair.RefreshExpiresAt, want)
	}
	p, err := f.tokens.Authenticate(context.Background(), "")
	if err != nil || p != commerce.Anonymous {
		t.Errorf("Authenticate(\"\") = %v, %v; want anonymous", p, err)
	}
}

func TestIssueRefusesNonUsers(t *testing.T) {
	f := newFixture(t)
	for _, p := range []commerce.Principal{commerce.Anonymous, commerce.System,
		commerce.User(1, "root")} {
		if _, err := f.tokens.Issue(context.Background(), p); err == nil {
			t.Errorf("Issue(%+v) succeeded; want an error", p)
		}
	}
}

// sign returns a token with the claims, signed by method under secret.
func sign(t *testing.T, method jwt.SigningMethod, kid string, secret any,
	claims jwt.MapClaims) string {
	t.Helper()
	tok := jwt.NewWithClaims(method, claims)
	if kid != "" {
		tok.Header["kid"] = kid
	}
	s, err := tok.SignedString(secret)
	if err != nil {
		t.Fatalf("sign: %v", err)
	}
	return s
}

func goodClaims(now time.Time) jwt.MapClaims {
	return jwt.MapClaims{"iss": auth.DefaultIssuer, "aud": auth.DefaultAudience, "sub": "7",
		"role": "super_admin", "sid": "s1", "jti": "j1", "iat": now.Unix(), "nbf": now.Unix(),
		"exp": now.Add(time.Hour).Unix()}
}

func TestVerifyRefusesForgedTokens(t *testing.T) {
	secret, other := randomSecret(t), randomSecret(t)
	f := newFixture(t, keyWith(t, "k1", secret))
	with := func(edit func(jwt.MapClaims)) jwt.MapClaims {
		c := goodClaims(start)
		edit(c)
		return c
	}
	// The control: a hand-made token with the right key is accepted, so the
	// refusals below are for the reason each case names.
	good := sign(t, jwt.SigningMethodHS256, "k1", secret, goodClaims(start))
	if _, err := f.tokens.Verify(context.Background(), good); err != nil {
		t.Fatalf("Verify(control token) = %v", err)
	}
	none := sign(t, jwt.SigningMethodNone, "k1", jwt.UnsafeAllowNoneSignatureType,
		goodClaims(start))
	tests := []struct {
		name  string
		token string
	}{
		{"another key", sign(t, jwt.SigningMethodHS256, "k1", other, goodClaims(start))},
		{"unknown kid", sign(t, jwt.SigningMethodHS256, "k9", secret, goodClaims(start))},
		{"no kid", sign(t, jwt.SigningMethodHS256, "", secret, goodClaims(start))},
		{"alg none", none},
		{"alg none, signature stripped", strings.TrimSuffix(good, good[strings.LastIndex(good,
			"."):]) + "."},
		{"HS512 with the right key", sign(t, jwt.SigningMethodHS512, "k1", secret,
			goodClaims(start))},
		{"HS384 with the right key", sign(t, jwt.SigningMethodHS384, "k1", secret,
			goodClaims(start))},
		{"wrong issuer", sign(t, jwt.SigningMethodHS256, "k1", secret,
			with(func(c jwt.MapClaims) { c["iss"] = "evil" }))},
		{"wrong audience", sign(t, jwt.SigningMethodHS256, "k1", secret,
			with(func(c jwt.MapClaims) { c["aud"] = "other-api" }))},
		{"no expiry", sign(t, jwt.SigningMethodHS256, "k1", secret,
			with(func(c jwt.MapClaims) { delete(c, "exp") }))},
		{"expired", sign(t, jwt.SigningMethodHS256, "k1", secret,
			with(func(c jwt.MapClaims) { c["exp"] = start.Add(-time.Minute).Unix() }))},
		{"not yet valid", sign(t, jwt.SigningMethodHS256, "k1", secret,
			with(func(c jwt.MapClaims) { c["nbf"] = start.Add(time.Hour).Unix() }))},
		{"issued in the future", sign(t, jwt.SigningMethodHS256, "k1", secret,
			with(func(c jwt.MapClaims) { c["iat"] = start.Add(time.Hour).Unix() }))},
		{"unknown role", sign(t, jwt.SigningMethodHS256, "k1", secret,
			with(func(c jwt.MapClaims) { c["role"] = "root" }))},
		{"bad subject", sign(t, jwt.SigningMethodHS256, "k1", secret,
			with(func(c jwt.MapClaims) { c["sub"] = "0" }))},
		{"no session", sign(t, jwt.SigningMethodHS256, "k1", secret,
			with(func(c jwt.MapClaims) { delete(c, "sid") }))},
		{"garbage", "not.a.token"},
		{"oversized", strings.Repeat("a", 5000)},
		{"a refresh token", f.issue(t, alice).RefreshToken},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := f.tokens.Verify(context.Background(), tt.token)
			wantUnauthenticated(t, "Verify", err)
			if err != nil && commerce.ErrorMessage(err) != "sesión no válida o expirada" {
				t.Errorf("message %q tells why", commerce.ErrorMessage(err))
			}
		})
	}
}

func randomSecret(t *testing.T) []byte {
	t.Helper()
	b := make([]byte, auth.MinKeySize)
	if _, err := rand.Read(b); err != nil {
		t.Fatal(err)
	}
	return b
}

func keyWith(t *testing.T, id string, secret []byte) auth.Key {
	t.Helper()
	k, err := auth.NewKey(id, secret)
	if err != nil {
		t.Fatal(err)
	}
	return k
}

func TestVerifyExpiryFollowsTheClock(t *testing.T) {
	f := newFixture(t)
	pair := f.issue(t, alice)
	f.clock.Add(time.Hour + auth.DefaultLeeway - time.Second)
	if _, err := f.tokens.Verify(context.Background(), pair.AccessToken); err != nil {
		t.Fatalf("Verify within leeway = %v", err)
	}
	f.clock.Add(2 * time.Second)
	_, err := f.tokens.Verify(context.Background(), pair.AccessToken)
	wantUnauthenticated(t, "Verify(expired)", err)
}

func TestKeyRotation(t *testing.T) {
	oldKey, newKey := mustKey(t, "2025"), mustKey(t, "2026")
	before := newFixture(t, oldKey)
	pair := before.issue(t, alice)

	after, err := auth.New(before.store, auth.Config{Keys: []auth.Key{newKey, oldKey},
		Clock: before.clock})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := after.Verify(context.Background(), pair.AccessToken); err != nil {
		t.Errorf("token of the old key after rotation = %v; want accepted", err)
	}
	fresh, err := after.Issue(context.Background(), alice)
	if err != nil {
		t.Fatal(err)
	}
	tok, _, err := jwt.NewParser().ParseUnverified(fresh.AccessToken, jwt.MapClaims{})
	if err != nil || tok.Header["kid"] != "2026" {
		t.Errorf("new token kid = %v (%v); want 2026", tok.Header["kid"], err)
	}

	retired, err := auth.New(before.store, auth.Config{Keys: []auth.Key{newKey},
		Clock: before.clock})
	if err != nil {
		t.Fatal(err)
	}
	_, err = retired.Verify(context.Background(), pair.AccessToken)
	wantUnauthenticated(t, "Verify(token of a retired key)", err)
}

func TestRefreshRotates(t *testing.T) {
	f := newFixture(t)
	first := f.issue(t, alice)
	f.clock.Add(time.Minute)
	manager := commerce.User(alice.UserID, commerce.RoleManager)
	second, err := f.tokens.Refresh(context.Background(), first.RefreshToken,
		resolveAs(manager))
	if err != nil {
		t.Fatalf("Refresh = %v", err)
	}
	if second.RefreshToken == first.RefreshToken || second.Session != first.Session {
		t.Errorf("Refresh kept the token or changed the session: %+v", second)
	}
	c, err := f.tokens.Verify(context.Background(), second.AccessToken)
	if err != nil || c.Role != commerce.RoleManager {
		t.Errorf("rotated access token = %+v, %v; want the current role", c, err)
	}
	if _, err := f.tokens.Verify(context.Background(), first.AccessToken); err != nil {
		t.Errorf("the earlier access token of a live session = %v; want valid", err)
	}
}

func TestReusedRefreshTokenKillsItsFamily(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	stolen := f.issue(t, alice)
	bystander := f.issue(t, alice) // another device of the same user

	legit, err := f.tokens.Refresh(ctx, stolen.RefreshToken, resolveAs(alice))
	if err != nil {
		t.Fatal(err)
	}
	_, err = f.tokens.Refresh(ctx, stolen.RefreshToken, resolveAs(alice))
	wantUnauthenticated(t, "Refresh(reused)", err)

	_, err = f.tokens.Refresh(ctx, legit.RefreshToken, resolveAs(alice))
	wantUnauthenticated(t, "Refresh(newest token of a killed family)", err)
	for name, tok := range map[string]string{"first": stolen.AccessToken,
		"rotated": legit.AccessToken} {
		_, err := f.tokens.Verify(ctx, tok)
		wantUnauthenticated(t, "Verify("+name+" access token of a killed family)", err)
	}
	if _, err := f.tokens.Verify(ctx, bystander.AccessToken); err != nil {
		t.Errorf("another session of the user = %v; want alive", err)
	}
	if !published(f, auth.EventTokenReused) {
		t.Errorf("events %v; want %s", names(f), auth.EventTokenReused)
	}
}

func TestRefreshRefusals(t *testing.T) {
	ctx := context.Background()
	t.Run("expired", func(t *testing.T) {
		f := newFixture(t)
		pair := f.issue(t, alice)
		f.clock.Add(7 * 24 * time.Hour)
		_, err := f.tokens.Refresh(ctx, pair.RefreshToken, resolveAs(alice))
		wantUnauthenticated(t, "Refresh(expired)", err)
	})
	t.Run("session too old", func(t *testing.T) {
		f := newFixture(t)
		pair := f.issue(t, alice)
		for range 4 {
			f.clock.Add(6 * 24 * time.Hour)
			var err error
			if pair, err = f.tokens.Refresh(ctx, pair.RefreshToken, resolveAs(alice)); err != nil {
				t.Fatalf("Refresh within the session's life = %v", err)
			}
		}
		if !pair.RefreshExpiresAt.Equal(start.Add(auth.DefaultSessionTTL)) {
			t.Errorf("last refresh expires %v; want the session's end", pair.RefreshExpiresAt)
		}
		f.clock.Add(6 * 24 * time.Hour)
		_, err := f.tokens.Refresh(ctx, pair.RefreshToken, resolveAs(alice))
		wantUnauthenticated(t, "Refresh(past the session's life)", err)
	})
	t.Run("malformed and unknown", func(t *testing.T) {
		f := newFixture(t)
		for _, raw := range []string{"", "mrt_short", f.issue(t, alice).AccessToken,
			"mrt_" + strings.Repeat("A", 52)} {
			_, err := f.tokens.Refresh(ctx, raw, resolveAs(alice))
			wantUnauthenticated(t, "Refresh(bad)", err)
		}
	})
	t.Run("user may no longer sign in", func(t *testing.T) {
		f := newFixture(t)
		pair := f.issue(t, alice)
		gone := func(context.Context, commerce.UserID) (commerce.Principal, error) {
			return commerce.Anonymous, commerce.Errorf(commerce.KindUnauthenticated, "x", "no")
		}
		_, err := f.tokens.Refresh(ctx, pair.RefreshToken, gone)
		wantUnauthenticated(t, "Refresh(deactivated user)", err)
		_, err = f.tokens.Verify(ctx, pair.AccessToken)
		wantUnauthenticated(t, "Verify(access token of a deactivated user)", err)
	})
}

func TestLogout(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		name            string
		access, refresh bool
	}{
		{"access token", true, false},
		{"refresh token", false, true},
		{"both", true, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t)
			pair := f.issue(t, alice)
			var access, refresh string
			if tt.access {
				access = pair.AccessToken
			}
			if tt.refresh {
				refresh = pair.RefreshToken
			}
			if err := f.tokens.Logout(ctx, access, refresh); err != nil {
				t.Fatalf("Logout = %v", err)
			}
			_, err := f.tokens.Verify(ctx, pair.AccessToken)
			wantUnauthenticated(t, "Verify after logout", err)
			_, err = f.tokens.Refresh(ctx, pair.RefreshToken, resolveAs(alice))
			wantUnauthenticated(t, "Refresh after logout", err)
		})
	}
	f := newFixture(t)
	wantUnauthenticated(t, "Logout(nothing)", f.tokens.Logout(ctx, "", "junk"))
}

func TestRevokeUser(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	a, b := f.issue(t, alice), f.issue(t, alice)
	bob := f.issue(t, commerce.User(8, commerce.RoleCustomer))
	if err := f.tokens.RevokeUser(ctx, alice.UserID); err != nil {
		t.Fatal(err)
	}
	for _, p := range []auth.Pair{a, b} {
		_, err := f.tokens.Verify(ctx, p.AccessToken)
		wantUnauthenticated(t, "Verify(revoked user)", err)
	}
	if _, err := f.tokens.Verify(ctx, bob.AccessToken); err != nil {
		t.Errorf("another user's token = %v; want valid", err)
	}
	fresh := f.issue(t, alice)
	if _, err := f.tokens.Verify(ctx, fresh.AccessToken); err != nil {
		t.Errorf("a sign-in after the revocation = %v; want valid", err)
	}
}

func TestConfig(t *testing.T) {
	k := mustKey(t, "k")
	bad := []auth.Config{
		{},
		{Keys: []auth.Key{k, k}},
		{Keys: []auth.Key{k}, AccessTTL: 8 * 24 * time.Hour},
		{Keys: []auth.Key{k}, AccessTTL: -time.Hour},
		{Keys: []auth.Key{{ID: "weak"}}},
	}
	for i, cfg := range bad {
		if _, err := auth.New(authtest.NewMemoryStore(), cfg); err == nil {
			t.Errorf("New(bad config %d) succeeded", i)
		}
	}
}

func published(f *fixture, name string) bool {
	for _, e := range *f.events {
		if e.Name == name {
			return true
		}
	}
	return false
}

func names(f *fixture) []string {
	var out []string
	for _, e := range *f.events {
		out = append(out, e.Name)
	}
	return out
}
