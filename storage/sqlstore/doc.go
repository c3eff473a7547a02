// Package sqlstore is the SQL repository code the storage adapters share:
// it implements catalog.Store and inventory.Store, the shop side
// (checkout.Store, order.Store, checkout.KeyStore, checkout.Outbox,
// cart.Store) and the accounts (customer.Store, auth.Store), over
// database/sql through sqlx, parameterised by a small Dialect for what the
// engines spell differently (upserts, constraint errors, row locks, the
// migrations table). The
// adapters storage/sqlite and storage/mysql add opening, connection settings
// and their own migrations; programs use those, not this package.
package sqlstore
