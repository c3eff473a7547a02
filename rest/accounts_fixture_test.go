package rest_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ecommerce-moderno/moderno/auth"
	"github.com/ecommerce-moderno/moderno/auth/authtest"
	"github.com/ecommerce-moderno/moderno/commerce"
	"github.com/ecommerce-moderno/moderno/customer"
	"github.com/ecommerce-moderno/moderno/customer/customertest"
	"github.com/ecommerce-moderno/moderno/inventory"
	"github.com/ecommerce-moderno/moderno/pii"
	"github.com/ecommerce-moderno/moderno/ratelimit"
	"github.com/ecommerce-moderno/moderno/rest"
	"github.com/ecommerce-moderno/moderno/storage/mysql"
	"github.com/ecommerce-moderno/moderno/storage/storagetest"
)

// jwtSecret signs the fixture's tokens; otherSecret is an attacker's.
const (
	jwtSecret   = "0123456789abcdef0123456789abcdef"
	otherSecret = "fedcba9876543210fedcba9876543210"
	password    = "Clave-Segura-2030"
)

// setClock is a settable commerce.Clock shared by tokens, accounts and
// limits.
type setClock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *setClock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.now }

func (c *setClock) Add(d time.Duration) { c.mu.Lock(); c.now = c.now.Add(d); c.mu.Unlock() }

// mailbox keeps the mails the accounts send.
type mailbox struct {
	mu    sync.Mutex
	mails []customer.Mail
}

func (m *mailbox) Send(_ context.Context, mail customer.Mail) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.mails = append(m.mails, mail)
	return nil
}

func (m *mailbox) last(template, to string) (customer.Mail, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	for i := len(m.mails) - 1; i >= 0; i-- {
		if m.mails[i].Template == template && m.mails[i].To == to {
			return m.mails[i], true
		}
	}
	return customer.Mail{}, false
}

// accounts is the catalog fixture with accounts, stock and limits on top,
// over the account stores of a backend.
type accounts struct {
	*fixture
	svc    *customer.Service
	tokens *auth.Tokens
	clock  *setClock
	mail   *mailbox
	events *[]commerce.Event
	mu     sync.Mutex
}

// backend returns the stores of accounts and sessions for a test, over the
// fixture's SQLite database or elsewhere.
type backend func(t *testing.T, f *fixture) (customer.Store, auth.Store)

func memoryBackend(*testing.T, *fixture) (customer.Store, auth.Store) {
	return customertest.NewMemoryStore(), authtest.NewMemoryStore()
}

func sqliteBackend(_ *testing.T, f *fixture) (customer.Store, auth.Store) {
	return f.db, f.db
}

func mariaDBBackend(t *testing.T, _ *fixture) (customer.Store, auth.Store) {
	ctx := context.Background()
	db, err := mysql.Open(ctx, storagetest.MySQLDatabase(t), mysql.Options{})
	must(t, err)
	t.Cleanup(func() { _ = db.Close() })
	must(t, db.Migrate(ctx))
	return db, db
}

// accountTests are the HTTP tests of accounts, run on every backend.
var accountTests = []struct {
	name string
	fn   func(*testing.T, backend)
}{
	{"LoginAnswersTheShapeOfTheSpecification", testLoginAnswersTheShapeOfTheSpecification},
	{"ReusedRefreshTokenKillsItsFamily", testReusedRefreshTokenKillsItsFamily},
	{"BadAccessTokensAreRefused", testBadAccessTokensAreRefused},
	{"UsersCannotReachEachOthersData", testUsersCannotReachEachOthersData},
	{"CustomersCannotReachStaffRoutes", testCustomersCannotReachStaffRoutes},
	{"StaffPermissions", testStaffPermissions},
	{"StaffWritesTheCatalog", testStaffWritesTheCatalog},
	{"CookieModeSetsThePinnedCookies", testCookieModeSetsThePinnedCookies},
	{"CookieModeCSRF", testCookieModeCSRF},
	{"SixthLoginInAMinuteIsLimited", testSixthLoginInAMinuteIsLimited},
	{"LimitsComeFromThePolicy", testLimitsComeFromThePolicy},
	{"BodiesAreReadStrictly", testBodiesAreReadStrictly},
	{"PasswordResetByMail", testPasswordResetByMail},
	{"VerifyEmailAndErase", testVerifyEmailAndErase},
	{"OddInputsNever500", testOddInputsNever500},
	{"ExpiredStaffPassword", testExpiredStaffPassword},
	{"AccountBackoff", testAccountBackoff},
}

func runAccountTests(t *testing.T, b backend) {
	for _, tt := range accountTests {
		t.Run(tt.name, func(t *testing.T) { tt.fn(t, b) })
	}
}

func TestAccountsMemory(t *testing.T) { runAccountTests(t, memoryBackend) }

func TestAccountsSQLite(t *testing.T) { runAccountTests(t, sqliteBackend) }

// TestAccountsMariaDB runs them on MariaDB when COMMERCE_TEST_MYSQL_DSN is
// set, in a database of its own.
func TestAccountsMariaDB(t *testing.T) { runAccountTests(t, mariaDBBackend) }

