package customertest

import (
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ecommerce-moderno/moderno/auth"
	"github.com/ecommerce-moderno/moderno/auth/authtest"
	"github.com/ecommerce-moderno/moderno/commerce"
	"github.com/ecommerce-moderno/moderno/customer"
	"github.com/ecommerce-moderno/moderno/pii"
)

// testConcurrentCreate has two goroutines create a user with one e-mail
// spelled in two cases, straight through the store: the store itself must
// keep e-mails unique case-folded, whatever its callers normalised.
func testConcurrentCreate(t *testing.T, s customer.Store) {
	for range 5 {
		local := word()
		spellings := []string{strings.ToUpper(local[:1]) + local[1:] + "@Example.CL",
			local + "@example.cl"}
		won := race(t, spellings, func(email string) error {
			u := customer.User{Email: email, Name: "Doble", Role: commerce.RoleCustomer,
				Active: true, PasswordChangedAt: base, CreatedAt: base, UpdatedAt: base}
			return s.CreateUser(ctx, &u, "$argon2id$h")
		})
		if won != 1 {
			t.Fatalf("two concurrent CreateUser of %q and %q: %d succeeded; want 1",
				spellings[0], spellings[1], won)
		}
		if _, err := s.UserByEmail(ctx, spellings[0]); err != nil {
			t.Errorf("UserByEmail(%q) = %v; want the user", spellings[0], err)
		}
	}
}

// testConcurrentRegistration has two shoppers register the same e-mail in
// different case at once through customer.Service: exactly one account
// opens, and the other learns the address is taken.
func testConcurrentRegistration(t *testing.T, s customer.Store) {
	svc := service(t, s)
	for range 5 {
		local := word()
		spellings := []string{strings.ToUpper(local) + "@EXAMPLE.cl", local + "@example.cl"}
		won := race(t, spellings, func(email string) error {
			_, err := svc.Register(ctx, customer.Registration{Email: email, //nolint:gosec // test data
				Password: "Contraseña1!", Name: "Doble Registro", Phone: "+56912345678"})
			return err
		})
		if won != 1 {
			t.Fatalf("two concurrent registrations of %q and %q: %d succeeded; want 1",
				spellings[0], spellings[1], won)
		}
		us, n, err := s.ListUsers(ctx, customer.UserQuery{Search: local, Limit: 10})
		if err != nil || n != 1 || len(us) != 1 || us[0].Email != local+"@example.cl" {
			t.Errorf("users with %q = %+v, %d, %v; want one, normalised", local, us, n, err)
		}
	}
}

// race runs fn with each argument at once and returns how many succeeded;
// every failure must be KindConflict.
func race(t *testing.T, args []string, fn func(string) error) int {
	t.Helper()
	var mu sync.Mutex
	var wg sync.WaitGroup
	start := make(chan struct{})
	won := 0
	for _, a := range args {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			err := fn(a)
			mu.Lock()
			defer mu.Unlock()
			if err == nil {
				won++
			} else if commerce.ErrorKind(err) != commerce.KindConflict {
				t.Errorf("%q: %v; want success or KindConflict", a, err)
			}
		}()
	}
	close(start)
	wg.Wait()
	return won
}

// service returns a customer.Service over the store, with throwaway keys,
// in-memory sessions and a hasher fast enough for tests.
func service(t *testing.T, s customer.Store) *customer.Service {
	t.Helper()
	jwtKey, err := auth.GenerateKey("t1")
	if err != nil {
		t.Fatal(err)
	}
	tokens, err := auth.New(authtest.NewMemoryStore(), auth.Config{Keys: []auth.Key{jwtKey}})
	if err != nil {
		t.Fatal(err)
	}
	piiKey, err := pii.GenerateKey("p1")
	if err != nil {
		t.Fatal(err)
	}
	cipher, err := pii.New(piiKey)
	if err != nil {
		t.Fatal(err)
	}
	hasher, err := customer.NewHasher(64, 1, 1)
	if err != nil {
		t.Fatal(err)
	}
	return customer.NewService(s, customer.Config{Tokens: tokens, Cipher: cipher,
		Hasher: hasher})
}

// testConcurrentFailures records failures under one new key at once: each
// one counts, whichever of them creates the count.
func testConcurrentFailures(t *testing.T, s customer.Store) {
	key := "login:" + word()
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := s.RecordLoginFailure(ctx, key, base, base.Add(-time.Hour)); err != nil {
				t.Errorf("RecordLoginFailure = %v", err)
			}
		}()
	}
	wg.Wait()
	if f, err := s.LoginFailures(ctx, key); err != nil || f.Count != 8 {
		t.Errorf("after 8 concurrent failures: %+v, %v; want a count of 8", f, err)
	}
}
