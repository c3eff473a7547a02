package rest_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/ecommerce-moderno/moderno/customer"
	"github.com/ecommerce-moderno/moderno/ratelimit"
	"github.com/ecommerce-moderno/moderno/rest"
)

// cookies returns the cookies a response sets, by name.
func cookies(rec *httptest.ResponseRecorder) map[string]*http.Cookie {
	out := map[string]*http.Cookie{}
	for _, c := range (&http.Response{Header: rec.Header()}).Cookies() {
		out[c.Name] = c
	}
	return out
}

var cookieMode = map[string]string{"X-Session": "cookie"}

func testCookieModeSetsThePinnedCookies(t *testing.T, b backend) {
	a := newAccounts(t, b)
	a.register(t, "ana@example.com")
	rec := a.do(t, req{method: "POST", path: "/auth/login", header: cookieMode,
		body: `{"email":"ana@example.com","password":"` + password + `"}`})
	if rec.Code != http.StatusOK {
		t.Fatalf("login = %d %s", rec.Code, rec.Body)
	}
	if strings.Contains(rec.Body.String(), "refresh_token") {
		t.Errorf("cookie-mode body carries the refresh token: %s", rec.Body)
	}
	if s := readSession(t, rec); s.AccessToken == "" || s.User.Email != "ana@example.com" {
		t.Errorf("session = %+v", s)
	}
	cs := cookies(rec)
	refresh, csrf := cs[rest.RefreshCookie], cs[rest.CSRFCookie]
	if refresh == nil || csrf == nil {
		t.Fatalf("Set-Cookie = %q; want both cookies", rec.Header().Values("Set-Cookie"))
	}
	week := int((7 * 24 * time.Hour).Seconds())
	if !refresh.HttpOnly || !refresh.Secure || refresh.SameSite != http.SameSiteStrictMode ||
		refresh.Path != "/auth" || refresh.MaxAge != week || refresh.Value == "" {
		t.Errorf("refresh cookie = %+v", refresh)
	}
	if csrf.HttpOnly || csrf.SameSite != http.SameSiteStrictMode || csrf.Path != "/" ||
		len(csrf.Value) < 20 {
		t.Errorf("csrf cookie = %+v", csrf)
	}
	// Without X-Session the body carries the refresh token, and no cookie.
	rec = a.do(t, req{method: "POST", path: "/auth/login",
		body: `{"email":"ana@example.com","password":"` + password + `"}`})
	if !strings.Contains(rec.Body.String(), `"refresh_token":"`) || len(cookies(rec)) != 0 {
		t.Errorf("bearer-mode login = %s, cookies %v", rec.Body, rec.Header()["Set-Cookie"])
	}
}

func testCookieModeCSRF(t *testing.T, b backend) {
	a := newAccounts(t, b)
	a.register(t, "ana@example.com")
	rec := a.do(t, req{method: "POST", path: "/auth/login", header: cookieMode,
		body: `{"email":"ana@example.com","password":"` + password + `"}`})
	cs := cookies(rec)
	refresh, csrf := cs[rest.RefreshCookie], cs[rest.CSRFCookie]
	both := []*http.Cookie{refresh, csrf}
	header := func(token string) map[string]string {
		h := map[string]string{"X-Session": "cookie"}
		if token != "" {
			h["X-CSRF-Token"] = token
		}
		return h
	}
	tests := []struct {
		name    string
		path    string
		header  map[string]string
		cookies []*http.Cookie
		want    int
	}{
		{"refresh without the header", "/auth/refresh", header(""), both, 403},
		{"refresh with another token", "/auth/refresh", header("x" + csrf.Value), both, 403},
		{"refresh without the csrf cookie", "/auth/refresh", header(csrf.Value),
			[]*http.Cookie{refresh}, 403},
		{"logout without the header", "/auth/logout", header(""), both, 403},
		{"logout with another token", "/auth/logout", header("nope"), both, 403},
		{"refresh without the refresh cookie", "/auth/refresh", header(csrf.Value),
			[]*http.Cookie{csrf}, 401},
		{"refresh of a browser without a session", "/auth/refresh", header(""), nil, 401},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := a.do(t, req{method: "POST", path: tt.path, header: tt.header,
				cookies: tt.cookies})
			if rec.Code != tt.want {
				t.Fatalf("= %d %s; want %d", rec.Code, rec.Body, tt.want)
			}
			errorOf(t, rec)
		})
	}
	// The refused attempts spent nothing: the right header still refreshes.
	rec = a.do(t, req{method: "POST", path: "/auth/refresh", header: header(csrf.Value),
		cookies: both})
	if rec.Code != http.StatusOK || strings.Contains(rec.Body.String(), "refresh_token") {
		t.Fatalf("refresh = %d %s", rec.Code, rec.Body)
	}
	next := cookies(rec)
	if next[rest.RefreshCookie].Value == refresh.Value {
		t.Error("refresh did not rotate the refresh cookie")
	}
	both = []*http.Cookie{next[rest.RefreshCookie], next[rest.CSRFCookie]}
	rec = a.do(t, req{method: "POST", path: "/auth/logout",
		header: header(next[rest.CSRFCookie].Value), cookies: both})
	if rec.Code != http.StatusNoContent {
		t.Fatalf("logout = %d %s", rec.Code, rec.Body)
	}
	if c := cookies(rec)[rest.RefreshCookie]; c == nil || c.MaxAge >= 0 {
		t.Errorf("logout did not delete the refresh cookie: %v", rec.Header()["Set-Cookie"])
	}
	rec = a.do(t, req{method: "POST", path: "/auth/refresh",
		header: header(next[rest.CSRFCookie].Value), cookies: both})
	if rec.Code != http.StatusUnauthorized {
		t.Errorf("refresh after logout = %d; want 401", rec.Code)
	}
}

