package auth

import (
	"crypto/rand"
	"encoding/base64"
	"errors"
	"fmt"
	"strings"
)

// MinKeySize is the shortest HMAC key accepted, in bytes: as long as the
// SHA-256 output, as RFC 7518 asks for HS256.
const MinKeySize = 32

// Key is one HMAC key with the id that tokens signed under it carry.
type Key struct {
	ID     string
	secret []byte
}

// NewKey returns a key with the id over a copy of secret. It fails when the
// id is not 1 to 32 letters, digits, '-' or '_', or the secret is shorter
// than MinKeySize bytes.
func NewKey(id string, secret []byte) (Key, error) {
	if !validID(id) {
		return Key{}, fmt.Errorf("auth: key id %q: want 1 to 32 letters, digits, '-' or '_'", id)
	}
	if len(secret) < MinKeySize {
		return Key{}, fmt.Errorf("auth: key %q has %d bytes; want at least %d", id,
			len(secret), MinKeySize)
	}
	return Key{ID: id, secret: append([]byte(nil), secret...)}, nil
}

// GenerateKey returns a new random key of MinKeySize bytes with the id.
func GenerateKey(id string) (Key, error) {
	secret := make([]byte, MinKeySize)
	if _, err := rand.Read(secret); err != nil {
		return Key{}, fmt.Errorf("auth: generate key: %w", err)
	}
	return NewKey(id, secret)
}

// String returns the key in the form ParseKeys reads, "id:base64". It holds
// the secret: write it only where secrets go.
func (k Key) String() string {
	return k.ID + ":" + base64.StdEncoding.EncodeToString(k.secret)
}

// ParseKeys reads a ring of keys written as "id:base64" items separated by
// commas, newest first, such as the value of COMMERCE_JWT_KEYS. The base64
// may be standard or URL-safe, padded or not. Errors name the item at fault
// but never show a secret.
func ParseKeys(spec string) ([]Key, error) {
	if strings.TrimSpace(spec) == "" {
		return nil, errors.New("auth: no keys given")
	}
	var keys []Key
	seen := map[string]bool{}
	for i, item := range strings.Split(spec, ",") {
		id, encoded, ok := strings.Cut(strings.TrimSpace(item), ":")
		if !ok {
			return nil, fmt.Errorf("auth: key %d: want the form id:base64", i+1)
		}
		secret, err := decodeBase64(encoded)
		if err != nil {
			return nil, fmt.Errorf("auth: key %d (%q): not valid base64", i+1, id)
		}
		k, err := NewKey(id, secret)
		if err != nil {
			return nil, err
		}
		if seen[id] {
			return nil, fmt.Errorf("auth: key id %q given twice", id)
		}
		seen[id] = true
		keys = append(keys, k)
	}
	return keys, nil
}

func decodeBase64(s string) ([]byte, error) {
	s = strings.TrimSpace(s)
	for _, enc := range []*base64.Encoding{base64.StdEncoding, base64.RawStdEncoding,
		base64.URLEncoding, base64.RawURLEncoding} {
		if b, err := enc.DecodeString(s); err == nil {
			return b, nil
		}
	}
	return nil, errors.New("not base64")
}

func validID(id string) bool {
	if id == "" || len(id) > 32 {
		return false
	}
	for _, r := range id {
		ok := r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' ||
			r == '-' || r == '_'
		if !ok {
			return false
		}
	}
	return true
}
