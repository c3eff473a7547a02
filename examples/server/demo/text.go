package demo

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// clean trims a source text and folds runs of white space into one space.
func clean(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// truncate cuts s to at most n runes, at a word boundary when one is near.
func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)[:n]
	if i := strings.LastIndexByte(string(r), ' '); i > len(string(r))-20 && i > 0 {
		return strings.TrimSpace(string(r)[:i])
	}
	return string(r)
}

// shortLine joins the parts that have a value after their label, with " · ".
// A part is "label value"; one whose value is empty is left out.
func shortLine(parts ...string) string {
	var keep []string
	for _, p := range parts {
		if i := strings.IndexByte(p, ' '); i >= 0 && strings.TrimSpace(p[i:]) != "" {
			keep = append(keep, p)
		}
	}
	return strings.Join(keep, " · ")
}

// minorWords stay in lower case inside a brand name: "Casa de Campo".
var minorWords = map[string]bool{"de": true, "del": true, "la": true, "las": true,
	"los": true, "el": true, "y": true, "e": true}

// titleCase writes an upper-case brand as a name: "LA ANÓNIMA" → "La Anónima",
// "COCA-COLA" → "Coca-Cola", "S.C. JOHNSON" → "S.C. Johnson", "3M" → "3M".
// Names that already mix cases are kept as they are.
func titleCase(s string) string {
	if s != strings.ToUpper(s) {
		return s
	}
	words := strings.Fields(strings.ToLower(s))
	for i, w := range words {
		if i > 0 && minorWords[w] {
			continue
		}
		words[i] = capitalize(w)
	}
	return strings.Join(words, " ")
}

// capitalize upper-cases every letter that does not follow a letter or an
// apostrophe.
func capitalize(w string) string {
	var b strings.Builder
	prev := ' '
	for _, r := range w {
		if unicode.IsLetter(r) && !unicode.IsLetter(prev) && prev != '\'' {
			r = unicode.ToUpper(r)
		}
		b.WriteRune(r)
		prev = r
	}
	return b.String()
}
