package mysql

import (
	"errors"
	"strings"

	driver "github.com/go-sql-driver/mysql"

	"github.com/ecommerce-moderno/moderno/storage/sqlstore"
)

// Server error numbers the store tells apart.
const (
	errDuplicate       = 1062 // ER_DUP_ENTRY
	errRowIsReferenced = 1451 // ER_ROW_IS_REFERENCED_2
	errNoReferencedRow = 1452 // ER_NO_REFERENCED_ROW_2
	errLockWait        = 1205 // ER_LOCK_WAIT_TIMEOUT
	errDeadlock        = 1213 // ER_LOCK_DEADLOCK
	errCheckMySQL      = 3819 // ER_CHECK_CONSTRAINT_VIOLATED
	errCheckMariaDB    = 4025 // ER_CONSTRAINT_FAILED
)

// dialect is how MySQL and MariaDB spell what engines disagree on.
type dialect struct{}

// Upsert returns an ON DUPLICATE KEY UPDATE clause; it fires on any unique
// key, so the store resolves slugs before it upserts by SKU.
func (dialect) Upsert(_, update []string) string {
	if len(update) == 0 {
		return " ON DUPLICATE KEY UPDATE id = id"
	}
	sets := make([]string, len(update))
	for i, c := range update {
		sets[i] = c + " = VALUES(" + c + ")"
	}
	return " ON DUPLICATE KEY UPDATE " + strings.Join(sets, ", ")
}

// Classify reads the server error number; for duplicates the name is the
// key in the message ("... for key 'uq_products_slug'", with the table
// before it in MySQL 8).
func (dialect) Classify(err error) (sqlstore.Violation, string) {
	var e *driver.MySQLError
	if !errors.As(err, &e) {
		return sqlstore.NoViolation, ""
	}
	switch e.Number {
	case errDuplicate:
		_, key, _ := strings.Cut(e.Message, "for key ")
		return sqlstore.Unique, strings.Trim(key, "'`")
	case errRowIsReferenced, errNoReferencedRow:
		return sqlstore.ForeignKey, ""
	case errCheckMySQL, errCheckMariaDB:
		return sqlstore.Check, ""
	}
	return sqlstore.NoViolation, ""
}

// Retryable reports deadlocks and lock wait timeouts, after which InnoDB
// has rolled the transaction back, or may.
func (dialect) Retryable(err error) bool {
	var e *driver.MySQLError
	return errors.As(err, &e) && (e.Number == errDeadlock || e.Number == errLockWait)
}

// MigrationsTable creates the table of applied migrations.
func (dialect) MigrationsTable() string {
	return `CREATE TABLE IF NOT EXISTS schema_migrations (
		version    BIGINT NOT NULL PRIMARY KEY,
		name       VARCHAR(255) NOT NULL,
		applied_at DATETIME(6) NOT NULL
	) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`
}

// Analyze refreshes the statistics of the listing's tables at once: InnoDB
// does it on its own only some time after a bulk load, and until then
// MariaDB walks the price index instead of a category's rows.
func (dialect) Analyze() string {
	return "ANALYZE TABLE products, categories, category_closure, inventory"
}

// ForUpdate locks the rows a SELECT reads, and reads their latest committed
// values whatever the transaction's snapshot.
func (dialect) ForUpdate() string { return " FOR UPDATE" }