func testSixthLoginInAMinuteIsLimited(t *testing.T, b backend) {
	a := newAccounts(t, b)
	login := func(i int, ip string) *httptest.ResponseRecorder {
		return a.do(t, req{method: "POST", path: "/auth/login", ip: ip, body: fmt.Sprintf(
			`{"email":"nadie%d@example.com","password":"Clave-Mala-1"}`, i)})
	}
	for i := range 5 {
		if rec := login(i, "203.0.113.9"); rec.Code != http.StatusUnauthorized {
			t.Fatalf("login %d = %d %s; want 401", i+1, rec.Code, rec.Body)
		}
	}
	rec := login(5, "203.0.113.9")
	if rec.Code != http.StatusTooManyRequests {
		t.Fatalf("6th login = %d %s; want 429", rec.Code, rec.Body)
	}
	if code, _ := errorOf(t, rec); code != "rate_limited" {
		t.Errorf("code = %q", code)
	}
	retry, err := strconv.Atoi(rec.Header().Get("Retry-After"))
	// The window counts in buckets of a second: at most the period and one.
	if err != nil || retry < 1 || retry > 61 {
		t.Errorf("Retry-After = %q; want 1 to 61 seconds", rec.Header().Get("Retry-After"))
	}
	if rec := login(6, "203.0.113.10"); rec.Code != http.StatusUnauthorized {
		t.Errorf("another address = %d; want 401: limits are per address", rec.Code)
	}
	a.clock.Add(time.Duration(retry) * time.Second)
	if rec := login(7, "203.0.113.9"); rec.Code != http.StatusUnauthorized {
		t.Errorf("after Retry-After = %d; want 401", rec.Code)
	}
}

func testLimitsComeFromThePolicy(t *testing.T, b backend) {
	a := newAccounts(t, b, func(c *rest.Config) {
		c.Limits = ratelimit.Policy{General: ratelimit.Limit{Count: 3, Period: time.Hour},
			Admin: ratelimit.Limit{Count: 1, Period: time.Hour}}
	})
	for i := range 3 {
		if rec := a.do(t, req{method: "GET", path: "/health", ip: "203.0.113.1"}); rec.Code ==
			http.StatusTooManyRequests {
			t.Fatalf("request %d limited", i+1)
		}
	}
	if rec := a.do(t, req{method: "GET", path: "/health", ip: "203.0.113.1"}); rec.Code !=
		http.StatusTooManyRequests {
		t.Errorf("4th request with a general limit of 3 = %d; want 429", rec.Code)
	}
}

