package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/jmoiron/sqlx"

	"github.com/ecommerce-moderno/moderno/commerce"
	"github.com/ecommerce-moderno/moderno/customer"
)

type tokenRow struct {
	Hash      string       `db:"hash"`
	Purpose   string       `db:"purpose"`
	UserID    int64        `db:"user_id"`
	Email     string       `db:"email"`
	CreatedAt time.Time    `db:"created_at"`
	ExpiresAt time.Time    `db:"expires_at"`
	UsedAt    sql.NullTime `db:"used_at"`
}

func (r tokenRow) token() customer.Token {
	return customer.Token{Hash: r.Hash, Purpose: customer.Purpose(r.Purpose),
		UserID: commerce.UserID(r.UserID), Email: r.Email, CreatedAt: r.CreatedAt.UTC(),
		ExpiresAt: r.ExpiresAt.UTC(), UsedAt: fromNull(r.UsedAt)}
}

// usable is the condition a token must meet to be found or used: the
// hash, the purpose, unused and not yet expired.
const usable = "hash = ? AND purpose = ? AND used_at IS NULL AND expires_at > ?"

// SaveToken stores a new single-use token. It returns KindConflict for a
// taken hash.
func (db *DB) SaveToken(ctx context.Context, t customer.Token) error {
	const op = "save token"
	_, err := db.write.ExecContext(ctx, `INSERT INTO user_tokens (hash, purpose, user_id, email,
		created_at, expires_at, used_at) VALUES (?, ?, ?, ?, ?, ?, ?)`, t.Hash,
		string(t.Purpose), int64(t.UserID), t.Email, stamp(t.CreatedAt), stamp(t.ExpiresAt),
		timeValue(t.UsedAt))
	if err != nil {
		return db.writeError(ctx, db.write, op, err,
			refTo("user_id", "users", int64(t.UserID)))
	}
	return nil
}

// FindToken returns the unused token with the hash and purpose that
// expires after at. It returns KindNotFound otherwise.
func (db *DB) FindToken(ctx context.Context, hash string, purpose customer.Purpose,
	at time.Time) (customer.Token, error) {
	return findToken(ctx, db.read, hash, purpose, at)
}

func findToken(ctx context.Context, q sqlx.QueryerContext, hash string,
	purpose customer.Purpose, at time.Time) (customer.Token, error) {
	var r tokenRow
	err := sqlx.GetContext(ctx, q, &r, `SELECT hash, purpose, user_id, email, created_at,
		expires_at, used_at FROM user_tokens WHERE `+usable, hash, string(purpose), stamp(at))
	if err != nil {
		return customer.Token{}, readError("find token", "token", err)
	}
	return r.token(), nil
}

// UseToken marks the token used, when FindToken would find it, and returns
// it. Of concurrent calls with one hash, one succeeds and the others get
// KindNotFound.
func (db *DB) UseToken(ctx context.Context, hash string, purpose customer.Purpose,
	at time.Time) (customer.Token, error) {
	const op = "use token"
	var t customer.Token
	err := db.inTx(ctx, func(tx *sqlx.Tx) error {
		// The update locks the row, so a concurrent use waits and then
		// finds it used.
		res, err := tx.ExecContext(ctx, "UPDATE user_tokens SET used_at = ? WHERE "+usable,
			stamp(at), hash, string(purpose), stamp(at))
		if err != nil {
			return fmt.Errorf("%s: %w", op, err)
		}
		if err := mustAffect(op, "token", res); err != nil {
			return err
		}
		var r tokenRow
		err = tx.GetContext(ctx, &r, `SELECT hash, purpose, user_id, email, created_at,
			expires_at, used_at FROM user_tokens WHERE hash = ?`, hash)
		if err != nil {
			return readError(op, "token", err)
		}
		t = r.token()
		return nil
	})
	return t, err
}

// DeleteTokens deletes every token of the user for the purpose.
func (db *DB) DeleteTokens(ctx context.Context, user commerce.UserID,
	purpose customer.Purpose) error {
	_, err := db.write.ExecContext(ctx, "DELETE FROM user_tokens WHERE user_id = ? AND "+
		"purpose = ?", int64(user), string(purpose))
	if err != nil {
		return fmt.Errorf("delete tokens: %w", err)
	}
	return nil
}
