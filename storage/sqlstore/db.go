package sqlstore

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"time"

	"github.com/jmoiron/sqlx"

	"github.com/ecommerce-moderno/moderno/commerce"
)

// maxAttempts bounds how often a transaction is run again after a
// retryable failure such as a deadlock.
const maxAttempts = 5

// Config is what New needs besides the connection pools.
type Config struct {
	Dialect    Dialect
	Migrations fs.FS          // the dialect's migration files
	Clock      commerce.Clock // stamps created_at and updated_at; the system clock when nil
}

// DB implements catalog.Store and inventory.Store. Reads go to one pool and
// writes to another, which may be the same: SQLite writes through a single
// connection so that writers queue in Go instead of failing as busy.
type DB struct {
	read, write *sqlx.DB
	dialect     Dialect
	migrations  fs.FS
	clock       commerce.Clock
	active      activeCount // for the plan of listings
}

// New returns a DB over the pools. It takes ownership of both.
func New(read, write *sqlx.DB, cfg Config) *DB {
	if cfg.Clock == nil {
		cfg.Clock = commerce.SystemClock{}
	}
	return &DB{read: read, write: write, dialect: cfg.Dialect, migrations: cfg.Migrations,
		clock: cfg.Clock}
}

// Close closes both pools.
func (db *DB) Close() error {
	err := db.write.Close()
	if db.read != db.write {
		err = errors.Join(err, db.read.Close())
	}
	return err
}

// Ping checks that the database answers, for health checks.
func (db *DB) Ping(ctx context.Context) error {
	if err := db.read.PingContext(ctx); err != nil {
		return fmt.Errorf("ping: %w", err)
	}
	return nil
}

// now returns the time to record, at the microsecond precision both
// engines keep.
func (db *DB) now() time.Time {
	return db.clock.Now().UTC().Truncate(time.Microsecond)
}

// inTx runs fn in a write transaction, committing when it returns nil and
// running it again when the engine reports a retryable failure.
func (db *DB) inTx(ctx context.Context, fn func(tx *sqlx.Tx) error) error {
	var err error
	for range maxAttempts {
		err = db.tryTx(ctx, fn)
		if err == nil || !db.dialect.Retryable(err) || ctx.Err() != nil {
			return err
		}
	}
	return err
}

func (db *DB) tryTx(ctx context.Context, fn func(tx *sqlx.Tx) error) error {
	tx, err := db.write.BeginTxx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	if err := fn(tx); err != nil {
		_ = tx.Rollback()
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	return nil
}

// bulkRows is how many rows a write must touch for the store to refresh
// the planner's statistics after it.
const bulkRows = 1000

// analyze refreshes the planner's statistics after a bulk write.
func (db *DB) analyze(ctx context.Context, rows int) error {
	stmt := db.dialect.Analyze()
	if stmt == "" || rows < bulkRows {
		return nil
	}
	if _, err := db.write.ExecContext(ctx, stmt); err != nil {
		return fmt.Errorf("analyze: %w", err)
	}
	return nil
}
