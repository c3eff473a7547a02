package sqlite_test

import (
	"testing"

	"github.com/ecommerce-moderno/moderno/storage/storagetest"
)

func TestAccounts(t *testing.T) {
	storagetest.RunAccounts(t, func(tb testing.TB) storagetest.AccountStores {
		return openDB(tb)
	})
}
