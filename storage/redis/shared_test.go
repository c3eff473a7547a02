package redis_test

import (
	"context"
	"testing"
	"time"

	"github.com/ecommerce-moderno/moderno/auth"
	"github.com/ecommerce-moderno/moderno/commerce"
	"github.com/ecommerce-moderno/moderno/ratelimit"
	"github.com/ecommerce-moderno/moderno/ratelimit/ratelimittest"
	"github.com/ecommerce-moderno/moderno/storage/redis"
)

// instance is what one server instance holds of Redis: its own client, the
// sessions and the limiter over it.
type instance struct {
	client *redis.Client
	tokens *auth.Tokens
}

// newInstance returns an instance over its own connections to the test
// URL, under the prefix, signing with key.
func newInstance(t *testing.T, rawURL, prefix string, key auth.Key,
	clock commerce.Clock) instance {
	t.Helper()
	c := open(t, rawURL, prefix, clock)
	tokens, err := auth.New(c.Sessions(), auth.Config{Keys: []auth.Key{key}, Clock: clock})
	if err != nil {
		t.Fatal(err)
	}
	return instance{client: c, tokens: tokens}
}

func customer(_ context.Context, id commerce.UserID) (commerce.Principal, error) {
	return commerce.User(id, commerce.RoleCustomer), nil
}

func signingKey(t *testing.T) auth.Key {
	t.Helper()
	k, err := auth.GenerateKey("k1")
	if err != nil {
		t.Fatal(err)
	}
	return k
}

// TestInstancesShareRevocations signs in on one instance and ends the
// session on the other, by logout and by the reuse of a refresh token:
// each instance refuses what the other revoked.
func TestInstancesShareRevocations(t *testing.T) {
	u := testURL(t)
	prefix, key := newPrefix(t), signingKey(t)
	a := newInstance(t, u, prefix, key, nil)
	b := newInstance(t, u, prefix, key, nil)
	ctx := t.Context()
	user := commerce.User(42, commerce.RoleCustomer)

	// Logout on B ends the session A started, for A too.
	pair, err := a.tokens.Issue(ctx, user)
	if err != nil {
		t.Fatalf("Issue = %v", err)
	}
	if _, err := b.tokens.Verify(ctx, pair.AccessToken); err != nil {
		t.Fatalf("B.Verify(A's token) = %v; want it valid", err)
	}
	if err := b.tokens.Logout(ctx, pair.AccessToken, pair.RefreshToken); err != nil {
		t.Fatalf("B.Logout = %v", err)
	}
	if _, err := a.tokens.Verify(ctx, pair.AccessToken); commerce.ErrorKind(err) !=
		commerce.KindUnauthenticated {
		t.Errorf("A.Verify after logout on B = %v; want KindUnauthenticated", err)
	}
	if _, err := a.tokens.Refresh(ctx, pair.RefreshToken, customer); commerce.ErrorKind(err) !=
		commerce.KindUnauthenticated {
		t.Errorf("A.Refresh after logout on B = %v; want KindUnauthenticated", err)
	}

	// A copied refresh token replayed on B kills the session on A.
	first, err := a.tokens.Issue(ctx, user)
	if err != nil {
		t.Fatal(err)
	}
	rotated, err := a.tokens.Refresh(ctx, first.RefreshToken, customer)
	if err != nil {
		t.Fatalf("A.Refresh = %v", err)
	}
	if _, err := b.tokens.Refresh(ctx, first.RefreshToken, customer); commerce.ErrorKind(err) !=
		commerce.KindUnauthenticated {
		t.Fatalf("B.Refresh(spent token) = %v; want KindUnauthenticated", err)
	}
	if _, err := a.tokens.Verify(ctx, rotated.AccessToken); commerce.ErrorKind(err) !=
		commerce.KindUnauthenticated {
		t.Errorf("A.Verify of the session's newest token after reuse on B = %v; "+
			"want KindUnauthenticated", err)
	}
	if _, err := a.tokens.Refresh(ctx, rotated.RefreshToken, customer); commerce.ErrorKind(err) !=
		commerce.KindUnauthenticated {
		t.Errorf("A.Refresh of the newest token after reuse on B = %v; "+
			"want KindUnauthenticated", err)
	}
}

// TestInstancesShareLimits counts the sign-in limit of one address on two
// instances: the sixth attempt in a minute is refused wherever it lands.
func TestInstancesShareLimits(t *testing.T) {
	u := testURL(t)
	prefix := newPrefix(t)
	clock := ratelimittest.NewClock(time.Date(2031, 1, 2, 3, 4, 5, 0, time.UTC))
	a := open(t, u, prefix, clock).Limiter()
	b := open(t, u, prefix, clock).Limiter()
	lim := ratelimit.Limit{Count: 5, Period: time.Minute}
	for i, l := range []ratelimit.Limiter{a, b, a, b, a} {
		d, err := l.Allow(t.Context(), "auth:ip:203.0.113.5", lim)
		if err != nil || !d.Allowed || d.Remaining != 4-i {
			t.Fatalf("attempt %d = %+v, %v; want allowed, %d remaining", i+1, d, err, 4-i)
		}
		clock.Advance(10 * time.Second)
	}
	d, err := b.Allow(t.Context(), "auth:ip:203.0.113.5", lim)
	if err != nil || d.Allowed {
		t.Fatalf("sixth attempt in a minute, on the other instance = %+v, %v; want refused", d,
			err)
	}
	if d.RetryAfter <= 0 || d.RetryAfter > 11*time.Second {
		t.Errorf("RetryAfter = %v; want about 10s, when the first attempt leaves", d.RetryAfter)
	}
}