func newAccounts(t *testing.T, b backend, configure ...func(*rest.Config)) *accounts {
	t.Helper()
	a := &accounts{clock: &setClock{now: time.Date(2030, 3, 4, 12, 0, 0, 0, time.UTC)},
		mail: &mailbox{}, events: &[]commerce.Event{}}
	bus := &commerce.Bus{}
	bus.Subscribe("*", func(_ context.Context, e commerce.Event) error {
		a.mu.Lock()
		defer a.mu.Unlock()
		*a.events = append(*a.events, e)
		return nil
	})
	key, err := auth.NewKey("k1", []byte(jwtSecret))
	must(t, err)
	pk, err := pii.GenerateKey("p1")
	must(t, err)
	cipher, err := pii.New(pk)
	must(t, err)
	hasher, err := customer.NewHasher(64, 1, 1)
	must(t, err)
	a.fixture = newFixtureOver(t, func(f *fixture, c *rest.Config) {
		users, sessions := b(t, f)
		a.tokens, err = auth.New(sessions, auth.Config{Keys: []auth.Key{key}, Clock: a.clock,
			Events: bus})
		must(t, err)
		a.svc = customer.NewService(users, customer.Config{Tokens: a.tokens, Cipher: cipher,
			Hasher: hasher, Mailer: a.mail, Clock: a.clock, Events: bus})
		c.Accounts = a.svc
		c.Inventory = inventory.NewService(f.db, inventory.Config{})
		c.Authenticate = rest.Bearer(a.tokens)
		c.Limiter = ratelimit.NewMemory(ratelimit.MemoryConfig{Clock: a.clock})
		c.Limits = ratelimit.DefaultPolicy()
		c.Events = bus
		for _, f := range configure {
			f(c)
		}
	})
	return a
}

// req is one request of a test.
type req struct {
	method, path, body string
	token              string // the access token, sent as a bearer
	ip                 string // the client's address; 192.0.2.1 when empty
	header             map[string]string
	cookies            []*http.Cookie
}

// do serves the request and returns the recorded response.
func (a *accounts) do(t testing.TB, r req) *httptest.ResponseRecorder {
	t.Helper()
	var body *strings.Reader
	if r.body != "" {
		body = strings.NewReader(r.body)
	} else {
		body = strings.NewReader("")
	}
	hr := httptest.NewRequest(r.method, r.path, body)
	if r.body != "" {
		hr.Header.Set("Content-Type", "application/json")
	}
	hr.RemoteAddr = "192.0.2.1:40000"
	if r.ip != "" {
		hr.RemoteAddr = r.ip + ":40000"
	}
	if r.token != "" {
		hr.Header.Set("Authorization", "Bearer "+r.token)
	}
	for k, v := range r.header {
		hr.Header.Set(k, v)
	}
	for _, c := range r.cookies {
		hr.AddCookie(c)
	}
	rec := httptest.NewRecorder()
	a.handler.ServeHTTP(rec, hr)
	return rec
}

// session is the body of a sign-in.
type session struct {
	AccessToken  string `json:"access_token"`
	RefreshToken string `json:"refresh_token"`
	TokenType    string `json:"token_type"`
	ExpiresIn    int    `json:"expires_in"`
	User         struct {
		ID            int64  `json:"id"`
		Email         string `json:"email"`
		Name          string `json:"name"`
		Phone         string `json:"phone"`
		Role          string `json:"role"`
		EmailVerified bool   `json:"email_verified"`
	} `json:"user"`
}

func readSession(t testing.TB, rec *httptest.ResponseRecorder) session {
	t.Helper()
	var s session
	if err := json.Unmarshal(rec.Body.Bytes(), &s); err != nil {
		t.Fatalf("session body %q: %v", rec.Body.String(), err)
	}
	return s
}

// register opens a customer account and returns its session.
func (a *accounts) register(t testing.TB, email string) session {
	t.Helper()
	rec := a.do(t, req{method: "POST", path: "/auth/register", ip: "198.51.100.7",
		body: fmt.Sprintf(`{"email":%q,"password":%q,"name":"Ana Pérez","phone":"+56912345678"}`,
			email, password)})
	if rec.Code != http.StatusCreated {
		t.Fatalf("register %s = %d %s", email, rec.Code, rec.Body)
	}
	return readSession(t, rec)
}

// staff opens an account with the role, set by the system, and signs in.
func (a *accounts) staff(t testing.TB, email string, role commerce.Role) session {
	t.Helper()
	s := a.register(t, email)
	if _, err := a.svc.SetRole(context.Background(), commerce.System,
		commerce.UserID(s.User.ID), role); err != nil {
		t.Fatalf("SetRole(%s) = %v", role, err)
	}
	return a.login(t, email)
}

func (a *accounts) login(t testing.TB, email string) session {
	t.Helper()
	rec := a.do(t, req{method: "POST", path: "/auth/login", ip: "198.51.100.8",
		body: fmt.Sprintf(`{"email":%q,"password":%q}`, email, password)})
	if rec.Code != http.StatusOK {
		t.Fatalf("login %s = %d %s", email, rec.Code, rec.Body)
	}
	return readSession(t, rec)
}

// errorOf returns the code and the field names of an error body.
func errorOf(t testing.TB, rec *httptest.ResponseRecorder) (string, []string) {
	t.Helper()
	var b struct {
		Error struct {
			Code   string `json:"code"`
			Fields []struct {
				Field string `json:"field"`
			} `json:"fields"`
		} `json:"error"`
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &b); err != nil || b.Error.Code == "" {
		t.Fatalf("error body %q (status %d) is not the API's error form", rec.Body, rec.Code)
	}
	var fields []string
	for _, f := range b.Error.Fields {
		fields = append(fields, f.Field)
	}
	return b.Error.Code, fields
}