func testBodiesAreReadStrictly(t *testing.T, b backend) {
	a := newAccounts(t, b)
	long := `{"email":"a@example.com","password":"` + strings.Repeat("x", 70<<10) + `"}`
	tests := []struct {
		name, path, body, contentType string
		want                          int
		fields                        string
	}{
		{"oversized", "/auth/login", long, "", 413, ""},
		{"unknown field", "/auth/login", `{"email":"a@example.com","password":"x","admin":true}`,
			"", 400, "admin"},
		{"bad type", "/auth/register", `{"email":5,"password":"x","name":"A"}`, "", 400, "email"},
		{"nested bad type", "/auth/register",
			`{"email":"a@example.com","password":["x"],"name":"A"}`, "", 400, "password"},
		{"not JSON", "/auth/login", `email=a@example.com`, "", 400, "body"},
		{"truncated", "/auth/login", `{"email":"a@example.com"`, "", 400, "body"},
		{"two values", "/auth/login", `{"email":"a"} {"email":"b"}`, "", 400, "body"},
		{"form content type", "/auth/login", `{"email":"a"}`,
			"application/x-www-form-urlencoded", 400, "Content-Type"},
		{"breaks the rules", "/auth/register",
			`{"email":"not-an-email","password":"short","name":""}`, "", 422,
			"email,name,password"},
		{"empty", "/auth/forgot-password", " ", "", 400, "body"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := map[string]string{}
			if tt.contentType != "" {
				h["Content-Type"] = tt.contentType
			}
			rec := a.do(t, req{method: "POST", path: tt.path, body: tt.body, header: h,
				ip: "192.0.2." + strconv.Itoa(len(tt.name))})
			if rec.Code != tt.want {
				t.Fatalf("= %d %s; want %d", rec.Code, rec.Body, tt.want)
			}
			_, fields := errorOf(t, rec)
			if got := strings.Join(fields, ","); !strings.HasPrefix(got, tt.fields) {
				t.Errorf("fields = %q; want %q", got, tt.fields)
			}
		})
	}
}

func testPasswordResetByMail(t *testing.T, b backend) {
	a := newAccounts(t, b)
	s := a.register(t, "ana@example.com")
	forgot := func(email string) *httptest.ResponseRecorder {
		return a.do(t, req{method: "POST", path: "/auth/forgot-password",
			body: `{"email":"` + email + `"}`})
	}
	known, unknown := forgot("ana@example.com"), forgot("nadie@example.com")
	if known.Code != http.StatusAccepted || known.Code != unknown.Code ||
		known.Body.String() != unknown.Body.String() {
		t.Errorf("forgot known = %d %s, unknown = %d %s; want the same answer", known.Code,
			known.Body, unknown.Code, unknown.Body)
	}
	mail, ok := a.mail.last(customer.MailPasswordReset, "ana@example.com")
	if !ok {
		t.Fatal("no reset mail")
	}
	reset := func() *httptest.ResponseRecorder {
		return a.do(t, req{method: "POST", path: "/auth/reset-password",
			body: `{"token":"` + mail.Token + `","password":"Otra-Clave-2031"}`})
	}
	if rec := reset(); rec.Code != http.StatusOK {
		t.Fatalf("reset = %d %s", rec.Code, rec.Body)
	}
	if rec := reset(); rec.Code != http.StatusUnprocessableEntity {
		t.Errorf("second use of the token = %d %s; want 422", rec.Code, rec.Body)
	}
	if rec := a.do(t, req{method: "GET", path: "/me", token: s.AccessToken}); rec.Code != 401 {
		t.Errorf("session after reset = %d; want 401", rec.Code)
	}
	rec := a.do(t, req{method: "POST", path: "/auth/login",
		body: `{"email":"ana@example.com","password":"Otra-Clave-2031"}`})
	if rec.Code != http.StatusOK {
		t.Errorf("login with the new password = %d %s", rec.Code, rec.Body)
	}
}

func testVerifyEmailAndErase(t *testing.T, b backend) {
	a := newAccounts(t, b)
	s := a.register(t, "ana@example.com")
	mail, ok := a.mail.last(customer.MailVerifyEmail, "ana@example.com")
	if !ok {
		t.Fatal("no verification mail")
	}
	rec := a.do(t, req{method: "POST", path: "/auth/verify-email",
		body: `{"token":"` + mail.Token + `"}`})
	if rec.Code != http.StatusOK {
		t.Fatalf("verify = %d %s", rec.Code, rec.Body)
	}
	rec = a.do(t, req{method: "GET", path: "/me", token: s.AccessToken})
	if !strings.Contains(rec.Body.String(), `"email_verified":true`) {
		t.Errorf("me after verify = %s", rec.Body)
	}
	rec = a.do(t, req{method: "DELETE", path: "/me", token: s.AccessToken,
		body: `{"password":"wrong"}`})
	if _, f := errorOf(t, rec); rec.Code != 422 || strings.Join(f, ",") != "password" {
		t.Errorf("erase with a wrong password = %d %v; want 422 naming password", rec.Code, f)
	}
	rec = a.do(t, req{method: "DELETE", path: "/me", token: s.AccessToken,
		body: `{"password":"` + password + `"}`})
	if rec.Code != http.StatusNoContent {
		t.Fatalf("erase = %d %s", rec.Code, rec.Body)
	}
	rec = a.do(t, req{method: "POST", path: "/auth/login",
		body: `{"email":"ana@example.com","password":"` + password + `"}`})
	if rec.Code != http.StatusUnauthorized {
		t.Errorf("login after erasure = %d; want 401", rec.Code)
	}
}

