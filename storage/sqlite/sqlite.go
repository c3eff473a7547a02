package sqlite

import (
	"context"
	"embed"
	"fmt"
	"io/fs"
	"net/url"
	"runtime"

	"github.com/jmoiron/sqlx"
	_ "modernc.org/sqlite" // registers the "sqlite" driver

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

// busyTimeoutMS is how long a connection waits for a lock another process
// holds before giving up.
const busyTimeoutMS = 10000

// DB is an SQLite database holding the catalog, the stock, orders,
// carts, idempotency keys, the outbox of events and the accounts.
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
	MaxReads int            // read connections; the number of CPUs when zero
}

// Open opens, creating it when missing, the database file at path. It does
// not migrate; call Migrate.
func Open(ctx context.Context, path string, opts Options) (*DB, error) {
	write, err := connect(ctx, path, "immediate", 1)
	if err != nil {
		return nil, err
	}
	reads := opts.MaxReads
	if reads <= 0 {
		reads = runtime.NumCPU()
	}
	read, err := connect(ctx, path, "deferred", reads)
	if err != nil {
		_ = write.Close()
		return nil, err
	}
	migrations, err := fs.Sub(migrationFiles, "migrations")
	if err != nil {
		return nil, fmt.Errorf("sqlite: %w", err)
	}
	return &DB{sqlstore.New(read, write, sqlstore.Config{Dialect: dialect{},
		Migrations: migrations, Clock: opts.Clock})}, nil
}

// connect opens a pool of at most n connections, each set up by the DSN.
func connect(ctx context.Context, path, txlock string, n int) (*sqlx.DB, error) {
	q := url.Values{}
	q.Add("_pragma", fmt.Sprintf("busy_timeout(%d)", busyTimeoutMS))
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "foreign_keys(1)")
	q.Add("_pragma", "synchronous(NORMAL)")
	q.Set("_txlock", txlock)
	q.Set("_time_format", "sqlite")
	db, err := sqlx.Open("sqlite", "file:"+path+"?"+q.Encode())
	if err != nil {
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	db.SetMaxOpenConns(n)
	db.SetMaxIdleConns(n)
	db.SetConnMaxIdleTime(0)
	if err := db.PingContext(ctx); err != nil {
		_ = db.Close()
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	return db, nil
}
