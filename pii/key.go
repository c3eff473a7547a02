package pii

import (
	"crypto/rand"
	"encoding/base64"
	"errors"
	"fmt"
	"strings"
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
	if !validID(id) {
		return Key{}, fmt.Errorf("pii: key id %q: want 1 to 32 letters, digits, '-' or '_'", id)
	}
	if len(secret) != KeySize {
		return Key{}, fmt.Errorf("pii: key %q has %d bytes; want exactly %d", id, len(secret),
			KeySize)
	}
	return Key{ID: id, secret: append([]byte(nil), secret...)}, nil
}

// GenerateKey returns a new random key with the id.
func GenerateKey(id string) (Key, error) {
	secret := make([]byte, KeySize)
	if _, err := rand.Read(secret); err != nil {
		return Key{}, fmt.Errorf("pii: generate key: %w", err)
	}
	return NewKey(id, secret)
}

// String returns the key in the form ParseKeys reads, "id:base64". It holds
// the secret: write it only where secrets go.
func (k Key) String() string {
	return k.ID + ":" + base64.StdEncoding.EncodeToString(k.secret)
}

// ParseKeys reads a ring of keys written as "id:base64" items separated by
// commas, newest first, such as the value of COMMERCE_PII_KEYS. The base64
// may be standard or URL-safe, padded or not. Errors name the item at fault
// but never show a secret.
func ParseKeys(spec string) ([]Key, error) {
	if strings.TrimSpace(spec) == "" {
		return nil, errors.New("pii: no keys given")
	}
	var keys []Key
	for i, item := range strings.Split(spec, ",") {
		id, encoded, ok := strings.Cut(strings.TrimSpace(item), ":")
		if !ok {
			return nil, fmt.Errorf("pii: key %d: want the form id:base64", i+1)
		}
		secret, err := decodeBase64(encoded)
		if err != nil {
			return nil, fmt.Errorf("pii: key %d (%q): not valid base64", i+1, id)
		}
		k, err := NewKey(id, secret)
		if err != nil {
			return nil, err
		}
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
