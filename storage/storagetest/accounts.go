package storagetest

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/ecommerce-moderno/moderno/auth/authtest"
	"github.com/ecommerce-moderno/moderno/commerce"
	"github.com/ecommerce-moderno/moderno/customer"
)

// AuthUsers creates, in a database that holds no user yet, the users
// authtest.Users names, whom the refresh tokens of the authtest suite
// belong to.
func AuthUsers(t *testing.T, s customer.UserStore) {
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
