package storagetest

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"os"
	"testing"

	driver "github.com/go-sql-driver/mysql"
)

// MySQLDSNVariable names the variable that switches MariaDB tests on: the
// DSN of a server, without a database, whose user may create databases.
const MySQLDSNVariable = "COMMERCE_TEST_MYSQL_DSN"

// MySQLDatabase creates a database with a random name on the server of
// COMMERCE_TEST_MYSQL_DSN, drops it when the test ends, and returns the
// DSN that selects it. It skips the test when the variable is unset.
func MySQLDatabase(tb testing.TB) string {
	tb.Helper()
	dsn := os.Getenv(MySQLDSNVariable)
	if dsn == "" {
		tb.Skip(MySQLDSNVariable + " is not set")
	}
	cfg, err := driver.ParseDSN(dsn)
	if err != nil {
		tb.Fatalf("%s: %v", MySQLDSNVariable, err)
	}
	b := make([]byte, 6)
	if _, err := rand.Read(b); err != nil {
		tb.Fatal(err)
	}
	name := "moderno_test_" + hex.EncodeToString(b)
	server := cfg.Clone()
	server.DBName = ""
	conn, err := driver.NewConnector(server)
	if err != nil {
		tb.Fatalf("connect to %s: %v", MySQLDSNVariable, err)
	}
	db := sql.OpenDB(conn)
	ctx := context.Background()
	if _, err := db.ExecContext(ctx, "CREATE DATABASE "+name+
		" CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"); err != nil {
		_ = db.Close()
		tb.Fatalf("create database %s: %v", name, err)
	}
	tb.Cleanup(func() {
		_, _ = db.ExecContext(context.Background(), "DROP DATABASE "+name)
		_ = db.Close()
	})
	cfg.DBName = name
	return cfg.FormatDSN()
}
