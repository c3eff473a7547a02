package sqlstore

import (
	"bufio"
	"context"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/jmoiron/sqlx"
)

// A migration file is named NNNNN_description.sql and holds two sections,
// introduced by the lines "-- migrate:up" and "-- migrate:down". A
// statement ends with a line ending in ";", except between the lines
// "-- migrate:begin" and "-- migrate:end", which enclose one statement
// (a trigger body, say) as a whole.

// MigrationStatus is one migration and whether it is applied.
type MigrationStatus struct {
	Version   int64
	Name      string
	Applied   bool
	AppliedAt time.Time // zero when not applied
}

type migration struct {
	version  int64
	name     string
	up, down []string
}

// Migrate applies every pending migration in order, each in its own
// transaction (SQLite rolls a failed one back whole; MySQL commits DDL
// statement by statement, so a failure there may leave part of one).
func (db *DB) Migrate(ctx context.Context) error {
	ms, applied, err := db.migrationState(ctx)
	if err != nil {
		return err
	}
	for _, m := range ms {
		if _, ok := applied[m.version]; ok {
			continue
		}
		err := db.runMigration(ctx, m, m.up, `INSERT INTO schema_migrations (version, name,
			applied_at) VALUES (?, ?, ?)`, m.version, m.name, db.now())
		if err != nil {
			return err
		}
	}
	return nil
}

// MigrateDown reverts the latest applied migration. It does nothing when
// none is applied.
func (db *DB) MigrateDown(ctx context.Context) error {
	ms, applied, err := db.migrationState(ctx)
	if err != nil {
		return err
	}
	for _, m := range slices.Backward(ms) {
		if _, ok := applied[m.version]; ok {
			return db.runMigration(ctx, m, m.down,
				"DELETE FROM schema_migrations WHERE version = ?", m.version)
		}
	}
	return nil
}

// MigrationStatus lists every known migration in order, with whether and
// when it was applied.
func (db *DB) MigrationStatus(ctx context.Context) ([]MigrationStatus, error) {
	ms, applied, err := db.migrationState(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]MigrationStatus, len(ms))
	for i, m := range ms {
		at, ok := applied[m.version]
		out[i] = MigrationStatus{Version: m.version, Name: m.name, Applied: ok, AppliedAt: at}
	}
	return out, nil
}

func (db *DB) runMigration(ctx context.Context, m migration, stmts []string, record string,
	args ...any) error {
	err := db.tryTx(ctx, func(tx *sqlx.Tx) error {
		for _, s := range stmts {
			if _, err := tx.ExecContext(ctx, s); err != nil {
				return err
			}
		}
		_, err := tx.ExecContext(ctx, record, args...)
		return err
	})
	if err != nil {
		return fmt.Errorf("migration %d_%s: %w", m.version, m.name, err)
	}
	return nil
}

// migrationState reads the migration files and the applied versions,
// creating the migrations table when missing.
func (db *DB) migrationState(ctx context.Context) ([]migration, map[int64]time.Time, error) {
	ms, err := loadMigrations(db.migrations)
	if err != nil {
		return nil, nil, err
	}
	if _, err := db.write.ExecContext(ctx, db.dialect.MigrationsTable()); err != nil {
		return nil, nil, fmt.Errorf("migrations table: %w", err)
	}
	var rows []struct {
		Version   int64     `db:"version"`
		AppliedAt time.Time `db:"applied_at"`
	}
	err = db.write.SelectContext(ctx, &rows, "SELECT version, applied_at FROM schema_migrations")
	if err != nil {
		return nil, nil, fmt.Errorf("applied migrations: %w", err)
	}
	applied := make(map[int64]time.Time, len(rows))
	for _, r := range rows {
		applied[r.Version] = r.AppliedAt
	}
	return ms, applied, nil
}

func loadMigrations(fsys fs.FS) ([]migration, error) {
	names, err := fs.Glob(fsys, "*.sql")
	if err != nil {
		return nil, fmt.Errorf("migrations: %w", err)
	}
	ms := make([]migration, 0, len(names))
	for _, name := range names {
		m, err := loadMigration(fsys, name)
		if err != nil {
			return nil, fmt.Errorf("migration %s: %w", name, err)
		}
		ms = append(ms, m)
	}
	slices.SortFunc(ms, func(a, b migration) int { return int(a.version - b.version) })
	return ms, nil
}

func loadMigration(fsys fs.FS, name string) (migration, error) {
	num, desc, ok := strings.Cut(strings.TrimSuffix(path.Base(name), ".sql"), "_")
	version, err := strconv.ParseInt(num, 10, 64)
	if !ok || err != nil {
		return migration{}, fmt.Errorf("name must be NNNNN_description.sql")
	}
	text, err := fs.ReadFile(fsys, name)
	if err != nil {
		return migration{}, err
	}
	m := migration{version: version, name: desc}
	m.up, m.down, err = splitMigration(string(text))
	return m, err
}

// splitMigration returns the statements of the up and down sections.
func splitMigration(text string) (up, down []string, err error) {
	var (
		cur     *[]string
		stmt    strings.Builder
		inBlock bool
	)
	flush := func() {
		if s := strings.TrimSpace(stmt.String()); s != "" && cur != nil {
			*cur = append(*cur, strings.TrimSuffix(s, ";"))
		}
		stmt.Reset()
	}
	sc := bufio.NewScanner(strings.NewReader(text))
	for sc.Scan() {
		line := sc.Text()
		switch strings.TrimSpace(line) {
		case "-- migrate:up":
			flush()
			cur = &up
		case "-- migrate:down":
			flush()
			cur = &down
		case "-- migrate:begin":
			flush()
			inBlock = true
		case "-- migrate:end":
			inBlock = false
			flush()
		default:
			if strings.HasPrefix(strings.TrimSpace(line), "--") {
				continue
			}
			stmt.WriteString(line + "\n")
			if !inBlock && strings.HasSuffix(strings.TrimSpace(line), ";") {
				flush()
			}
		}
	}
	if up == nil {
		return nil, nil, fmt.Errorf("no -- migrate:up section")
	}
	return up, down, sc.Err()
}
