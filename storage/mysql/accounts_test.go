package mysql_test

import (
	"os"
	"sync"
	"testing"

	"github.com/ecommerce-moderno/moderno/auth"
	"github.com/ecommerce-moderno/moderno/auth/authtest"
	"github.com/ecommerce-moderno/moderno/customer"
	"github.com/ecommerce-moderno/moderno/customer/customertest"
	"github.com/ecommerce-moderno/moderno/storage/mysql"
	"github.com/ecommerce-moderno/moderno/storage/storagetest"
)

// shared returns one database for every subtest of a suite, created on
// first use, so that the suites also run over rows they did not write.
func shared(t *testing.T) func(*testing.T) *mysql.DB {
	if os.Getenv(DSNVariable) == "" {
		t.Skip(DSNVariable + " is not set") // here, not in a subtest on the parent
	}
	var once sync.Once
	var db *mysql.DB
	return func(*testing.T) *mysql.DB {
		once.Do(func() { db = openDB(t) })
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
