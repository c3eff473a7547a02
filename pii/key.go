package pii

import (
	"fmt"

	"github.com/ecommerce-moderno/moderno/internal/keyring"
)

// KeySize is the length of an AES-256 key in bytes.
const KeySize = 32

// Key is one AES-256 key with the id that sealed texts carry.
type Key struct {
	ID     string
	secret []byte
}

// NewKey returns a key with the id over a copy of secret. It fails when the
// id is not 1 to 32 letters, digits, '-' or '_', or when secret is not
// exactly KeySize bytes.
func NewKey(id string, secret []byte) (Key, error) {
	if err := keyring.CheckID(id); err != nil {
		return Key{}, fmt.Errorf("pii: %w", err)
	}
	if len(secret) != KeySize {
		return Key{}, fmt.Errorf("pii: key %q has %d bytes; want exactly %d", id, len(secret),
			KeySize)
	}
	return Key{ID: id, secret: append([]byte(nil), secret...)}, nil
}

// GenerateKey returns a new random key with the id.
func GenerateKey(id string) (Key, error) {
	secret, err := keyring.Random(KeySize)
	if err != nil {
		return Key{}, fmt.Errorf("pii: generate key: %w", err)
	}
	return NewKey(id, secret)
}

// String returns the key in the form ParseKeys reads, "id:base64". It holds
// the secret: write it only where secrets go.
func (k Key) String() string { return keyring.Format(k.ID, k.secret) }

// ParseKeys reads a ring of keys written as "id:base64" items separated by
// commas, newest first, such as the value of COMMERCE_PII_KEYS. The base64
// may be standard or URL-safe, padded or not. Errors name the item at fault
// but never show a secret.
func ParseKeys(spec string) ([]Key, error) {
	items, err := keyring.Parse(spec)
	if err != nil {
		return nil, fmt.Errorf("pii: %w", err)
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
