package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/ecommerce-moderno/moderno/checkout"
	"github.com/ecommerce-moderno/moderno/commerce"
)

var _ checkout.KeyStore = (*DB)(nil)

const keyCols = `scope, idem_key, fingerprint, state, response_status, response_header,
	response_body, locked_until, expires_at, created_at`

type keyRow struct {
	Scope       string         `db:"scope"`
	Key         string         `db:"idem_key"`
	Fingerprint string         `db:"fingerprint"`
	State       string         `db:"state"`
	Status      int            `db:"response_status"`
	Header      sql.NullString `db:"response_header"`
	Body        []byte         `db:"response_body"`
	LockedUntil time.Time      `db:"locked_until"`
	ExpiresAt   time.Time      `db:"expires_at"`
	CreatedAt   time.Time      `db:"created_at"`
}

func (r keyRow) record() (checkout.KeyRecord, error) {
	rec := checkout.KeyRecord{Scope: r.Scope, Key: r.Key, Fingerprint: r.Fingerprint,
		State: checkout.KeyState(r.State), Response: checkout.Response{Status: r.Status,
			Body: r.Body}, LockedUntil: r.LockedUntil, ExpiresAt: r.ExpiresAt,
		CreatedAt: r.CreatedAt}
	if r.Header.Valid && r.Header.String != "" {
		if err := json.Unmarshal([]byte(r.Header.String), &rec.Response.Header); err != nil {
			return rec, fmt.Errorf("key %s header: %w", r.Key, err)
		}
	}
	return rec, nil
}

// claimAttempts bounds the loop of Claim, which goes round again only when
// the record it found vanished or changed between two statements.
const claimAttempts = 5

// Claim stores rec in progress unless a live record holds its scope and
// key. The insert relies on the unique key; the takeover of an expired or
// abandoned record is an UPDATE conditional on that state, so of two
// racing claims only one changes the row.
func (db *DB) Claim(ctx context.Context, rec checkout.KeyRecord,
	now time.Time) (checkout.KeyRecord, bool, error) {
	const op = "claim idempotency key"
	rec.State = checkout.KeyInProgress
	now = utc(now)
	for range claimAttempts {
		_, err := db.write.ExecContext(ctx, `INSERT INTO idempotency_keys (scope, idem_key,
			fingerprint, state, locked_until, expires_at, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?)`, rec.Scope, rec.Key, rec.Fingerprint,
			string(rec.State), utc(rec.LockedUntil), utc(rec.ExpiresAt), utc(rec.CreatedAt))
		if err == nil {
			return rec, true, nil
		}
		if v, _ := db.dialect.Classify(err); v != Unique && !db.dialect.Retryable(err) {
			return checkout.KeyRecord{}, false, fmt.Errorf("%s: %w", op, err)
		}
		old, err := db.keyRecord(ctx, rec.Scope, rec.Key)
		if errors.Is(err, sql.ErrNoRows) {
			continue // released meanwhile: insert again
		}
		if err != nil {
			return checkout.KeyRecord{}, false, fmt.Errorf("%s: %w", op, err)
		}
		abandoned := old.State == checkout.KeyInProgress && !old.LockedUntil.After(now)
		if old.ExpiresAt.After(now) && !abandoned {
			return old, false, nil
		}
		res, err := db.write.ExecContext(ctx, `UPDATE idempotency_keys SET fingerprint = ?,
			state = ?, response_status = 0, response_header = NULL, response_body = NULL,
			locked_until = ?, expires_at = ?, created_at = ?
			WHERE scope = ? AND idem_key = ?
			AND (expires_at <= ? OR (state = ? AND locked_until <= ?))`, rec.Fingerprint,
			string(rec.State), utc(rec.LockedUntil), utc(rec.ExpiresAt), utc(rec.CreatedAt),
			rec.Scope, rec.Key, now, string(checkout.KeyInProgress), now)
		if err != nil && !db.dialect.Retryable(err) {
			return checkout.KeyRecord{}, false, fmt.Errorf("%s: %w", op, err)
		}
		if n, _ := rowsAffected(res, err); n == 1 {
			return rec, true, nil
		}
	}
	return checkout.KeyRecord{}, false, commerce.Errorf(commerce.KindConflict, op,
		"una solicitud con esta clave de idempotencia está en curso")
}

func rowsAffected(res sql.Result, err error) (int64, error) {
	if err != nil {
		return 0, err
	}
	return res.RowsAffected()
}

func (db *DB) keyRecord(ctx context.Context, scope, key string) (checkout.KeyRecord, error) {
	var r keyRow
	err := db.read.GetContext(ctx, &r, "SELECT "+keyCols+
		" FROM idempotency_keys WHERE scope = ? AND idem_key = ?", scope, key)
	if err != nil {
		return checkout.KeyRecord{}, err
	}
	return r.record()
}

// Complete stores the response of a claimed key and marks it done. It
// returns KindNotFound when the key is not stored.
func (db *DB) Complete(ctx context.Context, scope, key string, r checkout.Response) error {
	const op = "complete idempotency key"
	var header sql.NullString
	if len(r.Header) > 0 {
		b, err := json.Marshal(r.Header)
		if err != nil {
			return fmt.Errorf("%s: %w", op, err)
		}
		header = sql.NullString{String: string(b), Valid: true}
	}
	body := r.Body
	if body == nil {
		body = []byte{}
	}
	res, err := db.write.ExecContext(ctx, `UPDATE idempotency_keys SET state = ?,
		response_status = ?, response_header = ?, response_body = ?
		WHERE scope = ? AND idem_key = ?`, string(checkout.KeyDone), r.Status, header, body,
		scope, key)
	if err != nil {
		return fmt.Errorf("%s: %w", op, err)
	}
	return mustAffect(op, "clave de idempotencia", res)
}

// Release deletes a key still in progress.
func (db *DB) Release(ctx context.Context, scope, key string) error {
	_, err := db.write.ExecContext(ctx, `DELETE FROM idempotency_keys
		WHERE scope = ? AND idem_key = ? AND state = ?`, scope, key,
		string(checkout.KeyInProgress))
	if err != nil {
		return fmt.Errorf("release idempotency key: %w", err)
	}
	return nil
}

// DeleteExpired deletes the keys whose time ran out at or before now.
func (db *DB) DeleteExpired(ctx context.Context, now time.Time) (int, error) {
	res, err := db.write.ExecContext(ctx, "DELETE FROM idempotency_keys WHERE expires_at <= ?",
		utc(now))
	if err != nil {
		return 0, fmt.Errorf("delete expired idempotency keys: %w", err)
	}
	n, err := res.RowsAffected()
	return int(n), err
}
