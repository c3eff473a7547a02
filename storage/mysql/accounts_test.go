package mysql_test

import (
	"os"
	"testing"

	"github.com/ecommerce-moderno/moderno/storage/storagetest"
)

func TestAccounts(t *testing.T) {
	if os.Getenv(DSNVariable) == "" {
		t.Skip(DSNVariable + " is not set") // here, not in a subtest on the parent
	}
	storagetest.RunAccounts(t, func(tb testing.TB) storagetest.AccountStores {
		return openDB(tb)
	})
}
