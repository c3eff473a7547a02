package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/jmoiron/sqlx"

	"github.com/ecommerce-moderno/moderno/commerce"
	"github.com/ecommerce-moderno/moderno/customer"
)

// Credentials returns the user's password hash and its history, the newest
// first. It returns KindNotFound.
func (db *DB) Credentials(ctx context.Context, id commerce.UserID) (customer.Credentials,
	error) {
	const op = "credentials"
	var c customer.Credentials
	err := db.read.GetContext(ctx, &c.Hash, "SELECT password_hash FROM users WHERE id = ?",
		int64(id))
	if err != nil {
		return customer.Credentials{}, readError(op, "usuario", err)
	}
	err = db.read.SelectContext(ctx, &c.History, `SELECT hash FROM password_history
		WHERE user_id = ? ORDER BY id DESC`, int64(id))
	if err != nil {
		return customer.Credentials{}, fmt.Errorf("%s: %w", op, err)
	}
	return c, nil
}

// SetPassword replaces the password hash and puts it first in the
// history, which keeps the newest keep hashes.
func (db *DB) SetPassword(ctx context.Context, id commerce.UserID, hash string, at time.Time,
	keep int) error {
	const op = "set password"
	return db.inTx(ctx, func(tx *sqlx.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE users SET password_hash = ?,
			password_changed_at = ? WHERE id = ?`, hash, timeValue(at), int64(id))
		if err != nil {
			return fmt.Errorf("%s: %w", op, err)
		}
		if err := mustAffect(op, "usuario", res); err != nil {
			return err
		}
		if err := pushPassword(ctx, tx, int64(id), hash, at); err != nil {
			return fmt.Errorf("%s: %w", op, err)
		}
		// The oldest row kept; MariaDB refuses LIMIT in an IN subquery.
		var oldest int64
		err = tx.GetContext(ctx, &oldest, `SELECT id FROM password_history WHERE user_id = ?
			ORDER BY id DESC LIMIT 1 OFFSET ?`, int64(id), max(keep, 1)-1)
		if errors.Is(err, sql.ErrNoRows) {
			return nil
		} else if err != nil {
			return fmt.Errorf("%s: %w", op, err)
		}
		_, err = tx.ExecContext(ctx, "DELETE FROM password_history WHERE user_id = ? AND id < ?",
			int64(id), oldest)
		if err != nil {
			return fmt.Errorf("%s: %w", op, err)
		}
		return nil
	})
}

func pushPassword(ctx context.Context, tx *sqlx.Tx, user int64, hash string,
	at time.Time) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO password_history (user_id, hash, created_at)
		VALUES (?, ?, ?)`, user, hash, stamp(at))
	if err != nil {
		return fmt.Errorf("password history: %w", err)
	}
	return nil
}

type failureRow struct {
	Count int       `db:"count"`
	Last  time.Time `db:"last_at"`
}

// LoginFailures returns the failed sign-ins counted under key.
func (db *DB) LoginFailures(ctx context.Context, key string) (customer.Failures, error) {
	return failures(ctx, db.read, key)
}

func failures(ctx context.Context, q sqlx.QueryerContext, key string) (customer.Failures,
	error) {
	var r failureRow
	err := sqlx.GetContext(ctx, q, &r, "SELECT count, last_at FROM login_failures "+
		"WHERE fail_key = ?", key)
	if errors.Is(err, sql.ErrNoRows) {
		return customer.Failures{}, nil
	} else if err != nil {
		return customer.Failures{}, fmt.Errorf("login failures: %w", err)
	}
	return customer.Failures{Count: r.Count, Last: r.Last.UTC()}, nil
}

// RecordLoginFailure adds one failure under key at the time, the count
// starting again when the last one came before since, and returns the
// count. Concurrent calls each add one.
func (db *DB) RecordLoginFailure(ctx context.Context, key string,
	at, since time.Time) (customer.Failures, error) {
	const op = "record login failure"
	var f customer.Failures
	err := db.inTx(ctx, func(tx *sqlx.Tx) error {
		// The row is made first, as a count of zero, and then counted on:
		// an UPDATE of a missing row would take gap locks, on which
		// concurrent first failures deadlock in InnoDB.
		_, err := tx.ExecContext(ctx, `INSERT INTO login_failures (fail_key, count, last_at)
			VALUES (?, 0, ?)`+db.dialect.Upsert([]string{"fail_key"}, []string{"fail_key"}),
			key, stamp(at))
		if err != nil {
			return fmt.Errorf("%s: %w", op, err)
		}
		// MySQL assigns left to right, so count reads the old last_at.
		_, err = tx.ExecContext(ctx, `UPDATE login_failures
			SET count = CASE WHEN last_at < ? THEN 1 ELSE count + 1 END, last_at = ?
			WHERE fail_key = ?`, stamp(since), stamp(at), key)
		if err != nil {
			return fmt.Errorf("%s: %w", op, err)
		}
		f, err = failures(ctx, tx, key)
		return err
	})
	return f, err
}

// ClearLoginFailures forgets the failures under key.
func (db *DB) ClearLoginFailures(ctx context.Context, key string) error {
	_, err := db.write.ExecContext(ctx, "DELETE FROM login_failures WHERE fail_key = ?", key)
	if err != nil {
		return fmt.Errorf("clear login failures: %w", err)
	}
	return nil
}

func appendAudit(ctx context.Context, tx *sqlx.Tx, op string, e customer.AuditEntry) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO audit_log (at, actor_id, subject_id, action,
		detail, ip, request_id) VALUES (?, ?, ?, ?, ?, ?, ?)`, stamp(e.At), nullID(e.ActorID),
		int64(e.SubjectID), e.Action, e.Detail, e.IP, e.RequestID)
	if err != nil {
		return fmt.Errorf("%s: audit: %w", op, err)
	}
	return nil
}

type auditRow struct {
	ID        int64         `db:"id"`
	At        time.Time     `db:"at"`
	ActorID   sql.NullInt64 `db:"actor_id"`
	SubjectID int64         `db:"subject_id"`
	Action    string        `db:"action"`
	Detail    string        `db:"detail"`
	IP        string        `db:"ip"`
	RequestID string        `db:"request_id"`
}

// Audit returns one page of the audit log about q.SubjectID, or everyone,
// newest first, and how many entries there are in all.
func (db *DB) Audit(ctx context.Context, q customer.AuditQuery) ([]customer.AuditEntry, int,
	error) {
	const op = "audit"
	cond, args := "", []any{}
	if q.SubjectID != 0 {
		cond, args = " WHERE subject_id = ?", append(args, int64(q.SubjectID))
	}
	var total int
	if err := db.read.GetContext(ctx, &total, "SELECT COUNT(*) FROM audit_log"+cond,
		args...); err != nil {
		return nil, 0, fmt.Errorf("%s: %w", op, err)
	}
	var rows []auditRow
	err := db.read.SelectContext(ctx, &rows, `SELECT id, at, actor_id, subject_id, action,
		detail, ip, request_id FROM audit_log`+cond+" ORDER BY id DESC LIMIT ? OFFSET ?",
		append(args, limitOf(q.Limit), max(q.Offset, 0))...)
	if err != nil {
		return nil, 0, fmt.Errorf("%s: %w", op, err)
	}
	es := make([]customer.AuditEntry, len(rows))
	for i, r := range rows {
		es[i] = customer.AuditEntry{ID: r.ID, At: r.At.UTC(),
			ActorID: commerce.UserID(r.ActorID.Int64), SubjectID: commerce.UserID(r.SubjectID),
			Action: r.Action, Detail: r.Detail, IP: r.IP, RequestID: r.RequestID}
	}
	return es, total, nil
}
