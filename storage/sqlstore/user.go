package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/jmoiron/sqlx"
	"golang.org/x/text/cases"

	"github.com/ecommerce-moderno/moderno/commerce"
	"github.com/ecommerce-moderno/moderno/customer"
)

const userCols = `id, email, name, phone, role, email_verified, active, password_changed_at,
	created_at, updated_at, erased_at`

type userRow struct {
	ID                int64        `db:"id"`
	Email             string       `db:"email"`
	Name              string       `db:"name"`
	Phone             string       `db:"phone"`
	Role              string       `db:"role"`
	EmailVerified     bool         `db:"email_verified"`
	Active            bool         `db:"active"`
	PasswordChangedAt sql.NullTime `db:"password_changed_at"`
	CreatedAt         time.Time    `db:"created_at"`
	UpdatedAt         time.Time    `db:"updated_at"`
	ErasedAt          sql.NullTime `db:"erased_at"`
}

func (r userRow) user() customer.User {
	return customer.User{ID: commerce.UserID(r.ID), Email: r.Email, Name: r.Name,
		Phone: r.Phone, Role: commerce.Role(r.Role), EmailVerified: r.EmailVerified,
		Active: r.Active, PasswordChangedAt: fromNull(r.PasswordChangedAt),
		CreatedAt: r.CreatedAt.UTC(), UpdatedAt: r.UpdatedAt.UTC(),
		ErasedAt: fromNull(r.ErasedAt)}
}

// stamp returns t as the store keeps it: in UTC, to the microsecond.
func stamp(t time.Time) time.Time { return t.UTC().Truncate(time.Microsecond) }

func fromNull(t sql.NullTime) time.Time {
	if !t.Valid {
		return time.Time{}
	}
	return t.Time.UTC()
}

// emailKey is the case-folded form of an e-mail that the unique key of
// users holds, so that two spellings of one address cannot both sign up
// even when a caller skipped customer.NormalizeEmail.
func emailKey(email string) string { return cases.Fold().String(strings.TrimSpace(email)) }

// noLimit stands for a page without a limit, which both engines accept.
const noLimit = math.MaxInt32

func limitOf(n int) int {
	if n <= 0 {
		return noLimit
	}
	return n
}

// CreateUser stores a new user and starts its password history. It
// returns KindConflict for a taken e-mail.
func (db *DB) CreateUser(ctx context.Context, u *customer.User, passwordHash string) error {
	const op = "create user"
	return db.inTx(ctx, func(tx *sqlx.Tx) error {
		res, err := tx.ExecContext(ctx, `INSERT INTO users (email, email_key, name, search_name,
			phone, role, email_verified, active, password_hash, password_changed_at, created_at,
			updated_at, erased_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			u.Email, emailKey(u.Email), u.Name, fold(u.Name), u.Phone, string(u.Role),
			u.EmailVerified, u.Active, passwordHash, timeValue(u.PasswordChangedAt),
			stamp(u.CreatedAt), stamp(u.UpdatedAt), timeValue(u.ErasedAt))
		if err != nil {
			return db.writeError(ctx, tx, op, err)
		}
		id, err := res.LastInsertId()
		if err != nil {
			return fmt.Errorf("%s: %w", op, err)
		}
		if err := pushPassword(ctx, tx, id, passwordHash, u.PasswordChangedAt); err != nil {
			return fmt.Errorf("%s: %w", op, err)
		}
		u.ID = commerce.UserID(id)
		return nil
	})
}

// User returns a user by id. It returns KindNotFound.
func (db *DB) User(ctx context.Context, id commerce.UserID) (customer.User, error) {
	return db.userWhere(ctx, "id = ?", int64(id))
}

// UserByEmail returns the user with the e-mail, compared case-folded. It
// returns KindNotFound.
func (db *DB) UserByEmail(ctx context.Context, email string) (customer.User, error) {
	return db.userWhere(ctx, "email_key = ?", emailKey(email))
}

func (db *DB) userWhere(ctx context.Context, where string, arg any) (customer.User, error) {
	var r userRow
	err := db.read.GetContext(ctx, &r, "SELECT "+userCols+" FROM users WHERE "+where, arg)
	if err != nil {
		return customer.User{}, readError("user", "usuario", err)
	}
	return r.user(), nil
}

// UpdateUser writes every field of u but its e-mail, creation time and
// password change time, and appends the audit entry when there is one.
func (db *DB) UpdateUser(ctx context.Context, u *customer.User, audit *customer.AuditEntry) error {
	const op = "update user"
	return db.inTx(ctx, func(tx *sqlx.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE users SET name = ?, search_name = ?, phone = ?,
			role = ?, email_verified = ?, active = ?, updated_at = ?, erased_at = ?
			WHERE id = ?`, u.Name, fold(u.Name), u.Phone, string(u.Role), u.EmailVerified,
			u.Active, stamp(u.UpdatedAt), timeValue(u.ErasedAt), int64(u.ID))
		if err != nil {
			return db.writeError(ctx, tx, op, err)
		}
		if err := mustAffect(op, "usuario", res); err != nil {
			return err
		}
		if audit == nil {
			return nil
		}
		return appendAudit(ctx, tx, op, *audit)
	})
}

