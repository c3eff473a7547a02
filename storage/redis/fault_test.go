package redis_test

import (
	"net/url"
	"testing"
	"time"

	goredis "github.com/redis/go-redis/v9"

	"github.com/ecommerce-moderno/moderno/commerce"
	"github.com/ecommerce-moderno/moderno/internal/tcpproxy"
	"github.com/ecommerce-moderno/moderno/ratelimit"
	"github.com/ecommerce-moderno/moderno/storage/redis"
)

// TestRedisDown runs the limiter and the sessions through a proxy, kills
// it, and checks that both return errors rather than answers: a token is
// refused when its revocation cannot be checked (fail closed), and the
// limiter reports the failure for its caller to decide (rest lets the
// request through and logs).
func TestRedisDown(t *testing.T) {
	raw := testURL(t)
	opts, err := goredis.ParseURL(raw)
	if err != nil {
		t.Fatal(err)
	}
	p := tcpproxy.Start(t, opts.Addr)
	u, err := url.Parse(raw)
	if err != nil {
		t.Fatal(err)
	}
	u.Host = p.Addr()
	u.RawQuery = "dial_timeout=1s&read_timeout=1s&write_timeout=1s&max_retries=-1"
	inst := newInstance(t, u.String(), newPrefix(t), signingKey(t), nil)
	ctx := t.Context()
	lim := ratelimit.Limit{Count: 5, Period: time.Minute}
	limiter := inst.client.Limiter()
	pair, err := inst.tokens.Issue(ctx, commerce.User(7, commerce.RoleCustomer))
	if err != nil {
		t.Fatalf("Issue through the proxy = %v", err)
	}
	if _, err := inst.tokens.Verify(ctx, pair.AccessToken); err != nil {
		t.Fatalf("Verify through the proxy = %v", err)
	}
	if d, err := limiter.Allow(ctx, "k", lim); err != nil || !d.Allowed {
		t.Fatalf("Allow through the proxy = %+v, %v", d, err)
	}

	p.Kill()

	d, err := limiter.Allow(ctx, "k", lim)
	if err == nil || d.Allowed || commerce.ErrorKind(err) != commerce.KindUnavailable {
		t.Errorf("Allow with Redis down = %+v, %v; want a refusal and KindUnavailable", d, err)
	}
	if err := inst.client.Ping(ctx); err == nil {
		t.Error("Ping with Redis down = nil")
	}
	revoked, err := inst.client.Sessions().Revoked(ctx, "id", pair.Session)
	if err == nil || commerce.ErrorKind(err) != commerce.KindUnavailable {
		t.Errorf("Revoked with Redis down = %v, %v; want KindUnavailable", revoked, err)
	}
	c, err := inst.tokens.Verify(ctx, pair.AccessToken)
	if err == nil || c.UserID != 0 {
		t.Errorf("Verify with Redis down = %+v, %v; want the token refused", c, err)
	}
	if commerce.ErrorKind(err) != commerce.KindUnavailable {
		t.Errorf("Verify with Redis down = %v; want KindUnavailable, an outage", err)
	}
	if _, err := inst.tokens.Refresh(ctx, pair.RefreshToken, customer); err == nil {
		t.Error("Refresh with Redis down = nil error")
	}
	if err := inst.tokens.Logout(ctx, pair.AccessToken, pair.RefreshToken); err == nil {
		t.Error("Logout with Redis down = nil error")
	}
	if _, err := redis.Open(ctx, u.String(), redis.Options{}); err == nil {
		t.Error("Open of a dead address = nil error")
	}
}
