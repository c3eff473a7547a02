package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	driver "github.com/go-sql-driver/mysql"

	"github.com/ecommerce-moderno/moderno/auth"
	"github.com/ecommerce-moderno/moderno/catalog"
	"github.com/ecommerce-moderno/moderno/customer"
	"github.com/ecommerce-moderno/moderno/inventory"
	"github.com/ecommerce-moderno/moderno/storage/mysql"
	"github.com/ecommerce-moderno/moderno/storage/sqlite"
	"github.com/ecommerce-moderno/moderno/storage/sqlstore"
)

// database is what the server needs of a storage adapter; storage/sqlite
// and storage/mysql both provide it.
type database interface {
	catalog.Store
	inventory.Store
	customer.Store // accounts (issue 3)
	auth.Store     // sessions and revocations (issue 3)
	Migrate(ctx context.Context) error
	MigrateDown(ctx context.Context) error
	MigrationStatus(ctx context.Context) ([]sqlstore.MigrationStatus, error)
	Ping(ctx context.Context) error
	Close() error
}

var (
	_ database = (*sqlite.DB)(nil)
	_ database = (*mysql.DB)(nil)
)

// databaseURL is a parsed COMMERCE_DATABASE_URL.
type databaseURL struct {
	engine string // "sqlite" or "mysql"
	path   string // the SQLite file
	dsn    string // the MySQL driver's DSN
}

// parseDatabaseURL reads sqlite:PATH or mysql://user:pass@host:port/db.
func parseDatabaseURL(raw string) (databaseURL, error) {
	if path, ok := strings.CutPrefix(raw, "sqlite:"); ok {
		if path == "" || strings.HasPrefix(path, "//") {
			return databaseURL{}, errors.New("want sqlite:PATH, such as sqlite:data/commerce.db")
		}
		return databaseURL{engine: "sqlite", path: path}, nil
	}
	if strings.HasPrefix(raw, "mysql://") {
		dsn, err := mysqlDSN(raw)
		return databaseURL{engine: "mysql", dsn: dsn}, err
	}
	return databaseURL{}, errors.New("want sqlite:PATH or mysql://user:pass@host:port/db")
}

// mysqlDSN turns mysql://user:pass@host:port/db into the driver's DSN.
func mysqlDSN(raw string) (string, error) {
	const want = "want mysql://user:pass@host:port/db"
	u, err := url.Parse(raw)
	if err != nil {
		return "", errors.New(want)
	}
	db := strings.TrimPrefix(u.Path, "/")
	switch {
	case u.User == nil || u.User.Username() == "":
		return "", errors.New("the URL needs a user; " + want)
	case u.Hostname() == "":
		return "", errors.New("the URL needs a host; " + want)
	case db == "" || strings.Contains(db, "/"):
		return "", errors.New("the URL needs one database name; " + want)
	case u.RawQuery != "":
		return "", errors.New("the URL takes no parameters; " + want)
	}
	cfg := driver.NewConfig()
	cfg.User = u.User.Username()
	cfg.Passwd, _ = u.User.Password()
	cfg.Net, cfg.DBName = "tcp", db
	port := u.Port()
	if port == "" {
		port = "3306"
	}
	cfg.Addr = net.JoinHostPort(u.Hostname(), port)
	return cfg.FormatDSN(), nil
}

// openDatabase opens the database of the URL, creating the SQLite file's
// directory when missing. It does not migrate.
func openDatabase(ctx context.Context, raw string) (database, error) {
	u, err := parseDatabaseURL(raw)
	if err != nil {
		return nil, err
	}
	if u.engine == "mysql" {
		db, err := mysql.Open(ctx, u.dsn, mysql.Options{})
		if err != nil {
			return nil, fmt.Errorf("open %s: %w", redact(raw), err)
		}
		return db, nil
	}
	if err := os.MkdirAll(filepath.Dir(u.path), 0o750); err != nil {
		return nil, fmt.Errorf("create the database's directory: %w", err)
	}
	db, err := sqlite.Open(ctx, u.path, sqlite.Options{})
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", u.path, err)
	}
	return db, nil
}