// EraseUser anonymises a user: it replaces every field but the id and the
// creation time, forgets the passwords, and deletes the addresses and
// single-use tokens, logging the erasure, in one transaction.
func (db *DB) EraseUser(ctx context.Context, u customer.User, audit customer.AuditEntry) error {
	const op = "erase user"
	return db.inTx(ctx, func(tx *sqlx.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE users SET email = ?, email_key = ?, name = ?,
			search_name = ?, phone = ?, role = ?, email_verified = ?, active = ?,
			password_hash = '', password_changed_at = ?, updated_at = ?, erased_at = ?
			WHERE id = ?`, u.Email, emailKey(u.Email), u.Name, fold(u.Name), u.Phone,
			string(u.Role), u.EmailVerified, u.Active, timeValue(u.PasswordChangedAt),
			stamp(u.UpdatedAt), timeValue(u.ErasedAt), int64(u.ID))
		if err != nil {
			return db.writeError(ctx, tx, op, err)
		}
		if err := mustAffect(op, "usuario", res); err != nil {
			return err
		}
		for _, table := range []string{"password_history", "addresses", "user_tokens"} {
			_, err := tx.ExecContext(ctx, "DELETE FROM "+table+" WHERE user_id = ?", int64(u.ID))
			if err != nil {
				return fmt.Errorf("%s: %s: %w", op, table, err)
			}
		}
		return appendAudit(ctx, tx, op, audit)
	})
}

// ListUsers returns one page of the users matching q, by id, and how many
// match in all.
func (db *DB) ListUsers(ctx context.Context, q customer.UserQuery) ([]customer.User, int,
	error) {
	const op = "list users"
	var where []string
	var args []any
	if s := strings.TrimSpace(q.Search); s != "" {
		like := " LIKE ? ESCAPE '" + likeEscape + "'"
		where = append(where, "(email_key"+like+" OR search_name"+like+")")
		args = append(args, containsPattern(emailKey(s)), containsPattern(fold(s)))
	}
	if q.Role != "" {
		where, args = append(where, "role = ?"), append(args, string(q.Role))
	}
	if q.Active != nil {
		where, args = append(where, "active = ?"), append(args, *q.Active)
	}
	cond := ""
	if len(where) > 0 {
		cond = " WHERE " + strings.Join(where, " AND ")
	}
	var total int
	if err := db.read.GetContext(ctx, &total, "SELECT COUNT(*) FROM users"+cond,
		args...); err != nil {
		return nil, 0, fmt.Errorf("%s: %w", op, err)
	}
	var rows []userRow
	err := db.read.SelectContext(ctx, &rows, "SELECT "+userCols+" FROM users"+cond+
		" ORDER BY id LIMIT ? OFFSET ?", append(args, limitOf(q.Limit), max(q.Offset, 0))...)
	if err != nil {
		return nil, 0, fmt.Errorf("%s: %w", op, err)
	}
	us := make([]customer.User, len(rows))
	for i, r := range rows {
		us[i] = r.user()
	}
	return us, total, nil
}
