package main

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

const adminPassword = "Admin-Clave-2030!"

// send makes a request to m and returns the status, the headers and the
// body.
func send(t *testing.T, m *Main, method, path, body string,
	header map[string]string) (int, http.Header, string) {
	t.Helper()
	req, err := http.NewRequestWithContext(context.Background(), method,
		"http://"+m.Addr()+path, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	for k, v := range header {
		req.Header.Set(k, v)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, path, err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, resp.Header, string(data)
}

func accountsConfig(dir string) Config {
	cfg := testConfig(dir)
	cfg.AdminEmail, cfg.AdminPassword = "Jefa@Tienda.cl", adminPassword
	return cfg
}

func login(t *testing.T, m *Main, email, password string) (int, string) {
	t.Helper()
	code, _, body := send(t, m, http.MethodPost, "/auth/login",
		`{"email":"`+email+`","password":"`+password+`"}`, nil)
	var s struct {
		AccessToken string `json:"access_token"`
	}
	_ = json.Unmarshal([]byte(body), &s)
	return code, s.AccessToken
}

func TestParseConfigAccounts(t *testing.T) {
	short := "k1:" + "c2hvcnQ=" // "short": 5 bytes
	key := "k1:MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY="
	tests := []struct {
		name string
		vars map[string]string
		want []string // in the error; nil for none
	}{
		{"development generates keys", map[string]string{}, nil},
		{"production without keys", map[string]string{"COMMERCE_ENV": "production"},
			[]string{"COMMERCE_JWT_KEYS: required", "COMMERCE_PII_KEYS: required"}},
		{"production with a short key", map[string]string{"COMMERCE_ENV": "production",
			"COMMERCE_JWT_KEYS": short, "COMMERCE_PII_KEYS": key},
			[]string{"COMMERCE_JWT_KEYS", "at least 32"}},
		{"production with keys", withBank(map[string]string{"COMMERCE_ENV": "production",
			"COMMERCE_JWT_KEYS": key + ",k0:" + strings.Repeat("A", 44),
			"COMMERCE_PII_KEYS": key}), nil},
		{"production without bank details", map[string]string{"COMMERCE_ENV": "production",
			"COMMERCE_JWT_KEYS": key, "COMMERCE_PII_KEYS": key, "COMMERCE_BANK_NAME": "B"},
			[]string{"COMMERCE_BANK_RUT: required", "COMMERCE_BANK_ACCOUNT_NUMBER: required",
				"COMMERCE_BANK_HOLDER: required", "COMMERCE_BANK_EMAIL: required"}},
		{"unknown env", map[string]string{"COMMERCE_ENV": "prod"}, []string{"COMMERCE_ENV"}},
		{"admin email alone", map[string]string{"COMMERCE_ADMIN_EMAIL": "a@b.cl"},
			[]string{"give both"}},
		{"bad origin", map[string]string{"COMMERCE_CORS_ORIGINS": "https://ok.cl, *"},
			[]string{"COMMERCE_CORS_ORIGINS"}},
		{"origin with a path", map[string]string{"COMMERCE_CORS_ORIGINS": "https://a.cl/x"},
			[]string{"COMMERCE_CORS_ORIGINS"}},
		{"bad proxy", map[string]string{"COMMERCE_TRUSTED_PROXIES": "10.0.0.0/33"},
			[]string{"COMMERCE_TRUSTED_PROXIES"}},
		{"bad limit", map[string]string{"COMMERCE_RATE_LIMIT_AUTH": "5 per minute"},
			[]string{"COMMERCE_RATE_LIMIT_AUTH"}},
		{"limits", map[string]string{"COMMERCE_RATE_LIMIT_AUTH": "10/1m",
			"COMMERCE_RATE_LIMIT_ADMIN": "off"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := ParseConfig(nil, env(tt.vars))
			if tt.want == nil {
				if err != nil {
					t.Fatalf("ParseConfig = %v; want nil", err)
				}
				return
			}
			if err == nil {
				t.Fatal("ParseConfig = nil; want an error")
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q lacks %q", err, w)
				}
			}
			if strings.Contains(err.Error(), "MDEyMzQ1") || strings.Contains(err.Error(), "c2hvcnQ") {
				t.Errorf("error %q quotes a key", err)
			}
		})
	}
}

func TestKeysAndAdminAreMadeOnce(t *testing.T) {
	t.Run("SQLite", func(t *testing.T) { testMadeOnce(t, "") })
	t.Run("MariaDB", func(t *testing.T) {
		dsn := os.Getenv(mysqlDSNVariable)
		if dsn == "" {
			t.Skip(mysqlDSNVariable + " is not set")
		}
		testMadeOnce(t, createMySQLDatabase(t, dsn))
	})
}

// testMadeOnce starts a server twice on one data directory and database:
// the keys and the first admin are made on the first start only.
func testMadeOnce(t *testing.T, databaseURL string) {
	dir := t.TempDir()
	cfg := accountsConfig(dir)
	if databaseURL != "" {
		cfg.DatabaseURL = databaseURL
	}
	m, _ := startMain(t, cfg)
	code, token := login(t, m, "jefa@tienda.cl", adminPassword)
	if code != http.StatusOK {
		t.Fatalf("admin login = %d", code)
	}
	for _, name := range []string{"jwt.keys", "pii.keys"} {
		fi, err := os.Stat(filepath.Join(dir, "secrets", name))
		if err != nil {
			t.Fatal(err)
		}
		if fi.Mode().Perm() != 0o600 {
			t.Errorf("%s mode = %v; want 0600", name, fi.Mode().Perm())
		}
	}
	keys, err := os.ReadFile(filepath.Join(dir, "secrets", "jwt.keys"))
	must(t, err)
	must(t, m.Close())

	// A second start with another password keeps the keys and the admin.
	cfg.AdminPassword = "Otra-Clave-2031!"
	m2, _ := startMain(t, cfg)
	again, err := os.ReadFile(filepath.Join(dir, "secrets", "jwt.keys"))
	must(t, err)
	if string(again) != string(keys) {
		t.Error("the second start generated new JWT keys")
	}
	if code, _, body := send(t, m2, http.MethodGet, "/me", "",
		map[string]string{"Authorization": "Bearer " + token}); code != http.StatusOK ||
		!strings.Contains(body, `"super_admin"`) {
		t.Errorf("first start's token on the second = %d %s; want the super admin", code, body)
	}
	if code, _ := login(t, m2, "jefa@tienda.cl", "Otra-Clave-2031!"); code == http.StatusOK {
		t.Error("the second start's COMMERCE_ADMIN_PASSWORD overwrote the admin's password")
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func TestProductionRefusesGeneratedKeys(t *testing.T) {
	cfg := testConfig(t.TempDir())
	cfg.Env = production
	m := NewMain(cfg, slog.New(slog.DiscardHandler))
	defer m.Close()
	err := m.Open(context.Background())
	if err == nil || !strings.Contains(err.Error(), "production") {
		t.Errorf("Open in production without keys = %v; want a refusal", err)
	}
	if _, statErr := os.Stat(filepath.Join(cfg.DataDir, "secrets")); statErr == nil {
		t.Error("production wrote generated keys")
	}
}

var resetLink = regexp.MustCompile(`http://[^/\s]+/restablecer\?token=(\S+)`)

func TestResetMailIsAFileWithTheLink(t *testing.T) {
	dir := t.TempDir()
	m, logs := startMain(t, accountsConfig(dir))
	code, _, _ := send(t, m, http.MethodPost, "/auth/forgot-password",
		`{"email":"jefa@tienda.cl"}`, nil)
	if code != http.StatusAccepted {
		t.Fatalf("forgot = %d", code)
	}
	files, err := filepath.Glob(filepath.Join(dir, "mail", "*password_reset.txt"))
	if err != nil || len(files) != 1 {
		t.Fatalf("reset mails = %v, %v; want one", files, err)
	}
	data, err := os.ReadFile(files[0])
	must(t, err)
	match := resetLink.FindStringSubmatch(string(data))
	if match == nil || !strings.Contains(string(data), "To: jefa@tienda.cl") {
		t.Fatalf("mail = %s; want the link and the address", data)
	}
	token, err := url.QueryUnescape(match[1])
	must(t, err)
	code, _, body := send(t, m, http.MethodPost, "/auth/reset-password",
		`{"token":"`+token+`","password":"Nueva-Clave-2032!"}`, nil)
	if code != http.StatusOK {
		t.Fatalf("reset = %d %s", code, body)
	}
	if code, _ := login(t, m, "jefa@tienda.cl", "Nueva-Clave-2032!"); code != http.StatusOK {
		t.Errorf("login with the new password = %d", code)
	}
	if strings.Contains(logs.String(), token) {
		t.Error("the log holds the reset token")
	}
}

func TestSecurityEventsAreLoggedWithoutSecrets(t *testing.T) {
	m, logs := startMain(t, accountsConfig(t.TempDir()))
	send(t, m, http.MethodPost, "/auth/login",
		`{"email":"jefa@tienda.cl","password":"Mala-Clave-99!"}`,
		map[string]string{"X-Request-ID": "req-login-1"})
	code, token := login(t, m, "jefa@tienda.cl", adminPassword)
	if code != http.StatusOK {
		t.Fatalf("login = %d", code)
	}
	var failed map[string]any
	for line := range strings.SplitSeq(logs.String(), "\n") {
		var rec map[string]any
		if json.Unmarshal([]byte(line), &rec) == nil && rec["event"] == "security.login.failed" {
			failed = rec
		}
	}
	if failed == nil {
		t.Fatalf("no security.login.failed record in:\n%s", logs)
	}
	if failed["request_id"] != "req-login-1" || failed["ip"] != "127.0.0.1" ||
		failed["user_id"] == float64(0) {
		t.Errorf("login failure record = %v; want request id, IP and user", failed)
	}
	for _, secret := range []string{"Mala-Clave-99!", adminPassword, token} {
		if strings.Contains(logs.String(), secret) {
			t.Errorf("the log holds %q", secret)
		}
	}
	if !strings.Contains(logs.String(), `"security.login.succeeded"`) {
		t.Error("no security.login.succeeded record")
	}
	code, _, body := send(t, m, http.MethodPost, "/brands", `{"name":"Marca Auditada"}`,
		map[string]string{"Authorization": "Bearer " + token, "X-Request-ID": "req-brand-1"})
	if code != http.StatusCreated {
		t.Fatalf("create brand = %d %s", code, body)
	}
	found := false
	for line := range strings.SplitSeq(logs.String(), "\n") {
		var rec map[string]any
		if json.Unmarshal([]byte(line), &rec) == nil && rec["msg"] == "audit" &&
			rec["route"] == "/brands" && rec["request_id"] == "req-brand-1" &&
			rec["actor_id"] == float64(1) && rec["status"] == float64(201) {
			found = true
		}
	}
	if !found {
		t.Errorf("no audit record of the brand in:\n%s", logs)
	}
}

func TestHeadersCORSAndLimits(t *testing.T) {
	cfg := accountsConfig(t.TempDir())
	cfg.CORSOrigins = "https://admin.tienda.cl"
	cfg.TrustedProxies = "127.0.0.1/32"
	cfg.RateLimits.Auth = "2/1m"
	m, _ := startMain(t, cfg)

	_, h, _ := send(t, m, http.MethodGet, "/health", "", nil)
	if h.Get("Strict-Transport-Security") != "" {
		t.Error("HSTS over plain HTTP")
	}
	for k, want := range map[string]string{"X-Content-Type-Options": "nosniff",
		"X-Frame-Options": "DENY", "Referrer-Policy": "strict-origin-when-cross-origin"} {
		if h.Get(k) != want {
			t.Errorf("%s = %q; want %q", k, h.Get(k), want)
		}
	}
	_, h, _ = send(t, m, http.MethodGet, "/health", "",
		map[string]string{"X-Forwarded-Proto": "https", "X-Forwarded-For": "198.51.100.1"})
	if !strings.HasPrefix(h.Get("Strict-Transport-Security"), "max-age=") {
		t.Error("no HSTS behind a trusted proxy that ended TLS")
	}

	preflight := func(origin string) (int, http.Header) {
		code, h, _ := send(t, m, http.MethodOptions, "/auth/login", "", map[string]string{
			"Origin": origin, "Access-Control-Request-Method": "POST",
			"Access-Control-Request-Headers": "content-type, x-session"})
		return code, h
	}
	if code, h := preflight("https://admin.tienda.cl"); code != http.StatusNoContent ||
		h.Get("Access-Control-Allow-Origin") != "https://admin.tienda.cl" ||
		!strings.Contains(h.Get("Access-Control-Allow-Headers"), "X-CSRF-Token") {
		t.Errorf("allowed preflight = %d %v", code, h)
	}
	if code, h := preflight("https://evil.example"); code != http.StatusForbidden ||
		h.Get("Access-Control-Allow-Origin") != "" {
		t.Errorf("foreign preflight = %d %v; want 403 without CORS headers", code, h)
	}

	_, h, _ = send(t, m, http.MethodGet, "/categories", "",
		map[string]string{"Origin": "https://admin.tienda.cl"})
	if h.Get("Access-Control-Allow-Origin") != "https://admin.tienda.cl" ||
		!strings.Contains(strings.Join(h.Values("Vary"), ","), "Origin") {
		t.Errorf("cached read from an allowed origin: %v; want ACAO and Vary: Origin", h)
	}

	// Auth limit 2/1m per client: the proxy's X-Forwarded-For tells clients apart.
	for i, want := range []int{401, 401, 429} {
		code, h, body := send(t, m, http.MethodPost, "/auth/login",
			`{"email":"x@y.cl","password":"Nope-Nope-1"}`,
			map[string]string{"X-Forwarded-For": "198.51.100.9"})
		if code != want {
			t.Errorf("login %d = %d %s; want %d", i+1, code, body, want)
		}
		if want == 429 && (h.Get("Retry-After") == "" || !strings.Contains(body, "rate_limited")) {
			t.Errorf("429 without Retry-After or JSON error: %v %s", h, body)
		}
	}
	if code, _, _ := send(t, m, http.MethodPost, "/auth/login",
		`{"email":"x@y.cl","password":"Nope-Nope-1"}`,
		map[string]string{"X-Forwarded-For": "198.51.100.10"}); code != 401 {
		t.Errorf("another client behind the proxy = %d; want 401", code)
	}
}

func TestOversizedBodiesAreJSONErrors(t *testing.T) {
	m, _ := startMain(t, accountsConfig(t.TempDir()))
	for _, size := range []int{100 << 10, 2 << 20} {
		body := `{"email":"` + strings.Repeat("a", size) + `@x.cl","password":"x"}`
		code, h, out := send(t, m, http.MethodPost, "/auth/register", body, nil)
		if code != http.StatusRequestEntityTooLarge ||
			!strings.HasPrefix(h.Get("Content-Type"), "application/json") {
			t.Errorf("%d-byte body = %d %q %.100s; want 413 JSON", len(body), code,
				h.Get("Content-Type"), out)
		}
	}
}

// twoServers starts two servers on one database with one key ring, as two
// instances behind a load balancer.
func twoServers(t *testing.T, configure func(*Config)) (*Main, *Main) {
	t.Helper()
	dir := t.TempDir()
	cfg := accountsConfig(dir)
	cfg.JWTKeys = "k1:MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY="
	cfg.PIIKeys = "p1:ZmVkY2JhOTg3NjU0MzIxMGZlZGNiYTk4NzY1NDMyMTA="
	if dsn := os.Getenv(mysqlDSNVariable); dsn != "" {
		cfg.DatabaseURL = createMySQLDatabase(t, dsn)
	}
	if configure != nil {
		configure(&cfg)
	}
	a, _ := startMain(t, cfg)
	cfg.DataDir = t.TempDir() // nothing shared but the database (and Redis)
	b, _ := startMain(t, cfg)
	return a, b
}

func TestTwoServersShareSessionsAndRevocations(t *testing.T) {
	t.Run("database", func(t *testing.T) { testSharedRevocation(t, nil) })
	t.Run("Redis", func(t *testing.T) {
		u, _, _ := redisURL(t)
		testSharedRevocation(t, func(c *Config) { c.RedisURL = u })
	})
}

// testSharedRevocation spends a refresh token on one instance and reuses it
// on the other: the whole family dies on both.
func testSharedRevocation(t *testing.T, configure func(*Config)) {
	a, b := twoServers(t, configure)
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
	bearer := map[string]string{"Authorization": "Bearer " + s.AccessToken}
	if code, _, _ := send(t, b, http.MethodGet, "/me", "", bearer); code != http.StatusOK {
		t.Fatalf("A's token on B = %d; want 200", code)
	}
	// The refresh token spent on B is reused on A: the family dies on both.
	code, _, _ = send(t, b, http.MethodPost, "/auth/refresh",
		`{"refresh_token":"`+s.RefreshToken+`"}`, nil)
	if code != http.StatusOK {
		t.Fatalf("refresh on B = %d", code)
	}
	code, _, _ = send(t, a, http.MethodPost, "/auth/refresh",
		`{"refresh_token":"`+s.RefreshToken+`"}`, nil)
	if code != http.StatusUnauthorized {
		t.Errorf("reuse on A = %d; want 401", code)
	}
	for name, m := range map[string]*Main{"A": a, "B": b} {
		if code, _, _ := send(t, m, http.MethodGet, "/me", "", bearer); code != 401 {
			t.Errorf("the revoked family's access token on %s = %d; want 401", name, code)
		}
	}
}
