package auth

import (
	"fmt"

	"github.com/ecommerce-moderno/moderno/internal/keyring"
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
	if err := keyring.CheckID(id); err != nil {
		return Key{}, fmt.Errorf("auth: %w", err)
	}
	if len(secret) < MinKeySize {
		return Key{}, fmt.Errorf("auth: key %q has %d bytes; want at least %d", id,
			len(secret), MinKeySize)
	}
	return Key{ID: id, secret: append([]byte(nil), secret...)}, nil
}

// GenerateKey returns a new random key of MinKeySize bytes with the id.
func GenerateKey(id string) (Key, error) {
	secret, err := keyring.Random(MinKeySize)
	if err != nil {
		return Key{}, fmt.Errorf("auth: generate key: %w", err)
	}
	return NewKey(id, secret)
}

// String returns the key in the form ParseKeys reads, "id:base64". It holds
// the secret: write it only where secrets go.
func (k Key) String() string { return keyring.Format(k.ID, k.secret) }

// ParseKeys reads a ring of keys written as "id:base64" items separated by
// commas, newest first, such as the value of COMMERCE_JWT_KEYS. The base64
// may be standard or URL-safe, padded or not. Errors name the item at fault
// but never show a secret.
func ParseKeys(spec string) ([]Key, error) {
	items, err := keyring.Parse(spec)
	if err != nil {
		return nil, fmt.Errorf("auth: %w", err)
	}
	keys := make([]Key, 0, len(items))
	for _, it := range items {
		k, err := NewKey(it.ID, it.Secret)
		if err != nil {
			return nil, err
		}
		keys = append(keys, k)
	}
	return keys, nil
}
