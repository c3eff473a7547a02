// Package auth issues and checks the tokens of signed-in users and keeps
// their sessions.
//
// An access token is a JWT signed with HS256 under a ring of keys (the kid
// header names the key, so keys can rotate), valid for an hour and checked
// on every request without a round trip beyond the revocation check. A
// refresh token is an opaque random value, stored only as a hash, valid for
// seven days and good for one use: each use rotates it into a new one of the
// same family. A session is such a family. Presenting a refresh token that
// was already used means it was copied, so the whole family is revoked, and
// with it every access token it issued.
//
// Revocations live in a Store: the SQL adapters by default, Redis when it is
// configured, so that every server instance honours them. The authtest
// package holds the contract suite every Store runs and an in-memory Store.
//
// The package also names the security events the library publishes and
// carries the origin of a request (IP, request id) in its context.
package auth
