package search

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kljensen/snowball/spanish"
	"golang.org/x/text/unicode/norm"
)

// Fold returns text in lower case without diacritics, so that "Camión",
// "camion" and "CAMIÓN" read the same: "camion". The ñ folds to n, as
// Elasticsearch's asciifolding does, because shoppers often type "nino"
// for "niño".
func Fold(text string) string {
	if isPlainLower(text) {
		return text
	}
	var b strings.Builder
	b.Grow(len(text))
	for _, r := range norm.NFD.String(text) {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// isPlainLower reports whether text is ASCII without upper-case letters,
// the common case Fold can return untouched.
func isPlainLower(text string) bool {
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c >= utf8.RuneSelf || (c >= 'A' && c <= 'Z') {
			return false
		}
	}
	return true
}

// Words splits text into folded words: runs of letters and digits. Every
// other character separates words, so "Coca-Cola 1.5L" gives "coca", "cola",
// "1", "5l".
func Words(text string) []string {
	return strings.FieldsFunc(Fold(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// IsStopWord reports whether the folded word carries no meaning for search,
// such as "de", "la" or "the".
func IsStopWord(word string) bool { return stopWords[word] }

// Stem returns the index term of one folded word. A plural is first
// brought to its singular, in Spanish or English ("celulares", "guitars",
// "luces"), because Snowball's Spanish stemmer leaves plurals after a
// consonant alone; then Snowball stems it, and a final "y" reads "i" and a
// final "z" reads "c" so that "battery" meets "batteries" and "luz" meets
// "luces". Words with digits are kept whole: "500ml" is a size.
func Stem(word string) string {
	if hasDigit(word) {
		return word
	}
	s := word
	if len(word) > 3 {
		s = spanish.Stem(singular(word), true)
	}
	switch {
	case strings.HasSuffix(s, "y"):
		s = s[:len(s)-1] + "i"
	case strings.HasSuffix(s, "z"):
		s = s[:len(s)-1] + "c"
	}
	return s
}

// singular strips a plural ending: "-es" after a consonant that takes it
// in Spanish ("panes", "celulares", "luces"), otherwise a final "-s" not
// doubled ("leches", "guitars"). Words of three letters or fewer are kept.
func singular(word string) string {
	n := len(word)
	if n <= 3 || word[n-1] != 's' {
		return word
	}
	if word[n-2] == 'e' && strings.IndexByte("rlndjzcxy", word[n-3]) >= 0 {
		return word[:n-2]
	}
	if word[n-2] == 's' || word[n-2] == 'u' || word[n-2] == 'i' {
		return word // "glass", "virus", "crisis"
	}
	return word[:n-1]
}

func hasDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			return true
		}
	}
	return false
}

// Token is one analysed word of a text.
type Token struct {
	Word string // folded, as written: "camiones"
	Term string // the index term: "camion"
	Pos  int    // position among the text's words, stop words included
}

// Analyze splits text into tokens, leaving out stop words. Every engine
// that does its own analysis indexes Term; the embedded engine also keeps
// Word for typo tolerance and suggestions.
func Analyze(text string) []Token {
	words := Words(text)
	tokens := make([]Token, 0, len(words))
	for i, w := range words {
		if IsStopWord(w) {
			continue
		}
		tokens = append(tokens, Token{Word: w, Term: Stem(w), Pos: i})
	}
	return tokens
}

// Terms returns the index terms of text, in order, stop words left out.
func Terms(text string) []string {
	tokens := Analyze(text)
	terms := make([]string, len(tokens))
	for i, t := range tokens {
		terms[i] = t.Term
	}
	return terms
}
