package customer_test

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/ecommerce-moderno/moderno/auth"
	"github.com/ecommerce-moderno/moderno/auth/authtest"
	"github.com/ecommerce-moderno/moderno/commerce"
	"github.com/ecommerce-moderno/moderno/customer"
	"github.com/ecommerce-moderno/moderno/customer/customertest"
	"github.com/ecommerce-moderno/moderno/pii"
)

// clock is a settable commerce.Clock.
type clock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *clock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.now }

func (c *clock) Add(d time.Duration) { c.mu.Lock(); c.now = c.now.Add(d); c.mu.Unlock() }

// mailbox is a customer.Mailer that keeps what it is given.
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

// last returns the newest mail of the template to the address.
func (m *mailbox) last(t *testing.T, template, to string) customer.Mail {
	t.Helper()
	m.mu.Lock()
	defer m.mu.Unlock()
	for i := len(m.mails) - 1; i >= 0; i-- {
		if m.mails[i].Template == template && m.mails[i].To == to {
			return m.mails[i]
		}
	}
	t.Fatalf("no %s mail to %s among %d", template, to, len(m.mails))
	return customer.Mail{}
}

func (m *mailbox) count() int { m.mu.Lock(); defer m.mu.Unlock(); return len(m.mails) }

type fixture struct {
	svc    *customer.Service
	store  *customertest.MemoryStore
	auth   *authtest.MemoryStore
	tokens *auth.Tokens
	clock  *clock
	mail   *mailbox
	mu     *sync.Mutex
	events *[]commerce.Event
	keys   []pii.Key
}

var start = time.Date(2030, 3, 4, 12, 0, 0, 0, time.UTC)

// fastHasher keeps the tests quick; NewHasher allows it only in tests.
func fastHasher(t *testing.T) *customer.Hasher {
	t.Helper()
	h, err := customer.NewHasher(64, 1, 1)
	if err != nil {
		t.Fatalf("NewHasher(weak) in a test = %v", err)
	}
	return h
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	k, err := pii.GenerateKey("k1")
	if err != nil {
		t.Fatal(err)
	}
	f := &fixture{store: customertest.NewMemoryStore(), auth: authtest.NewMemoryStore(),
		clock: &clock{now: start}, mail: &mailbox{}, mu: &sync.Mutex{},
		events: &[]commerce.Event{}, keys: []pii.Key{k}}
	f.build(t)
	return f
}

// build makes the service over the fixture's stores with its keys, as a
// restarted server would.
func (f *fixture) build(t *testing.T) {
	t.Helper()
	bus := &commerce.Bus{}
	bus.Subscribe("*", func(_ context.Context, e commerce.Event) error {
		f.mu.Lock()
		defer f.mu.Unlock()
		*f.events = append(*f.events, e)
		return nil
	})
	jwtKey, err := auth.NewKey("j1", []byte("0123456789abcdef0123456789abcdef"))
	if err != nil {
		t.Fatal(err)
	}
	f.tokens, err = auth.New(f.auth, auth.Config{Keys: []auth.Key{jwtKey}, Clock: f.clock,
		Events: bus})
	if err != nil {
		t.Fatal(err)
	}
	cipher, err := pii.New(f.keys...)
	if err != nil {
		t.Fatal(err)
	}
	f.svc = customer.NewService(f.store, customer.Config{Tokens: f.tokens, Cipher: cipher,
		Hasher: fastHasher(t), Mailer: f.mail, Clock: f.clock, Events: bus})
}

const goodPassword = "Contraseña1!"

var ctx = auth.WithOrigin(context.Background(), auth.Origin{IP: "198.51.100.7",
	RequestID: "req-1"})

// register opens a customer account and returns its session.
func (f *fixture) register(t *testing.T, email, name string) customer.Session {
	t.Helper()
	s, err := f.svc.Register(ctx, customer.Registration{Email: email, Password: goodPassword,
		Name: name, Phone: "+56 9 1234 5678"})
	if err != nil {
		t.Fatalf("Register(%s) = %v", email, err)
	}
	return s
}

// staff creates an account with the role, through the super admin.
func (f *fixture) staff(t *testing.T, email string, role commerce.Role) commerce.Principal {
	t.Helper()
	s := f.register(t, email, "Staff "+string(role))
	if _, err := f.svc.SetRole(ctx, commerce.System, s.User.ID, role); err != nil {
		t.Fatalf("SetRole(%s) = %v", role, err)
	}
	return commerce.User(s.User.ID, role)
}

func principal(s customer.Session) commerce.Principal {
	return commerce.User(s.User.ID, s.User.Role)
}

func wantKind(t *testing.T, what string, err error, kind commerce.Kind) {
	t.Helper()
	if err == nil || commerce.ErrorKind(err) != kind {
		t.Errorf("%s = %v; want %v", what, err, kind)
	}
}

func (f *fixture) published(name string) []auth.SecurityEvent {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []auth.SecurityEvent
	for _, e := range *f.events {
		if se, ok := e.Data.(auth.SecurityEvent); ok && e.Name == name {
			out = append(out, se)
		}
	}
	return out
}
