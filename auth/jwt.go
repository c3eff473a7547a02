package auth

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"strconv"
	"strings"

	"github.com/golang-jwt/jwt/v5"

	"github.com/ecommerce-moderno/moderno/commerce"
)

// jwtClaims is the wire form of an access token's claims: the registered
// ones, the role and the session.
type jwtClaims struct {
	Role    commerce.Role `json:"role"`
	Session string        `json:"sid"`
	jwt.RegisteredClaims
}

func toJWT(c Claims, cfg Config) jwtClaims {
	return jwtClaims{Role: c.Role, Session: c.Session, RegisteredClaims: jwt.RegisteredClaims{
		Issuer:    cfg.Issuer,
		Subject:   strconv.FormatInt(int64(c.UserID), 10),
		Audience:  jwt.ClaimStrings{cfg.Audience},
		ExpiresAt: jwt.NewNumericDate(c.ExpiresAt),
		NotBefore: jwt.NewNumericDate(c.IssuedAt),
		IssuedAt:  jwt.NewNumericDate(c.IssuedAt),
		ID:        c.TokenID,
	}}
}

func fromJWT(jc jwtClaims) (Claims, error) {
	id, ok := commerce.ParseID(jc.Subject)
	switch {
	case !ok:
		return Claims{}, errors.New("bad subject")
	case !jc.Role.Valid():
		return Claims{}, errors.New("unknown role")
	case jc.ID == "" || jc.Session == "":
		return Claims{}, errors.New("missing jti or sid")
	}
	c := Claims{UserID: commerce.UserID(id), Role: jc.Role, TokenID: jc.ID,
		Session: jc.Session}
	if jc.IssuedAt != nil {
		c.IssuedAt = jc.IssuedAt.Time
	}
	if jc.ExpiresAt != nil {
		c.ExpiresAt = jc.ExpiresAt.Time
	}
	return c, nil
}

// refreshPrefix starts every refresh token, so a token of another kind is
// refused before any store is asked, and secret scanners can spot leaks.
const refreshPrefix = "mrt_"

// newID returns a random id of 128 bits.
func newID() string { return rand.Text() }

// newRefresh returns a new refresh token of 256 random bits and its hash.
func newRefresh() (raw, hash string) {
	raw = refreshPrefix + rand.Text() + rand.Text()
	sum := sha256.Sum256([]byte(raw))
	return raw, hex.EncodeToString(sum[:])
}

// hashRefresh returns the hash a refresh token is stored under, and false
// when raw cannot be one.
func hashRefresh(raw string) (string, bool) {
	if len(raw) != len(refreshPrefix)+52 || !strings.HasPrefix(raw, refreshPrefix) {
		return "", false
	}
	sum := sha256.Sum256([]byte(raw))
	return hex.EncodeToString(sum[:]), true
}

// HashToken returns the hex SHA-256 of a refresh token, as a Store keeps it.
// Adapters' tests use it; the service never stores the token itself.
func HashToken(raw string) string {
	sum := sha256.Sum256([]byte(raw))
	return hex.EncodeToString(sum[:])
}
