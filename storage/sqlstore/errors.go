package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/jmoiron/sqlx"

	"github.com/ecommerce-moderno/moderno/commerce"
)

// uniqueFields maps the unique keys, as table_column, to the input field a
// shopper or an admin sees.
var uniqueFields = map[string]string{
	"categories_slug":      "slug",
	"brands_slug":          "slug",
	"products_slug":        "slug",
	"products_sku":         "sku",
	"product_variants_sku": "variants.sku",
	"warehouses_code":      "code",
	"users_email_key":      "email",
}

// ref is a row a write points at, checked when a foreign key fails so that
// the error can name the field.
type ref struct {
	field string
	query string // selects 1 when the row exists
	args  []any
}

func refTo(field, table string, id int64) ref {
	return ref{field: field, query: "SELECT 1 FROM " + table + " WHERE id = ?", args: []any{id}}
}

// writeError turns the failure of a write into a commerce error: a taken
// unique key is KindConflict naming the field, a missing reference is
// KindInvalid naming the field. Anything else is wrapped with op.
func (db *DB) writeError(ctx context.Context, q sqlx.QueryerContext, op string, err error,
	refs ...ref) error {
	v, name := db.dialect.Classify(err)
	switch v {
	case Unique:
		return conflict(op, uniqueField(name))
	case ForeignKey:
		if field := missingRef(ctx, q, refs); field != "" {
			return commerce.Invalid(op, commerce.FieldError{Field: field,
				Message: "no existe"})
		}
	}
	return fmt.Errorf("%s: %w", op, err)
}

func conflict(op, field string) error {
	return &commerce.Error{Kind: commerce.KindConflict, Op: op, Message: "ya existe",
		Fields: []commerce.FieldError{{Field: field, Message: "ya está en uso"}}}
}

// uniqueField finds the field of a unique key however the engine named it:
// "products.slug" (SQLite) or "uq_products_slug" (MySQL).
func uniqueField(name string) string {
	name = strings.ReplaceAll(strings.Trim(name, "`'\""), ".", "_")
	best := ""
	for key := range uniqueFields {
		if strings.HasSuffix(name, key) && len(key) > len(best) {
			best = key
		}
	}
	return uniqueFields[best]
}

// missingRef returns the field of the first reference whose row is missing.
func missingRef(ctx context.Context, q sqlx.QueryerContext, refs []ref) string {
	for _, r := range refs {
		var one int
		err := sqlx.GetContext(ctx, q, &one, r.query, r.args...)
		if errors.Is(err, sql.ErrNoRows) {
			return r.field
		}
	}
	return ""
}

// readError turns sql.ErrNoRows into KindNotFound about what and wraps any
// other error with op.
func readError(op, what string, err error) error {
	if errors.Is(err, sql.ErrNoRows) {
		return commerce.NotFound(op, what)
	}
	return fmt.Errorf("%s: %w", op, err)
}

// mustAffect returns KindNotFound when a statement changed no row.
func mustAffect(op, what string, res sql.Result) error {
	n, err := res.RowsAffected()
	if err != nil {
		return fmt.Errorf("%s: %w", op, err)
	}
	if n == 0 {
		return commerce.NotFound(op, what)
	}
	return nil
}
