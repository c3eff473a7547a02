package rest_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/ecommerce-moderno/moderno/catalog"
	"github.com/ecommerce-moderno/moderno/storage/mysql"
	"github.com/ecommerce-moderno/moderno/storage/sqlite"
	"github.com/ecommerce-moderno/moderno/storage/storagetest"
)

// TestShopSQLite runs the shop's HTTP tests on SQLite.
func TestShopSQLite(t *testing.T) {
	shopSuite(t, func(t *testing.T) shopEnv {
		ctx := context.Background()
		db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "shop.db"), sqlite.Options{})
		must(t, err)
		t.Cleanup(func() { _ = db.Close() })
		must(t, db.Migrate(ctx))
		return sqlShop(t, db)
	})
}

// TestShopMariaDB runs the shop's HTTP tests on MariaDB, in a database
// of its own, when COMMERCE_TEST_MYSQL_DSN is set.
func TestShopMariaDB(t *testing.T) {
	shopSuite(t, func(t *testing.T) shopEnv {
		ctx := context.Background()
		db, err := mysql.Open(ctx, storagetest.MySQLDatabase(t), mysql.Options{})
		must(t, err)
		t.Cleanup(func() { _ = db.Close() })
		must(t, db.Migrate(ctx))
		return sqlShop(t, db)
	})
}

func sqlShop(t *testing.T, db storagetest.ShopDB) shopEnv {
	return shopEnv{Env: storagetest.CheckoutEnv(t, db), Carts: db,
		CatalogService: catalog.NewService(db, catalog.Config{})}
}
