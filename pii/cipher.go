package pii

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"encoding/base64"
	"errors"
	"fmt"
	"strings"
)

// version prefixes every sealed text, so the format can change later.
const version = "v1"

// ErrOpen is returned when a sealed text cannot be opened: it is malformed,
// its key left the ring, it was altered, or it belongs to another context.
var ErrOpen = errors.New("pii: cannot open sealed text")

// Cipher seals and opens texts under a ring of keys. It is safe for
// concurrent use.
type Cipher struct {
	newest string
	aeads  map[string]cipher.AEAD
}

// New returns a Cipher over the keys, newest first: the first seals, all
// open. It fails when no key is given or two share an id.
func New(keys ...Key) (*Cipher, error) {
	if len(keys) == 0 {
		return nil, errors.New("pii: no keys given")
	}
	c := &Cipher{newest: keys[0].ID, aeads: make(map[string]cipher.AEAD, len(keys))}
	for _, k := range keys {
		if _, dup := c.aeads[k.ID]; dup {
			return nil, fmt.Errorf("pii: key id %q given twice", k.ID)
		}
		if len(k.secret) != KeySize {
			return nil, fmt.Errorf("pii: key %q is not a %d-byte key", k.ID, KeySize)
		}
		block, err := aes.NewCipher(k.secret)
		if err != nil {
			return nil, fmt.Errorf("pii: key %q: %w", k.ID, err)
		}
		aead, err := cipher.NewGCM(block)
		if err != nil {
			return nil, fmt.Errorf("pii: key %q: %w", k.ID, err)
		}
		c.aeads[k.ID] = aead
	}
	return c, nil
}

// Seal returns plain sealed under the newest key for the context, as
// "v1.<key id>.<base64>". The empty text stays empty, so that an optional
// field left blank needs no key to read.
func (c *Cipher) Seal(context, plain string) (string, error) {
	if plain == "" {
		return "", nil
	}
	aead := c.aeads[c.newest]
	nonce := make([]byte, aead.NonceSize(), aead.NonceSize()+len(plain)+aead.Overhead())
	if _, err := rand.Read(nonce); err != nil {
		return "", fmt.Errorf("pii: seal: %w", err)
	}
	sealed := aead.Seal(nonce, nonce, []byte(plain), additional(c.newest, context))
	return version + "." + c.newest + "." + base64.RawURLEncoding.EncodeToString(sealed), nil
}

// Open returns the text that Seal sealed for the context. The empty text
// opens to itself. It returns an error wrapping ErrOpen for anything else
// that does not open.
func (c *Cipher) Open(context, sealed string) (string, error) {
	if sealed == "" {
		return "", nil
	}
	id, data, ok := split(sealed)
	aead := c.aeads[id]
	if !ok || aead == nil || len(data) < aead.NonceSize() {
		return "", fmt.Errorf("%w: unknown key or malformed text", ErrOpen)
	}
	nonce, body := data[:aead.NonceSize()], data[aead.NonceSize():]
	plain, err := aead.Open(nil, nonce, body, additional(id, context))
	if err != nil {
		return "", fmt.Errorf("%w: authentication failed", ErrOpen)
	}
	return string(plain), nil
}

// Stale reports whether sealed was sealed under a key other than the newest,
// so that a background job may seal it again.
func (c *Cipher) Stale(sealed string) bool {
	if sealed == "" {
		return false
	}
	id, _, ok := split(sealed)
	return !ok || id != c.newest
}

// KeyID returns the id of the key that seals.
func (c *Cipher) KeyID() string { return c.newest }

func split(sealed string) (id string, data []byte, ok bool) {
	parts := strings.SplitN(sealed, ".", 3)
	if len(parts) != 3 || parts[0] != version {
		return "", nil, false
	}
	data, err := base64.RawURLEncoding.DecodeString(parts[2])
	if err != nil {
		return "", nil, false
	}
	return parts[1], data, true
}

// additional binds a sealed text to its format, key and context.
func additional(id, context string) []byte {
	return []byte(version + "." + id + "|" + context)
}
