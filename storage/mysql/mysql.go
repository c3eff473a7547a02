package mysql

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"time"

	driver "github.com/go-sql-driver/mysql"
	"github.com/jmoiron/sqlx"

	"github.com/ecommerce-moderno/moderno/auth"
	"github.com/ecommerce-moderno/moderno/cart"
	"github.com/ecommerce-moderno/moderno/catalog"
	"github.com/ecommerce-moderno/moderno/checkout"
	"github.com/ecommerce-moderno/moderno/commerce"
	"github.com/ecommerce-moderno/moderno/customer"
	"github.com/ecommerce-moderno/moderno/inventory"
	"github.com/ecommerce-moderno/moderno/order"
	"github.com/ecommerce-moderno/moderno/storage/sqlstore"
)

//go:embed migrations/*.sql
var migrationFiles embed.FS

// DB is a MySQL or MariaDB database holding the catalog, the stock,
// orders, carts, idempotency keys, the outbox of events and the accounts.
// Its methods come from sqlstore.DB.
type DB struct {
	*sqlstore.DB
}

var (
	_ catalog.Store     = (*DB)(nil)
	_ inventory.Store   = (*DB)(nil)
	_ checkout.Store    = (*DB)(nil)
	_ checkout.KeyStore = (*DB)(nil)
	_ checkout.Outbox   = (*DB)(nil)
	_ order.Store       = (*DB)(nil)
	_ cart.Store        = (*DB)(nil)
	_ customer.Store    = (*DB)(nil)
	_ auth.Store        = (*DB)(nil)
)

// Options tune Open. The zero value is ready to use.
type Options struct {
	Clock    commerce.Clock // stamps rows; the system clock when nil
	MaxConns int            // open connections at most; 50 when zero
}

// Open connects to the database the DSN names, such as
// "user:password@tcp(127.0.0.1:3306)/shop". It does not migrate; call
// Migrate.
func Open(ctx context.Context, dsn string, opts Options) (*DB, error) {
	cfg, err := Config(dsn)
	if err != nil {
		return nil, err
	}
	conn, err := driver.NewConnector(cfg)
	if err != nil {
		return nil, fmt.Errorf("mysql: %w", err)
	}
	db := sqlx.NewDb(sql.OpenDB(conn), "mysql")
	if opts.MaxConns <= 0 {
		opts.MaxConns = 50
	}
	db.SetMaxOpenConns(opts.MaxConns)
	db.SetMaxIdleConns(opts.MaxConns)
	db.SetConnMaxLifetime(5 * time.Minute)
	if err := db.PingContext(ctx); err != nil {
		_ = db.Close()
		return nil, fmt.Errorf("mysql: connect: %w", err)
	}
	migrations, err := fs.Sub(migrationFiles, "migrations")
	if err != nil {
		return nil, fmt.Errorf("mysql: %w", err)
	}
	return &DB{sqlstore.New(db, db, sqlstore.Config{Dialect: dialect{},
		Migrations: migrations, Clock: opts.Clock})}, nil
}

// Config parses a DSN and sets what the store relies on: utf8mb4, times
// parsed in UTC, matched rows reported, one statement per query.
func Config(dsn string) (*driver.Config, error) {
	cfg, err := driver.ParseDSN(dsn)
	if err != nil {
		return nil, fmt.Errorf("mysql: parse dsn: %w", err)
	}
	cfg.ParseTime, cfg.Loc = true, time.UTC
	cfg.ClientFoundRows = true
	cfg.MultiStatements = false
	cfg.Collation = "utf8mb4_unicode_ci"
	if cfg.Params == nil {
		cfg.Params = map[string]string{}
	}
	cfg.Params["time_zone"] = "'+00:00'"
	return cfg, nil
}
