package demo

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Supermarket is the root of the branch every Precios Claros product goes
// to, and Otros the aisle of those no rule places.
const (
	Supermarket  = "Supermercado"
	DefaultAisle = "Otros"
)

// shelf is a place in the "Supermercado" branch: an aisle and, when known,
// a section inside it.
type shelf struct {
	Aisle   string
	Section string
}

// String returns the shelf as a path below the root, "Lácteos > Yogures".
func (s shelf) String() string {
	if s.Section == "" {
		return s.Aisle
	}
	return s.Aisle + " > " + s.Section
}

// rule sends a product whose name holds one of its phrases to a shelf.
// Phrases are written as a shopper would, accents and all; matching ignores
// case and accents, works on whole words, and takes a plural in -s or -es
// for any word ("galletita" matches "Galletitas").
type rule struct {
	shelf
	phrases []string
}

// aisles lists the supermarket's aisles in the order the store shows them.
var aisles = []string{
	"Almacén", "Desayuno y merienda", "Lácteos", "Bebidas", "Carnes y pescados",
	"Frutas y verduras", "Fiambrería y frescos", "Congelados", "Panadería",
	"Golosinas y snacks", "Limpieza", "Cuidado personal", "Bebés", "Mascotas",
	"Hogar y bazar", DefaultAisle,
}

// classifier finds the rule for a product name. Among the phrases found, the
// one that starts earliest in the name wins, because shelf labels lead with
// what the product is ("Galletitas de Chocolate" are galletitas); at the
// same word, the longest phrase wins ("crema dental" over "crema").
type classifier struct {
	rules  []rule
	byWord map[string][]phrase // every form of a phrase's first word
}

type phrase struct {
	words []string
	rule  int
}

// newClassifier indexes the rules by the first word of each phrase.
func newClassifier(rules []rule) *classifier {
	c := &classifier{rules: rules, byWord: map[string][]phrase{}}
	for i, r := range rules {
		for _, p := range r.phrases {
			words := fold(p)
			ph := phrase{words: words, rule: i}
			for _, form := range []string{words[0], words[0] + "s", words[0] + "es"} {
				c.byWord[form] = append(c.byWord[form], ph)
			}
		}
	}
	return c
}

// classify returns the index of the rule for name, or -1 when none applies.
func (c *classifier) classify(name string) int {
	words := fold(name)
	for i, w := range words {
		best := -1
		bestLen := 0
		for _, ph := range c.byWord[w] {
			if len(ph.words) > bestLen && matchAt(words[i:], ph.words) {
				best, bestLen = ph.rule, len(ph.words)
			}
		}
		if best >= 0 {
			return best
		}
	}
	return -1
}

// matchAt reports whether words begins with the phrase, each word allowed a
// plural ending.
func matchAt(words, ph []string) bool {
	if len(words) < len(ph) {
		return false
	}
	for i, p := range ph {
		w := words[i]
		if w != p && w != p+"s" && w != p+"es" {
			return false
		}
	}
	return true
}

// fold splits text into lower-case words without accents: "Pañal Bebé" →
// ["panal", "bebe"].
func fold(text string) []string {
	var b strings.Builder
	for _, r := range norm.NFD.String(strings.ToLower(text)) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(r)
		default:
			b.WriteByte(' ')
		}
	}
	return strings.Fields(b.String())
}
