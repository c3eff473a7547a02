package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/jmoiron/sqlx"

	"github.com/ecommerce-moderno/moderno/auth"
	"github.com/ecommerce-moderno/moderno/commerce"
)

const refreshCols = "hash, family, user_id, started_at, issued_at, expires_at, used_at, " +
	"revoked_at"

type refreshRow struct {
	Hash      string       `db:"hash"`
	Family    string       `db:"family"`
	UserID    int64        `db:"user_id"`
	Started   time.Time    `db:"started_at"`
	IssuedAt  time.Time    `db:"issued_at"`
	ExpiresAt time.Time    `db:"expires_at"`
	UsedAt    sql.NullTime `db:"used_at"`
	RevokedAt sql.NullTime `db:"revoked_at"`
}

func (r refreshRow) refresh() auth.Refresh {
	return auth.Refresh{Hash: r.Hash, Family: r.Family, UserID: commerce.UserID(r.UserID),
		Started: r.Started.UTC(), IssuedAt: r.IssuedAt.UTC(), ExpiresAt: r.ExpiresAt.UTC(),
		UsedAt: fromNull(r.UsedAt), RevokedAt: fromNull(r.RevokedAt)}
}

// SaveRefresh stores a new refresh token, revoked from the start when its
// family is. It returns KindConflict for a taken hash and KindInvalid for
// an unknown user.
func (db *DB) SaveRefresh(ctx context.Context, r auth.Refresh) error {
	const op = "save refresh token"
	return db.inTx(ctx, func(tx *sqlx.Tx) error {
		var dead int
		err := tx.GetContext(ctx, &dead, "SELECT COUNT(*) FROM revoked_families "+
			"WHERE family = ?", r.Family)
		if err != nil {
			return fmt.Errorf("%s: %w", op, err)
		}
		if dead > 0 && r.RevokedAt.IsZero() {
			r.RevokedAt = r.IssuedAt
		}
		_, err = tx.ExecContext(ctx, "INSERT INTO refresh_tokens ("+refreshCols+
			") VALUES (?, ?, ?, ?, ?, ?, ?, ?)", r.Hash, r.Family, int64(r.UserID),
			stamp(r.Started), stamp(r.IssuedAt), stamp(r.ExpiresAt), timeValue(r.UsedAt),
			timeValue(r.RevokedAt))
		if err != nil {
			return db.writeError(ctx, tx, op, err, refTo("user_id", "users", int64(r.UserID)))
		}
		return nil
	})
}

// UseRefresh marks the token used when it was neither used nor revoked,
// and returns it as it was before. It returns KindNotFound for an unknown
// hash.
func (db *DB) UseRefresh(ctx context.Context, hash string, at time.Time) (auth.Refresh,
	error) {
	const op = "use refresh token"
	var r auth.Refresh
	err := db.inTx(ctx, func(tx *sqlx.Tx) error {
		// The update locks the row: a concurrent use waits, then finds it
		// spent and leaves it alone.
		res, err := tx.ExecContext(ctx, `UPDATE refresh_tokens SET used_at = ?
			WHERE hash = ? AND used_at IS NULL AND revoked_at IS NULL`, stamp(at), hash)
		if err != nil {
			return fmt.Errorf("%s: %w", op, err)
		}
		n, err := res.RowsAffected()
		if err != nil {
			return fmt.Errorf("%s: %w", op, err)
		}
		var row refreshRow
		err = tx.GetContext(ctx, &row, "SELECT "+refreshCols+" FROM refresh_tokens "+
			"WHERE hash = ?", hash)
		if err != nil {
			return readError(op, "token", err)
		}
		r = row.refresh()
		if n > 0 {
			r.UsedAt = time.Time{} // as it was before this use
		}
		return nil
	})
	return r, err
}

// RevokeFamily revokes every token of the family and remembers the family
// as revoked.
func (db *DB) RevokeFamily(ctx context.Context, family string, at time.Time) error {
	const op = "revoke family"
	return db.inTx(ctx, func(tx *sqlx.Tx) error {
		_, err := tx.ExecContext(ctx, "INSERT INTO revoked_families (family, revoked_at) "+
			"VALUES (?, ?)"+db.keepFamily(), family, stamp(at))
		if err != nil {
			return fmt.Errorf("%s: %w", op, err)
		}
		_, err = tx.ExecContext(ctx, `UPDATE refresh_tokens SET revoked_at = ?
			WHERE family = ? AND revoked_at IS NULL`, stamp(at), family)
		if err != nil {
			return fmt.Errorf("%s: %w", op, err)
		}
		return nil
	})
}

// keepFamily is the clause that leaves an already revoked family as it was.
func (db *DB) keepFamily() string {
	return db.dialect.Upsert([]string{"family"}, []string{"family"})
}

// RevokeUser revokes every family of the user.
func (db *DB) RevokeUser(ctx context.Context, user commerce.UserID, at time.Time) error {
	const op = "revoke user"
	return db.inTx(ctx, func(tx *sqlx.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO revoked_families (family, revoked_at)
			SELECT DISTINCT family, ? FROM refresh_tokens WHERE user_id = ?`+db.keepFamily(),
			stamp(at), int64(user))
		if err != nil {
			return fmt.Errorf("%s: %w", op, err)
		}
		_, err = tx.ExecContext(ctx, `UPDATE refresh_tokens SET revoked_at = ?
			WHERE user_id = ? AND revoked_at IS NULL`, stamp(at), int64(user))
		if err != nil {
			return fmt.Errorf("%s: %w", op, err)
		}
		return nil
	})
}

// RevokeToken remembers the access token id as revoked until it expires.
func (db *DB) RevokeToken(ctx context.Context, id string, expires time.Time) error {
	_, err := db.write.ExecContext(ctx, "INSERT INTO revoked_tokens (token_id, expires_at) "+
		"VALUES (?, ?)"+db.dialect.Upsert([]string{"token_id"}, []string{"expires_at"}), id,
		stamp(expires))
	if err != nil {
		return fmt.Errorf("revoke token: %w", err)
	}
	return nil
}

// Revoked reports whether the access token id or its family was revoked.
func (db *DB) Revoked(ctx context.Context, id, family string) (bool, error) {
	var n int
	err := db.read.GetContext(ctx, &n, `SELECT
		(SELECT COUNT(*) FROM revoked_tokens WHERE token_id = ?) +
		(SELECT COUNT(*) FROM revoked_families WHERE family = ?)`, id, family)
	if err != nil {
		return false, fmt.Errorf("revoked: %w", err)
	}
	return n > 0, nil
}

// Purge forgets refresh tokens and revoked ids that expired before the
// time, and revoked families none of whose tokens is left; and, being the
// one sweep of this database, single-use tokens of customer that expired.
func (db *DB) Purge(ctx context.Context, before time.Time) error {
	return db.inTx(ctx, func(tx *sqlx.Tx) error {
		for _, stmt := range []string{
			"DELETE FROM refresh_tokens WHERE expires_at < ?",
			"DELETE FROM revoked_tokens WHERE expires_at < ?",
			"DELETE FROM user_tokens WHERE expires_at < ?",
		} {
			if _, err := tx.ExecContext(ctx, stmt, stamp(before)); err != nil {
				return fmt.Errorf("purge: %w", err)
			}
		}
		_, err := tx.ExecContext(ctx, `DELETE FROM revoked_families WHERE NOT EXISTS
			(SELECT 1 FROM refresh_tokens t WHERE t.family = revoked_families.family)`)
		if err != nil {
			return fmt.Errorf("purge: %w", err)
		}
		return nil
	})
}
