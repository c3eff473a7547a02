// Package sqlite stores the catalog, the stock, orders and carts in an
// SQLite file through the pure Go driver modernc.org/sqlite: the embedded
// default that needs no server. The database runs in WAL mode with foreign
// keys on; writes go through a single connection that begins its
// transactions IMMEDIATE, so concurrent writers queue instead of failing as
// busy, while reads use a pool of their own.
package sqlite
