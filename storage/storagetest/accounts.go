package storagetest

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/ecommerce-moderno/moderno/auth"
	"github.com/ecommerce-moderno/moderno/auth/authtest"
	"github.com/ecommerce-moderno/moderno/commerce"
	"github.com/ecommerce-moderno/moderno/customer"
	"github.com/ecommerce-moderno/moderno/customer/customertest"
)

// AccountStores is a database that keeps accounts and sessions.
type AccountStores interface {
	customer.Store
	auth.Store
}

// RunAccounts runs the customer and auth contract suites on one empty,
// migrated database that open makes on first use, so that each suite also
// runs over rows it did not write.
func RunAccounts(t *testing.T, open func(tb testing.TB) AccountStores) {
	t.Helper()
	var once sync.Once
	var db AccountStores
	get := func() AccountStores {
		once.Do(func() {
			db = open(t)
			authUsers(t, db)
		})
		return db
	}
	t.Run("Customer", func(t *testing.T) {
		customertest.Run(t, func(*testing.T) customer.Store { return get() })
	})
	t.Run("Auth", func(t *testing.T) {
		authtest.Run(t, func(*testing.T) auth.Store { return get() })
	})
}

// authUsers creates, in a database that holds no user yet, the users
// authtest.Users names, whom the refresh tokens of the authtest suite
// belong to.
func authUsers(t *testing.T, s customer.UserStore) {
	t.Helper()
	now := time.Now().UTC().Truncate(time.Second)
	for i, want := range authtest.Users {
		u := customer.User{Email: fmt.Sprintf("authtest-%d@example.cl", i), Name: "Auth",
			Role: commerce.RoleCustomer, Active: true, PasswordChangedAt: now, CreatedAt: now,
			UpdatedAt: now}
		if err := s.CreateUser(context.Background(), &u, "$argon2id$h"); err != nil {
			t.Fatalf("CreateUser = %v", err)
		}
		if u.ID != want {
			t.Fatalf("CreateUser set id %d; want %d, as authtest.Users says", u.ID, want)
		}
	}
}
