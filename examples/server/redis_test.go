package main

import (
	"context"
	"crypto/rand"
	"encoding/json"
	"net/http"
	"net/url"
	"os"
	"strings"
	"testing"

	goredis "github.com/redis/go-redis/v9"

	"github.com/ecommerce-moderno/moderno/internal/tcpproxy"
)

// redisURLVariable switches on the tests that need Redis, such as
// redis://127.0.0.1:6379/15. Each writes under a random prefix and deletes
// its keys at the end; none flushes the database.
const redisURLVariable = "COMMERCE_TEST_REDIS_URL"

// redisURL returns the test Redis URL with a prefix of the test's own, and
// a client of it for looking at the keys, or skips the test.
func redisURL(t *testing.T) (string, string, *goredis.Client) {
	t.Helper()
	raw := os.Getenv(redisURLVariable)
	if raw == "" {
		t.Skip(redisURLVariable + " is not set")
	}
	opts, err := goredis.ParseURL(raw)
	if err != nil {
		t.Fatal(err)
	}
	rdb := goredis.NewClient(opts)
	prefix := "moderno_test:" + strings.ToLower(rand.Text()[:10]) + ":"
	t.Cleanup(func() {
		ctx := context.Background()
		iter := rdb.Scan(ctx, 0, prefix+"*", 500).Iterator()
		for iter.Next(ctx) {
			rdb.Del(ctx, iter.Val())
		}
		_ = rdb.Close()
	})
	sep := "?"
	if strings.Contains(raw, "?") {
		sep = "&"
	}
	return raw + sep + "prefix=" + prefix, prefix, rdb
}

// TestTwoServersShareRedis runs two instances with COMMERCE_REDIS_URL: a
// session started on one and ended on the other is refused by both, and
// the sign-in limit counts attempts on both.
func TestTwoServersShareRedis(t *testing.T) {
	u, prefix, rdb := redisURL(t)
	a, b := twoServers(t, func(c *Config) {
		c.RedisURL = u
		c.RateLimits.Auth = "4/1m"
	})
	code, _, body := send(t, a, http.MethodPost, "/auth/login",
		`{"email":"jefa@tienda.cl","password":"`+adminPassword+`"}`, nil)
	if code != http.StatusOK {
		t.Fatalf("login on A = %d %s", code, body)
	}
	var s struct {
		AccessToken  string `json:"access_token"`
		RefreshToken string `json:"refresh_token"`
	}
	must(t, json.Unmarshal([]byte(body), &s))
	keys, err := rdb.Keys(t.Context(), prefix+"rt:*").Result()
	if err != nil || len(keys) != 1 {
		t.Fatalf("refresh tokens in Redis = %v, %v; want the session's one", keys, err)
	}
	bearer := map[string]string{"Authorization": "Bearer " + s.AccessToken}
	if code, _, _ := send(t, b, http.MethodGet, "/me", "", bearer); code != http.StatusOK {
		t.Fatalf("A's token on B = %d; want 200", code)
	}
	code, _, body = send(t, b, http.MethodPost, "/auth/logout",
		`{"refresh_token":"`+s.RefreshToken+`"}`, bearer)
	if code != http.StatusNoContent && code != http.StatusOK {
		t.Fatalf("logout on B = %d %s", code, body)
	}
	if code, _, _ := send(t, a, http.MethodGet, "/me", "", bearer); code != 401 {
		t.Errorf("the token logged out on B, on A = %d; want 401", code)
	}

	// One login succeeded on A; three failures more fill the limit of 4.
	for i, m := range []*Main{b, a, b} {
		if code, _, body := send(t, m, http.MethodPost, "/auth/login",
			`{"email":"x@y.cl","password":"Nope-Nope-1"}`, nil); code != 401 {
			t.Fatalf("failed login %d = %d %s; want 401", i+1, code, body)
		}
	}
	for name, m := range map[string]*Main{"A": a, "B": b} {
		code, h, _ := send(t, m, http.MethodPost, "/auth/login",
			`{"email":"x@y.cl","password":"Nope-Nope-1"}`, nil)
		if code != http.StatusTooManyRequests || h.Get("Retry-After") == "" {
			t.Errorf("fifth login in a minute, on %s = %d; want 429 with Retry-After", name,
				code)
		}
	}
}

// TestRedisDown cuts the server off Redis by killing the proxy between
// them: a token whose revocation cannot be checked is refused with 503,
// a sign-in that cannot store its session too, never a 500; and the rate
// limits let requests through, so the catalog stays up.
func TestRedisDown(t *testing.T) {
	raw, _, _ := redisURL(t)
	u, err := url.Parse(raw)
	must(t, err)
	proxy := tcpproxy.Start(t, u.Host)
	u.Host = proxy.Addr()
	q := u.Query()
	q.Set("max_retries", "-1")
	q.Set("dial_timeout", "1s")
	u.RawQuery = q.Encode()
	cfg := accountsConfig(t.TempDir())
	cfg.RedisURL = u.String()
	m, _ := startMain(t, cfg)

	code, _, body := send(t, m, http.MethodPost, "/auth/login",
		`{"email":"jefa@tienda.cl","password":"`+adminPassword+`"}`, nil)
	if code != http.StatusOK {
		t.Fatalf("login = %d %s", code, body)
	}
	var s struct {
		AccessToken string `json:"access_token"`
	}
	must(t, json.Unmarshal([]byte(body), &s))
	bearer := map[string]string{"Authorization": "Bearer " + s.AccessToken}
	if code, _, _ := send(t, m, http.MethodGet, "/me", "", bearer); code != http.StatusOK {
		t.Fatalf("/me with Redis up = %d; want 200", code)
	}
	if code, _, body := send(t, m, http.MethodGet, "/health", "", nil); code != 200 ||
		!strings.Contains(body, "redis") {
		t.Errorf("/health with Redis up = %d %s; want 200 naming redis", code, body)
	}

	proxy.Kill()

	if code, _, body := send(t, m, http.MethodGet, "/health", "", nil); code != 503 ||
		!strings.Contains(body, "redis") {
		t.Errorf("/health with Redis down = %d %s; want 503 naming redis", code, body)
	}

	if code, _, body := send(t, m, http.MethodGet, "/me", "", bearer); code != 503 ||
		!strings.Contains(body, `"error"`) {
		t.Errorf("/me with Redis down = %d %s; want a 503 JSON error", code, body)
	}
	code, _, body = send(t, m, http.MethodPost, "/auth/login",
		`{"email":"jefa@tienda.cl","password":"`+adminPassword+`"}`, nil)
	if code != 503 || !strings.Contains(body, `"error"`) {
		t.Errorf("login with Redis down = %d %s; want a 503 JSON error", code, body)
	}
	if code, _, body := send(t, m, http.MethodGet, "/categories", "", nil); code != 200 {
		t.Errorf("catalog with Redis down = %d %s; want 200, the limits letting it through",
			code, body)
	}
}
