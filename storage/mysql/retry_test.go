package mysql_test

import (
	"context"
	"database/sql"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	driver "github.com/go-sql-driver/mysql"

	"github.com/ecommerce-moderno/moderno/catalog"
	"github.com/ecommerce-moderno/moderno/checkout"
	"github.com/ecommerce-moderno/moderno/commerce"
)

// TestAtomicallyRetriesDeadlock injects a deadlock into a checkout
// transaction: another session holds product B and waits for product A,
// which the checkout holds, and the checkout then asks for B. InnoDB rolls
// back the lighter transaction, the checkout's (the other session has
// written hundreds of rows), with error 1213; Atomically must run fn again
// and commit.
func TestAtomicallyRetriesDeadlock(t *testing.T) {
	db, cfg := openDSN(t)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	a, b := deadlockProducts(t, db)

	other := connect(t, cfg)
	_, err := other.ExecContext(ctx, "CREATE TABLE ballast (id INT AUTO_INCREMENT PRIMARY KEY)")
	if err != nil {
		t.Fatal(err)
	}
	conn, err := other.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	var session int64
	if err := conn.QueryRowContext(ctx, "SELECT CONNECTION_ID()").Scan(&session); err != nil {
		t.Fatal(err)
	}
	ballast := "INSERT INTO ballast (id) VALUES (NULL)" + strings.Repeat(", (NULL)", 499)
	for _, stmt := range []string{"BEGIN", ballast,
		"SELECT id FROM products WHERE id = ? FOR UPDATE"} {
		if _, err := conn.ExecContext(ctx, stmt, argsFor(stmt, b)...); err != nil {
			t.Fatalf("%s: %v", stmt, err)
		}
	}

	var attempts atomic.Int32
	otherDone := make(chan error, 1)
	err = db.Atomically(ctx, func(ctx context.Context, tx checkout.Tx) error {
		if attempts.Add(1) > 1 {
			if _, err := tx.Levels(ctx, a, 0); err != nil {
				return err
			}
			_, err := tx.Levels(ctx, b, 0)
			return err
		}
		if _, err := tx.Levels(ctx, a, 0); err != nil {
			return err
		}
		go func() {
			// Waits for A, then gives everything back.
			_, err := conn.ExecContext(ctx, "SELECT id FROM products WHERE id = ? FOR UPDATE", a)
			if _, rerr := conn.ExecContext(ctx, "ROLLBACK"); err == nil {
				err = rerr
			}
			otherDone <- err
		}()
		waitForLockWait(ctx, t, other, session)
		_, err := tx.Levels(ctx, b, 0)
		return err
	})
	if err != nil {
		t.Fatalf("Atomically = %v; want nil after a retry", err)
	}
	if n := attempts.Load(); n != 2 {
		t.Errorf("fn ran %d times; want 2 (a deadlock, then a commit)", n)
	}
	if err := <-otherDone; err != nil {
		t.Errorf("the other session = %v; want it to get its lock", err)
	}
}

// deadlockProducts stores two products to lock.
func deadlockProducts(t *testing.T, db interface {
	CreateCategory(context.Context, *catalog.Category) error
	CreateProduct(context.Context, *catalog.Product) error
}) (commerce.ProductID, commerce.ProductID) {
	t.Helper()
	ctx := context.Background()
	c := catalog.Category{Name: "Cerrojos", Slug: "cerrojos", Active: true}
	if err := db.CreateCategory(ctx, &c); err != nil {
		t.Fatal(err)
	}
	var ids [2]commerce.ProductID
	for i, name := range []string{"candado-a", "candado-b"} {
		p := catalog.Product{Name: name, Slug: name, SKU: name, CategoryID: c.ID, Active: true,
			Price: commerce.FromMinor(1000, commerce.CLP)}
		if err := db.CreateProduct(ctx, &p); err != nil {
			t.Fatal(err)
		}
		ids[i] = p.ID
	}
	return ids[0], ids[1]
}

func argsFor(stmt string, id commerce.ProductID) []any {
	if strings.Contains(stmt, "?") {
		return []any{id}
	}
	return nil
}

// connect opens a pool on the test's database, closed when the test ends.
func connect(t *testing.T, cfg *driver.Config) *sql.DB {
	t.Helper()
	c, err := driver.NewConnector(cfg)
	if err != nil {
		t.Fatal(err)
	}
	db := sql.OpenDB(c)
	t.Cleanup(func() { _ = db.Close() })
	return db
}

// waitForLockWait polls until the session waits for a row lock.
func waitForLockWait(ctx context.Context, t *testing.T, db *sql.DB, session int64) {
	for {
		var n int
		err := db.QueryRowContext(ctx, `SELECT COUNT(*) FROM information_schema.INNODB_TRX
			WHERE trx_mysql_thread_id = ? AND trx_state = 'LOCK WAIT'`, session).Scan(&n)
		if err != nil {
			t.Errorf("poll the other session: %v", err)
			return
		}
		if n > 0 {
			return
		}
		select {
		case <-ctx.Done():
			t.Errorf("the other session never waited for the lock")
			return
		case <-time.After(5 * time.Millisecond):
		}
	}
}
