package customer

import (
	"context"
	"time"

	"github.com/ecommerce-moderno/moderno/commerce"
)

// Store keeps accounts. Adapters return commerce errors: KindNotFound for a
// missing row, KindConflict for a taken e-mail. E-mails are unique and found
// compared without case, even when two callers race to create one. The
// customertest suite checks every adapter against this contract.
type Store interface {
	UserStore
	CredentialStore
	TokenStore
	AddressStore
}

// UserStore keeps users and the audit log of changes to them.
type UserStore interface {
	// CreateUser stores a new user with the password hash, which also
	// starts the password history, and sets u.ID.
	CreateUser(ctx context.Context, u *User, passwordHash string) error
	User(ctx context.Context, id commerce.UserID) (User, error)
	// UserByEmail finds a user by normalised e-mail.
	UserByEmail(ctx context.Context, email string) (User, error)
	// UpdateUser writes every field of u but ID, Email, CreatedAt and
	// PasswordChangedAt, and appends audit, when not nil, in the same
	// transaction.
	UpdateUser(ctx context.Context, u *User, audit *AuditEntry) error
	// EraseUser replaces the user with the anonymised u (every field but ID
	// and CreatedAt, e-mail included), sets the password hash to the empty
	// string, deletes the password history, addresses and single-use tokens
	// of the user, and appends audit, all in one transaction.
	EraseUser(ctx context.Context, u User, audit AuditEntry) error
	// ListUsers returns one page of the users matching q, ordered by id,
	// and how many match in all.
	ListUsers(ctx context.Context, q UserQuery) ([]User, int, error)
	// Audit returns one page of the entries about q.SubjectID (every
	// subject when zero), newest first, and how many there are in all.
	Audit(ctx context.Context, q AuditQuery) ([]AuditEntry, int, error)
}

// CredentialStore keeps password hashes and counts failed sign-ins.
type CredentialStore interface {
	// Credentials returns the user's password hash and the hashes of the
	// passwords before it.
	Credentials(ctx context.Context, id commerce.UserID) (Credentials, error)
	// SetPassword replaces the user's password hash, sets
	// PasswordChangedAt, and puts the hash first in the history, keeping
	// the newest keep hashes, in one transaction.
	SetPassword(ctx context.Context, id commerce.UserID, hash string, at time.Time,
		keep int) error
	// LoginFailures returns the failed sign-ins counted under key, zero
	// when none.
	LoginFailures(ctx context.Context, key string) (Failures, error)
	// RecordLoginFailure atomically adds one failure under key at the time
	// and returns the count: failures before since are forgotten first.
	RecordLoginFailure(ctx context.Context, key string, at, since time.Time) (Failures, error)
	// ClearLoginFailures forgets the failures under key.
	ClearLoginFailures(ctx context.Context, key string) error
}

// TokenStore keeps single-use tokens, by the hash of their value.
type TokenStore interface {
	// SaveToken stores a new token. It returns KindConflict for a taken
	// hash.
	SaveToken(ctx context.Context, t Token) error
	// FindToken returns the token with the hash and purpose when it is
	// unused and expires after at, and KindNotFound otherwise.
	FindToken(ctx context.Context, hash string, purpose Purpose, at time.Time) (Token, error)
	// UseToken is FindToken that also marks the token used, atomically: of
	// two concurrent calls, one gets KindNotFound.
	UseToken(ctx context.Context, hash string, purpose Purpose, at time.Time) (Token, error)
	// DeleteTokens deletes every token of the user for the purpose.
	DeleteTokens(ctx context.Context, user commerce.UserID, purpose Purpose) error
}

// AddressStore keeps addresses. Every call names the owner, and an address
// of another user is KindNotFound, so that no mistake in a caller can reach
// someone else's.
type AddressStore interface {
	// CreateAddress stores a new address of a.UserID and sets a.ID. When
	// a.Default, the user's other addresses lose Default in the same
	// transaction.
	CreateAddress(ctx context.Context, a *Address) error
	// UpdateAddress writes every field of the address a.ID of a.UserID but
	// CreatedAt, clearing the others' Default as CreateAddress does.
	UpdateAddress(ctx context.Context, a *Address) error
	DeleteAddress(ctx context.Context, user commerce.UserID, id AddressID) error
	Address(ctx context.Context, user commerce.UserID, id AddressID) (Address, error)
	// Addresses returns the user's addresses, ordered by id.
	Addresses(ctx context.Context, user commerce.UserID) ([]Address, error)
}

// Credentials are a user's password hashes.
type Credentials struct {
	Hash    string   // argon2id PHC string; empty for an erased account
	History []string // the newest first, the current one included
}

// Failures counts failed sign-ins under one key.
type Failures struct {
	Count int
	Last  time.Time
}

// Purpose says what a single-use token is for.
type Purpose string

// The purposes of single-use tokens.
const (
	PurposeVerifyEmail   Purpose = "verify_email"
	PurposeResetPassword Purpose = "reset_password"
)

// Token is a single-use token as a Store keeps it: the hash of its value,
// never the value itself.
type Token struct {
	Hash      string // hex SHA-256 of the value; unique
	Purpose   Purpose
	UserID    commerce.UserID
	Email     string // the address it was sent to
	CreatedAt time.Time
	ExpiresAt time.Time
	UsedAt    time.Time
}

// UserQuery is a page of the user listing.
type UserQuery struct {
	Search string        // in e-mail or name, case-insensitive
	Role   commerce.Role // every role when empty
	Active *bool         // both when nil
	Offset int
	Limit  int
}

// AuditQuery is a page of the audit log.
type AuditQuery struct {
	SubjectID commerce.UserID // every subject when zero
	Offset    int
	Limit     int
}
