// Package keyring reads and writes the key rings of the environment: items
// "id:base64" separated by commas, newest first, as in COMMERCE_JWT_KEYS and
// COMMERCE_PII_KEYS. Each package that uses a ring checks its own key sizes.
package keyring

import (
	"crypto/rand"
	"encoding/base64"
	"errors"
	"fmt"
	"strings"
)

// Item is one key of a ring: its id and its secret.
type Item struct {
	ID     string
	Secret []byte
}

// Parse reads a ring. The base64 may be standard or URL-safe, padded or
// not. Errors name the item at fault by position and id but never show a
// secret.
func Parse(spec string) ([]Item, error) {
	if strings.TrimSpace(spec) == "" {
		return nil, errors.New("no keys given")
	}
	var items []Item
	seen := map[string]bool{}
	for i, raw := range strings.Split(spec, ",") {
		id, encoded, ok := strings.Cut(strings.TrimSpace(raw), ":")
		if !ok {
			return nil, fmt.Errorf("key %d: want the form id:base64", i+1)
		}
		if err := CheckID(id); err != nil {
			return nil, fmt.Errorf("key %d: %w", i+1, err)
		}
		secret, err := decodeBase64(encoded)
		if err != nil {
			return nil, fmt.Errorf("key %d (%q): not valid base64", i+1, id)
		}
		if seen[id] {
			return nil, fmt.Errorf("key id %q given twice", id)
		}
		seen[id] = true
		items = append(items, Item{ID: id, Secret: secret})
	}
	return items, nil
}

// Format writes one item in the form Parse reads. The result holds the
// secret: write it only where secrets go.
func Format(id string, secret []byte) string {
	return id + ":" + base64.StdEncoding.EncodeToString(secret)
}

// Random returns n random bytes from the system's generator.
func Random(n int) ([]byte, error) {
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		return nil, fmt.Errorf("random key: %w", err)
	}
	return b, nil
}

// CheckID accepts an id of 1 to 32 letters, digits, '-' or '_': it travels
// in tokens and ciphertexts, so it must stay short and plain.
func CheckID(id string) error {
	ok := id != "" && len(id) <= 32
	for _, r := range id {
		ok = ok && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' ||
			r == '-' || r == '_')
	}
	if !ok {
		return fmt.Errorf("key id %q: want 1 to 32 letters, digits, '-' or '_'", id)
	}
	return nil
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
