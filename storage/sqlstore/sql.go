package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/jmoiron/sqlx"
)

// maxParams keeps multi-row statements below the placeholder limits of
// both engines (32766 in SQLite, 65535 in MySQL).
const maxParams = 30000

// marks returns n comma-separated placeholders.
func marks(n int) string {
	if n <= 0 {
		return ""
	}
	return strings.Repeat("?, ", n-1) + "?"
}

// inList returns "(?, ?, ...)" and the arguments for the values.
func inList[T any](vs []T) (string, []any) {
	args := make([]any, len(vs))
	for i, v := range vs {
		args[i] = v
	}
	return "(" + marks(len(vs)) + ")", args
}

// insertRows inserts rows into table in as few statements as the
// placeholder limit allows, each ending with suffix (an upsert clause or
// nothing).
func insertRows(ctx context.Context, x sqlx.ExecerContext, table string, cols []string,
	rows [][]any, suffix string) error {
	if len(rows) == 0 {
		return nil
	}
	per := max(1, maxParams/len(cols))
	tuple := "(" + marks(len(cols)) + ")"
	head := "INSERT INTO " + table + " (" + strings.Join(cols, ", ") + ") VALUES "
	for start := 0; start < len(rows); start += per {
		chunk := rows[start:min(start+per, len(rows))]
		args := make([]any, 0, len(chunk)*len(cols))
		for _, r := range chunk {
			args = append(args, r...)
		}
		query := head + strings.TrimSuffix(strings.Repeat(tuple+", ", len(chunk)), ", ") + suffix
		if _, err := x.ExecContext(ctx, query, args...); err != nil {
			return fmt.Errorf("insert into %s: %w", table, err)
		}
	}
	return nil
}

// execIn runs a statement ending in "IN " with the values as the list, in
// chunks below the placeholder limit.
func execIn[T any](ctx context.Context, x sqlx.ExecerContext, query string, vs []T) error {
	for start := 0; start < len(vs); start += maxParams {
		list, args := inList(vs[start:min(start+maxParams, len(vs))])
		if _, err := x.ExecContext(ctx, query+list, args...); err != nil {
			return err
		}
	}
	return nil
}

// selectIn runs a query ending in "IN " with the values as the list, in
// chunks, appending what each returns to dest.
func selectIn[R, T any](ctx context.Context, q sqlx.QueryerContext, dest *[]R, query string,
	vs []T) error {
	for start := 0; start < len(vs); start += maxParams {
		list, args := inList(vs[start:min(start+maxParams, len(vs))])
		var part []R
		if err := sqlx.SelectContext(ctx, q, &part, query+list, args...); err != nil {
			return err
		}
		*dest = append(*dest, part...)
	}
	return nil
}

// nullID stores zero as NULL, for optional references.
func nullID[T ~int64](id T) sql.NullInt64 {
	return sql.NullInt64{Int64: int64(id), Valid: id != 0}
}
