package sqlstore

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
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

// DB implements catalog.Store, inventory.Store, checkout.Store,
// checkout.KeyStore, checkout.Outbox, order.Store, cart.Store,
// customer.Store and auth.Store. Reads go to one pool and writes to another,
// which may be the same: SQLite writes through a single connection so that
// writers queue in Go instead of failing as busy.
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

// utc returns t as the store records it: in UTC, to the microsecond both
// engines keep.
func utc(t time.Time) time.Time { return t.UTC().Truncate(time.Microsecond) }

// now returns the time to record, at the microsecond precision both
// engines keep.
func (db *DB) now() time.Time {
	return utc(db.clock.Now())
}

// inTx runs fn in a write transaction, committing when it returns nil and
// running it again, after a pause, when the engine reports a retryable
// failure such as a deadlock or a lock wait timeout.
func (db *DB) inTx(ctx context.Context, fn func(tx *sqlx.Tx) error) error {
	var err error
	for attempt := range maxAttempts {
		if attempt > 0 {
			if werr := pause(ctx, attempt); werr != nil {
				return errors.Join(err, werr)
			}
		}
		err = db.tryTx(ctx, fn)
		if err == nil || !db.dialect.Retryable(err) || ctx.Err() != nil {
			return err
		}
	}
	return err
}

// Backoff bounds: the first retry waits up to backoffBase, each later one
// up to twice as long as the one before, never more than backoffMax.
const (
	backoffBase = 5 * time.Millisecond
	backoffMax  = 200 * time.Millisecond
)

// pause waits before the given attempt (1 for the first retry) a random
// time up to an exponentially growing bound ("full jitter"), so that the
// transactions that deadlocked together do not collide again. It returns
// the context's error when the context ends first.
func pause(ctx context.Context, attempt int) error {
	bound := min(backoffBase<<(attempt-1), backoffMax)
	t := time.NewTimer(rand.N(bound) + time.Millisecond) //nolint:gosec // jitter, not a secret
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// tryTx runs fn in one transaction. It rolls back when fn fails or panics,
// and re-raises the panic. A staff audit entry pending in ctx is written
// in the same transaction, just before the commit.
func (db *DB) tryTx(ctx context.Context, fn func(tx *sqlx.Tx) error) (err error) {
	tx, err := db.write.BeginTxx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	done := false
	defer func() {
		if !done {
			_ = tx.Rollback()
		}
	}()
	if err := fn(tx); err != nil {
		return err
	}
	pending := commerce.PendingAuditFrom(ctx)
	if err := db.insertStaffAudit(ctx, tx, pending); err != nil {
		return err
	}
	done = true
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	pending.Written()
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
