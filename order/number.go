package order

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
)

// crockford is Crockford's base 32 alphabet: no I, L, O or U, so a number
// read aloud over the phone cannot be misheard as another.
const crockford = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"

// NewNumber returns an order number for people: the prefix, the year, and
// eight random characters of Crockford's base 32 in two groups, such as
// "CL-2026-7K3F-9QX2". The random part (40 bits) does not reveal how many
// orders the store takes; the store's unique constraint catches the rare
// collision and the caller draws again.
func NewNumber(prefix string, at time.Time, random io.Reader) (string, error) {
	var b [8]byte
	if _, err := io.ReadFull(random, b[:]); err != nil {
		return "", fmt.Errorf("order number: %w", err)
	}
	var s strings.Builder
	s.WriteString(prefix)
	s.WriteByte('-')
	s.WriteString(strconv.Itoa(at.Year()))
	for i, c := range b {
		if i%4 == 0 {
			s.WriteByte('-')
		}
		s.WriteByte(crockford[c&31])
	}
	return s.String(), nil
}
