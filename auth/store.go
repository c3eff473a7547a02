package auth

import (
	"context"
	"time"

	"github.com/ecommerce-moderno/moderno/commerce"
)

// Refresh is a refresh token as a Store keeps it: the hash of its value,
// never the value itself.
type Refresh struct {
	Hash      string          // hex SHA-256 of the token; unique
	Family    string          // the session: every token rotated from one sign-in
	UserID    commerce.UserID //
	Started   time.Time       // when the family's first token was issued
	IssuedAt  time.Time       //
	ExpiresAt time.Time       //
	UsedAt    time.Time       // zero until the token is rotated or logged out
	RevokedAt time.Time       // zero unless its family was revoked
}

// Store keeps refresh tokens and revocations. Every server instance must
// see the same Store for revocations to hold everywhere. Adapters return
// commerce errors; the authtest suite checks every adapter against this
// contract.
type Store interface {
	// SaveRefresh stores a new refresh token. A token saved into a revoked
	// family is revoked too. It returns KindConflict when the hash is taken.
	SaveRefresh(ctx context.Context, r Refresh) error
	// UseRefresh marks the token with the hash used at the time, atomically
	// and only when it was neither used nor revoked, and returns it as it
	// was before: a token that comes back with UsedAt or RevokedAt set was
	// left unchanged. Of two concurrent calls with one hash, exactly one
	// sees UsedAt zero. It returns KindNotFound when no token has the hash.
	UseRefresh(ctx context.Context, hash string, at time.Time) (Refresh, error)
	// RevokeFamily sets RevokedAt on every token of the family that has none,
	// and from then on Revoked reports the family revoked. Revoking an
	// unknown or revoked family is no error.
	RevokeFamily(ctx context.Context, family string, at time.Time) error
	// RevokeUser revokes every family of the user, as RevokeFamily does.
	RevokeUser(ctx context.Context, user commerce.UserID, at time.Time) error
	// RevokeToken remembers the id of an access token as revoked at least
	// until expires.
	RevokeToken(ctx context.Context, id string, expires time.Time) error
	// Revoked reports whether the access token with the id, issued in the
	// family, was revoked by RevokeToken, or its family by RevokeFamily or
	// RevokeUser.
	Revoked(ctx context.Context, id, family string) (bool, error)
	// Purge forgets refresh tokens and revoked ids that expired before the
	// time. A family stays revoked while any of its tokens is kept.
	Purge(ctx context.Context, before time.Time) error
}
