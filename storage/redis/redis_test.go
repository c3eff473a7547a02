package redis_test

import (
	"context"
	"crypto/rand"
	"os"
	"strings"
	"testing"

	goredis "github.com/redis/go-redis/v9"

	"github.com/ecommerce-moderno/moderno/auth"
	"github.com/ecommerce-moderno/moderno/auth/authtest"
	"github.com/ecommerce-moderno/moderno/commerce"
	"github.com/ecommerce-moderno/moderno/ratelimit"
	"github.com/ecommerce-moderno/moderno/ratelimit/ratelimittest"
	"github.com/ecommerce-moderno/moderno/storage/redis"
)

// URLVariable names the environment variable that switches the Redis tests
// on, such as redis://127.0.0.1:6379/15. Each test writes under a random
// prefix and deletes its keys when it ends; none flushes the database.
const URLVariable = "COMMERCE_TEST_REDIS_URL"

func testURL(t testing.TB) string {
	t.Helper()
	u := os.Getenv(URLVariable)
	if u == "" {
		t.Skip(URLVariable + " is not set")
	}
	return u
}

// newPrefix returns a prefix of the test's own and deletes its keys when
// the test ends.
func newPrefix(t testing.TB) string {
	t.Helper()
	prefix := "moderno_test:" + strings.ToLower(rand.Text()[:10]) + ":"
	t.Cleanup(func() {
		opts, err := goredis.ParseURL(testURL(t))
		if err != nil {
			t.Error(err)
			return
		}
		rdb := goredis.NewClient(opts)
		defer rdb.Close()
		ctx := context.Background()
		iter := rdb.Scan(ctx, 0, prefix+"*", 500).Iterator()
		for iter.Next(ctx) {
			rdb.Del(ctx, iter.Val())
		}
		if err := iter.Err(); err != nil {
			t.Errorf("delete the test's keys: %v", err)
		}
	})
	return prefix
}

// open returns a client of the test URL under the prefix, closed when the
// test ends.
func open(t testing.TB, rawURL, prefix string, clock commerce.Clock) *redis.Client {
	t.Helper()
	c, err := redis.Open(t.Context(), rawURL, redis.Options{Prefix: prefix, Clock: clock})
	if err != nil {
		t.Fatalf("Open = %v", err)
	}
	t.Cleanup(func() { _ = c.Close() })
	return c
}

func TestLimiterContract(t *testing.T) {
	u := testURL(t)
	ratelimittest.Run(t, func(t *testing.T, clock *ratelimittest.Clock) ratelimit.Limiter {
		return open(t, u, newPrefix(t), clock).Limiter()
	})
}

func TestSessionsContract(t *testing.T) {
	u := testURL(t)
	authtest.Run(t, func(t *testing.T) auth.Store {
		return open(t, u, newPrefix(t), nil).Sessions()
	})
}

func TestOpen(t *testing.T) {
	u := testURL(t)
	prefix := newPrefix(t)
	c := open(t, u+"?prefix="+prefix+"q:&dial_timeout=2s", "ignored:", nil)
	if c.Prefix() != prefix+"q:" {
		t.Errorf("Prefix() = %q; want the query's %q", c.Prefix(), prefix+"q:")
	}
	if c := open(t, u, "", nil); c.Prefix() != redis.DefaultPrefix {
		t.Errorf("Prefix() without one = %q; want %q", c.Prefix(), redis.DefaultPrefix)
	}
	for _, bad := range []string{
		"http://127.0.0.1:6379/0",
		"redis://127.0.0.1:6379/notanumber",
		"redis://127.0.0.1:6379/0?no_such_option=1",
		"::not a url",
	} {
		if c, err := redis.Open(t.Context(), bad, redis.Options{}); err == nil {
			_ = c.Close()
			t.Errorf("Open(%q) = nil error; want one", bad)
		}
	}
}
