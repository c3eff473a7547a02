package customer

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/crypto/argon2"
	"golang.org/x/text/unicode/norm"

	"github.com/ecommerce-moderno/moderno/commerce"
)

// The bounds of a password, in characters. The upper one keeps hashing
// cheap enough that long inputs cannot be used to tire the server.
const (
	MinPasswordLength = 8
	MaxPasswordLength = 128
)

// CheckPassword returns the rules of section 7.2 that password breaks, as
// field errors on field with messages in Spanish: at least eight
// characters, an upper-case and a lower-case letter, a digit and a symbol.
// A password may not hold the local part of the account's e-mail either.
func CheckPassword(field, password, email string) []commerce.FieldError {
	var bad commerce.Fields
	n := utf8.RuneCountInString(password)
	bad.Check(n >= MinPasswordLength, field, "debe tener al menos 8 caracteres")
	bad.Check(n <= MaxPasswordLength, field, "debe tener como máximo 128 caracteres")
	var upper, lower, digit, symbol, control bool
	for _, r := range password {
		switch {
		case unicode.IsControl(r) || r == utf8.RuneError:
			control = true
		case unicode.IsUpper(r):
			upper = true
		case unicode.IsLower(r):
			lower = true
		case unicode.IsDigit(r):
			digit = true
		case !unicode.IsLetter(r):
			symbol = true
		}
	}
	bad.Check(upper, field, "debe incluir una letra mayúscula")
	bad.Check(lower, field, "debe incluir una letra minúscula")
	bad.Check(digit, field, "debe incluir un número")
	bad.Check(symbol, field, "debe incluir un símbolo, como ! o #")
	bad.Check(!control, field, "contiene caracteres no permitidos")
	local, _, _ := strings.Cut(email, "@")
	bad.Check(len(local) < 4 || !strings.Contains(strings.ToLower(password), local), field,
		"no debe contener su correo electrónico")
	return bad
}

// Hasher hashes passwords with argon2id. Its zero value is not ready: use
// DefaultHasher or NewHasher.
type Hasher struct {
	memory  uint32 // KiB
	time    uint32
	threads uint8
}

// DefaultHasher uses the parameters OWASP recommends for argon2id: 19 MiB
// of memory, two passes, one thread.
var DefaultHasher = &Hasher{memory: 19 * 1024, time: 2, threads: 1}

// NewHasher returns a Hasher with the memory in KiB, passes and threads.
// Outside tests it refuses parameters weaker than OWASP's minimum (memory
// times passes of at least 19 MiB times two, and at least 7 MiB of memory);
// tests may use weak ones to run fast.
func NewHasher(memoryKiB, passes uint32, threads uint8) (*Hasher, error) {
	if memoryKiB == 0 || passes == 0 || threads == 0 || memoryKiB > 4<<20 || passes > 64 {
		return nil, errors.New("customer: argon2id parameters out of range")
	}
	weak := memoryKiB < 7*1024 || uint64(memoryKiB)*uint64(passes) < 2*19*1024
	if weak && !testing.Testing() {
		return nil, errors.New("customer: argon2id parameters weaker than OWASP's minimum")
	}
	return &Hasher{memory: memoryKiB, time: passes, threads: threads}, nil
}

// Hash returns the PHC string of the password under a fresh salt, such as
// "$argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>".
func (h *Hasher) Hash(password string) (string, error) {
	salt := make([]byte, 16)
	if _, err := rand.Read(salt); err != nil {
		return "", fmt.Errorf("customer: hash password: %w", err)
	}
	key := argon2.IDKey([]byte(norm.NFKC.String(password)), salt, h.time, h.memory, h.threads,
		32)
	b64 := base64.RawStdEncoding
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s", argon2.Version, h.memory,
		h.time, h.threads, b64.EncodeToString(salt), b64.EncodeToString(key)), nil
}

// Verify reports whether password matches the PHC string, with the
// parameters the string names. A hash that is empty or malformed matches
// nothing.
func (h *Hasher) Verify(phc, password string) bool {
	p, ok := parsePHC(phc)
	if !ok {
		return false
	}
	key := argon2.IDKey([]byte(norm.NFKC.String(password)), p.salt, p.time, p.memory,
		p.threads, uint32(len(p.key)))
	return subtle.ConstantTimeCompare(key, p.key) == 1
}

type phc struct {
	memory, time uint32
	threads      uint8
	salt, key    []byte
}

// parsePHC reads an argon2id PHC string, refusing parameters so large that
// a tampered row could tie up the server.
func parsePHC(s string) (phc, bool) {
	parts := strings.Split(s, "$")
	if len(parts) != 6 || parts[1] != "argon2id" || parts[2] != fmt.Sprintf("v=%d", argon2.Version) {
		return phc{}, false
	}
	var p phc
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &p.memory, &p.time, &p.threads); err != nil {
		return phc{}, false
	}
	var err1, err2 error
	p.salt, err1 = base64.RawStdEncoding.DecodeString(parts[4])
	p.key, err2 = base64.RawStdEncoding.DecodeString(parts[5])
	ok := err1 == nil && err2 == nil && len(p.salt) >= 8 && len(p.key) >= 16 &&
		len(p.key) <= 64 && p.memory > 0 && p.memory <= 4<<20 && p.time > 0 && p.time <= 64 &&
		p.threads > 0
	return p, ok
}