func TestProxies(t *testing.T) {
	ps, err := rest.ParseProxies("10.0.0.0/8, 127.0.0.1")
	must(t, err)
	tests := []struct {
		name, peer, xff, proto string
		wantIP                 string
		wantHTTPS              bool
	}{
		{"direct client", "203.0.113.5:1", "", "", "203.0.113.5", false},
		{"direct client forging XFF", "203.0.113.5:1", "1.2.3.4", "https", "203.0.113.5",
			false},
		{"through the proxy", "10.1.2.3:1", "198.51.100.2", "https", "198.51.100.2", true},
		{"client prepends a forged hop", "10.1.2.3:1", "6.6.6.6, 198.51.100.2", "http",
			"198.51.100.2", false},
		{"two trusted proxies", "127.0.0.1:1", "198.51.100.2, 10.9.9.9", "", "198.51.100.2",
			false},
		{"garbled hop", "10.1.2.3:1", "nonsense", "", "10.1.2.3", false},
		{"IPv6 peer", "[2001:db8::1]:1", "1.2.3.4", "", "2001:db8::1", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := httptest.NewRequest(http.MethodGet, "/", nil)
			r.RemoteAddr = tt.peer
			if tt.xff != "" {
				r.Header.Set("X-Forwarded-For", tt.xff)
			}
			if tt.proto != "" {
				r.Header.Set("X-Forwarded-Proto", tt.proto)
			}
			if got := ps.ClientIP(r); got != tt.wantIP {
				t.Errorf("ClientIP = %q; want %q", got, tt.wantIP)
			}
			if got := ps.HTTPS(r); got != tt.wantHTTPS {
				t.Errorf("HTTPS = %v; want %v", got, tt.wantHTTPS)
			}
		})
	}
	if _, err := rest.ParseProxies("10.0.0.0/8, nonsense"); err == nil {
		t.Error("ParseProxies(nonsense) = nil error")
	}
}

// testOddInputsNever500 sends the usual attacks to the account routes: none
// may be a 500, and none may echo another account.
func testOddInputsNever500(t *testing.T, b backend) {
	a := newAccounts(t, b)
	s := a.register(t, "ana@example.com")
	odd := []string{"' OR '1'='1", "\"; DROP TABLE users; --", "\\u0000", "a\\u0000b",
		"\\u202eelpmaxe", "😀😀😀", "ａｎａ@example.com", "ana@exam\\u0131ple.com",
		"ANA@EXAMPLE.COM ", strings.Repeat("x", 5000), "<script>alert(1)</script>",
		"\\ud800", "%00", "${jndi:ldap://x}", "ana@example.com\\r\\nBcc: x@y.z"}
	routes := []struct{ method, path, tmpl string }{
		{"POST", "/auth/register", `{"email":"%s","password":"Clave-Segura-1","name":"%s"}`},
		{"POST", "/auth/login", `{"email":"%s","password":"%s"}`},
		{"POST", "/auth/forgot-password", `{"email":"%s"}`},
		{"POST", "/auth/reset-password", `{"token":"%s","password":"%s"}`},
		{"POST", "/auth/verify-email", `{"token":"%s"}`},
		{"POST", "/auth/refresh", `{"refresh_token":"%s"}`},
		{"PUT", "/me", `{"name":"%s","phone":"%s"}`},
		{"POST", "/me/addresses", `{"recipient":"%s","street":"%s","commune":"x",` +
			`"region":"y"}`},
		{"GET", "/admin/users?q=%s", ""},
	}
	for i, v := range odd {
		for _, rt := range routes {
			r := req{method: rt.method, token: s.AccessToken, ip: fmt.Sprintf("10.9.%d.%d",
				i, len(rt.path))}
			if rt.tmpl == "" {
				r.path = fmt.Sprintf(rt.path, url.QueryEscape(v))
			} else {
				r.path = rt.path
				r.body = strings.ReplaceAll(rt.tmpl, "%s", v)
			}
			rec := a.do(t, r)
			if rec.Code >= 500 {
				t.Errorf("%s %s with %.40q = %d %s", rt.method, rt.path, v, rec.Code, rec.Body)
			}
		}
	}
	rec := a.do(t, req{method: "POST", path: "/auth/register",
		body: `{"email":"ANA@example.com","password":"Clave-Segura-2030","name":"Otra"}`})
	if rec.Code != http.StatusConflict {
		t.Errorf("same e-mail in capitals = %d %s; want 409", rec.Code, rec.Body)
	}
}

