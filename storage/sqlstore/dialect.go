package sqlstore

// Violation is the kind of constraint a failed statement broke.
type Violation int

// The constraint violations a Dialect recognises.
const (
	NoViolation Violation = iota // not a constraint error
	Unique                       // a unique key or primary key
	ForeignKey                   // a foreign key, on either side
	Check                        // a CHECK constraint
)

// Dialect is what the SQL engines spell differently. Every statement of this
// package is written with ? placeholders, which both engines accept.
type Dialect interface {
	// Upsert returns the clause that follows an INSERT ... VALUES so that a
	// row whose key columns match an existing one updates the named
	// columns from the new row instead; with no columns it does nothing.
	Upsert(key []string, update []string) string
	// Classify tells which constraint err broke, if any, and names it as
	// the engine does: a constraint name such as uq_products_slug, or a
	// table.column list.
	Classify(err error) (Violation, string)
	// Retryable reports whether a transaction that failed with err may
	// succeed when run again, as after a deadlock.
	Retryable(err error) bool
	// MigrationsTable is the statement that creates the table recording
	// applied migrations, when it does not exist.
	MigrationsTable() string
	// Analyze returns the statement that refreshes the planner's
	// statistics after a bulk load, or "" when the engine keeps them
	// itself.
	Analyze() string
	// ForUpdate returns the clause that ends a SELECT whose rows the
	// transaction locks for writing (" FOR UPDATE"), or "" when the
	// engine's write transactions already exclude other writers.
	ForUpdate() string
}
