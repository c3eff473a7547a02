// Package mysql stores the catalog, the stock, orders and carts in MySQL 8
// or MariaDB 10.11 through sqlx and go-sql-driver/mysql, in utf8mb4. Open
// adjusts the DSN it is given: times are parsed and kept in UTC, and UPDATE
// reports the rows it matched, which the store relies on to tell a missing
// row from an unchanged one.
package mysql
