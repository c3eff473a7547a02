package customer

import (
	"strings"
	"unicode"

	"golang.org/x/net/idna"
	"golang.org/x/text/unicode/norm"
	"golang.org/x/text/width"
)

// NormalizeEmail returns the form an e-mail address is stored and compared
// in, as the package documentation describes, and false when it is not one
// the store accepts.
func NormalizeEmail(s string) (string, bool) {
	s = norm.NFC.String(strings.TrimSpace(s))
	if s == "" || len(s) > 254 || width.Fold.String(s) != s {
		return "", false
	}
	for _, r := range s {
		if unicode.IsControl(r) || unicode.IsSpace(r) || r == unicode.ReplacementChar {
			return "", false
		}
	}
	local, domain, ok := strings.Cut(s, "@")
	if !ok || strings.Contains(domain, "@") || !validLocal(local) {
		return "", false
	}
	domain, ok = normalizeDomain(domain)
	if !ok {
		return "", false
	}
	email := strings.ToLower(local) + "@" + domain
	return email, len(email) <= 254
}

// validLocal accepts the dot-atom of RFC 5322 in ASCII: no quoted strings,
// no comments, no dot at either end or twice in a row.
func validLocal(local string) bool {
	if local == "" || len(local) > 64 || local[0] == '.' || local[len(local)-1] == '.' ||
		strings.Contains(local, "..") {
		return false
	}
	for i := 0; i < len(local); i++ {
		c := local[i]
		ok := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' ||
			strings.IndexByte(".!#$%&'*+-/=?^_`{|}~", c) >= 0
		if !ok {
			return false
		}
	}
	return true
}

func normalizeDomain(domain string) (string, bool) {
	domain = strings.ToLower(domain)
	for _, label := range strings.Split(domain, ".") {
		if mixesScripts(label) {
			return "", false
		}
	}
	ascii, err := idna.Lookup.ToASCII(domain)
	if err != nil || len(ascii) > 253 || !strings.Contains(ascii, ".") {
		return "", false
	}
	labels := strings.Split(ascii, ".")
	tld := labels[len(labels)-1]
	if len(tld) < 2 || strings.Trim(tld, "0123456789") == "" {
		return "", false
	}
	for _, l := range labels {
		if l == "" || len(l) > 63 {
			return "", false
		}
	}
	return ascii, true
}

// mixesScripts reports whether a label holds letters of more than one of
// the scripts whose letters look alike: Latin, Cyrillic and Greek.
func mixesScripts(label string) bool {
	var latin, cyrillic, greek bool
	for _, r := range label {
		switch {
		case unicode.Is(unicode.Latin, r):
			latin = true
		case unicode.Is(unicode.Cyrillic, r):
			cyrillic = true
		case unicode.Is(unicode.Greek, r):
			greek = true
		}
	}
	n := 0
	for _, b := range []bool{latin, cyrillic, greek} {
		if b {
			n++
		}
	}
	return n > 1
}
