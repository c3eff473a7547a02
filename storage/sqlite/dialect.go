package sqlite

import (
	"errors"
	"strings"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"github.com/ecommerce-moderno/moderno/storage/sqlstore"
)

// dialect is how SQLite spells what engines disagree on.
type dialect struct{}

// Upsert returns an ON CONFLICT clause.
func (dialect) Upsert(key, update []string) string {
	clause := " ON CONFLICT (" + strings.Join(key, ", ") + ") DO "
	if len(update) == 0 {
		return clause + "NOTHING"
	}
	sets := make([]string, len(update))
	for i, c := range update {
		sets[i] = c + " = excluded." + c
	}
	return clause + "UPDATE SET " + strings.Join(sets, ", ")
}

// Classify reads the extended result code; for unique keys the name is the
// table.column list SQLite puts in the message.
func (dialect) Classify(err error) (sqlstore.Violation, string) {
	var e *sqlite.Error
	if !errors.As(err, &e) {
		return sqlstore.NoViolation, ""
	}
	switch e.Code() {
	case sqlite3.SQLITE_CONSTRAINT_UNIQUE, sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY:
		msg := e.Error()
		cols := msg[strings.LastIndex(msg, "failed: ")+len("failed: "):]
		cols, _, _ = strings.Cut(cols, " (")
		return sqlstore.Unique, strings.TrimSpace(cols)
	case sqlite3.SQLITE_CONSTRAINT_FOREIGNKEY:
		return sqlstore.ForeignKey, ""
	case sqlite3.SQLITE_CONSTRAINT_CHECK:
		return sqlstore.Check, ""
	}
	return sqlstore.NoViolation, ""
}

// Retryable reports a busy database; with one writer connection and a busy
// timeout it only happens when another process holds the file for long.
func (dialect) Retryable(err error) bool {
	var e *sqlite.Error
	return errors.As(err, &e) && e.Code()&0xff == sqlite3.SQLITE_BUSY
}

// MigrationsTable creates the table of applied migrations.
func (dialect) MigrationsTable() string {
	return `CREATE TABLE IF NOT EXISTS schema_migrations (
		version    INTEGER PRIMARY KEY,
		name       VARCHAR(255) NOT NULL,
		applied_at DATETIME NOT NULL)`
}

// Analyze gathers statistics, without which SQLite's planner walks the
// price index instead of a category's rows.
func (dialect) Analyze() string { return "ANALYZE" }

// ForUpdate is empty: the single write connection begins its transactions
// IMMEDIATE, so a write transaction already excludes every other writer.
func (dialect) ForUpdate() string { return "" }
