package customer

import "strings"

// NormalizePhone returns a phone number in E.164 form, such as
// "+56912345678", and false when it is not one. Spaces, dashes, dots and
// parentheses are ignored. A number without a country code is taken as
// Chilean when it has the nine digits of a Chilean number ("9 1234 5678");
// a Chilean number with a country code must have those nine digits too.
// The empty string is accepted as no phone.
func NormalizePhone(s string) (string, bool) {
	var b strings.Builder
	for i, r := range strings.TrimSpace(s) {
		switch {
		case r >= '0' && r <= '9':
			b.WriteRune(r)
		case r == '+' && i == 0:
			b.WriteRune(r)
		case r == ' ' || r == '-' || r == '.' || r == '(' || r == ')':
		default:
			return "", false
		}
	}
	n := b.String()
	switch {
	case n == "":
		return "", true
	case !strings.HasPrefix(n, "+"):
		if len(n) != 9 || n[0] < '2' {
			return "", false
		}
		n = "+56" + n
	}
	digits := n[1:]
	if len(digits) < 8 || len(digits) > 15 || digits[0] == '0' || strings.Contains(digits, "+") {
		return "", false
	}
	if strings.HasPrefix(digits, "56") && len(digits) != 11 {
		return "", false
	}
	return n, true
}
