package sqlstore

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// fold lowers s and drops its accents ("Camión" → "camion"). Searchable
// text is stored folded and search words are folded the same way, so a
// plain LIKE matches regardless of case and accents in both engines.
func fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range norm.NFD.String(s) {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// likeEscape is the escape character of every LIKE pattern; '!' needs no
// escaping in MySQL string literals, unlike a backslash.
const likeEscape = "!"

// containsPattern returns a LIKE pattern matching text that contains word,
// with the wildcards of word taken literally.
func containsPattern(word string) string {
	r := strings.NewReplacer("!", "!!", "%", "!%", "_", "!_")
	return "%" + r.Replace(word) + "%"
}
