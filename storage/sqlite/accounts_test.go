package sqlite_test

import (
	"context"
	"path/filepath"
	"sync"
	"testing"

	"github.com/ecommerce-moderno/moderno/auth"
	"github.com/ecommerce-moderno/moderno/auth/authtest"
	"github.com/ecommerce-moderno/moderno/customer"
	"github.com/ecommerce-moderno/moderno/customer/customertest"
	"github.com/ecommerce-moderno/moderno/storage/sqlite"
	"github.com/ecommerce-moderno/moderno/storage/storagetest"
)

// shared returns one migrated database for every subtest of a suite, so
// that the suites also run over rows they did not write.
func shared(t *testing.T) func(*testing.T) *sqlite.DB {
	var once sync.Once
	var db *sqlite.DB
	return func(*testing.T) *sqlite.DB {
		once.Do(func() {
			ctx := context.Background()
			var err error
			db, err = sqlite.Open(ctx, filepath.Join(t.TempDir(), "accounts.db"),
				sqlite.Options{})
			if err != nil {
				t.Fatalf("Open = %v", err)
			}
			t.Cleanup(func() { _ = db.Close() })
			if err := db.Migrate(ctx); err != nil {
				t.Fatalf("Migrate = %v", err)
			}
		})
		return db
	}
}

func TestCustomerStore(t *testing.T) {
	db := shared(t)
	customertest.Run(t, func(t *testing.T) customer.Store { return db(t) })
}

func TestAuthStore(t *testing.T) {
	db := shared(t)
	storagetest.AuthUsers(t, db(t))
	authtest.Run(t, func(t *testing.T) auth.Store { return db(t) })
}