func testExpiredStaffPassword(t *testing.T, b backend) {
	a := newAccounts(t, b)
	a.staff(t, "gerente@example.com", "manager")
	a.clock.Add(91 * 24 * time.Hour)
	rec := a.do(t, req{method: "POST", path: "/auth/login",
		body: `{"email":"gerente@example.com","password":"` + password + `"}`})
	if code, _ := errorOf(t, rec); rec.Code != http.StatusForbidden || code != "password_expired" {
		t.Fatalf("login with a 91-day-old staff password = %d %s; want 403 password_expired",
			rec.Code, code)
	}
	rec = a.do(t, req{method: "POST", path: "/auth/change-expired-password", body: `{
		"email":"gerente@example.com","current_password":"` + password + `",
		"new_password":"Nueva-Clave-2031"}`})
	if s := readSession(t, rec); rec.Code != http.StatusOK || s.User.Role != "manager" {
		t.Fatalf("change expired password = %d %s", rec.Code, rec.Body)
	}
}

// testAccountBackoff guesses one account's password from many addresses:
// after three failures the account backs off whatever the address, even
// for the right password, and the wait doubles.
func testAccountBackoff(t *testing.T, b backend) {
	a := newAccounts(t, b)
	a.register(t, "ana@example.com")
	try := func(i int, pw string) *httptest.ResponseRecorder {
		return a.do(t, req{method: "POST", path: "/auth/login",
			ip:   fmt.Sprintf("203.0.113.%d", 100+i),
			body: `{"email":"ana@example.com","password":"` + pw + `"}`})
	}
	for i := range 3 {
		if rec := try(i, "Mala-Clave-1"); rec.Code != http.StatusUnauthorized {
			t.Fatalf("failure %d = %d; want 401", i+1, rec.Code)
		}
	}
	if rec := try(3, "Mala-Clave-1"); rec.Code != http.StatusUnauthorized {
		t.Fatalf("4th failure = %d; want 401, counted", rec.Code)
	}
	rec := try(4, password)
	if rec.Code != http.StatusTooManyRequests || rec.Header().Get("Retry-After") != "1" {
		t.Fatalf("right password while backing off = %d, Retry-After %q; want 429 and 1",
			rec.Code, rec.Header().Get("Retry-After"))
	}
	a.clock.Add(time.Second)
	if rec := try(5, "Mala-Clave-1"); rec.Code != http.StatusUnauthorized {
		t.Fatalf("5th failure after the wait = %d; want 401", rec.Code)
	}
	if rec := try(6, password); rec.Header().Get("Retry-After") != "2" {
		t.Errorf("after the 5th failure Retry-After = %q; want 2", rec.Header().Get("Retry-After"))
	}
	a.clock.Add(2 * time.Second)
	if rec := try(7, password); rec.Code != http.StatusOK {
		t.Errorf("right password after the wait = %d %s; want 200", rec.Code, rec.Body)
	}
}

// brokenLimiter fails as a limiter whose Redis went away does.
type brokenLimiter struct{}

func (brokenLimiter) Allow(context.Context, string, ratelimit.Limit) (ratelimit.Decision, error) {
	return ratelimit.Decision{}, errors.New("redis: connection refused")
}

// TestLimiterOutageLetsRequestsThrough: an outage of the limits' store
// must not become an outage of the shop; it is logged.
func TestLimiterOutageLetsRequestsThrough(t *testing.T) {
	a := newAccounts(t, memoryBackend, func(c *rest.Config) { c.Limiter = brokenLimiter{} })
	for i := range 7 {
		rec := a.do(t, req{method: "POST", path: "/auth/login",
			body: fmt.Sprintf(`{"email":"n%d@example.com","password":"Mala-Clave-1"}`, i)})
		if rec.Code != http.StatusUnauthorized {
			t.Fatalf("login %d with the limiter down = %d %s; want 401", i+1, rec.Code, rec.Body)
		}
	}
	if !strings.Contains(a.logs.String(), "rate limiter failed") {
		t.Errorf("the outage was not logged: %s", a.logs)
	}
}
