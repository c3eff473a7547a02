package search

import (
	"strings"
	"unicode"
)

// Plan is a query's text as engines execute it: a product matches when it
// matches every clause. NewPlan builds it once, so that every engine reads
// the shopper's words, stop words and synonyms the same way.
type Plan struct {
	Clauses []Clause
}

// Clause is one thing the shopper asked for and the ways a product may say
// it. The first alternative is what was typed; the others are synonyms.
type Clause struct {
	Words        []string // folded, as typed: "telefono", "movil"
	Alternatives []Alternative
	// Prefix reports that the clause is the last word and the shopper may
	// still be typing it: "sams" may stand for "samsung".
	Prefix bool
}

// Alternative is one way to satisfy a clause: every term must be present.
type Alternative struct {
	Terms   []string
	Synonym bool
}

// Empty reports whether the plan has nothing to match: every product does.
func (p Plan) Empty() bool { return len(p.Clauses) == 0 }

// NewPlan analyses text into clauses, joining the words a synonym phrase
// covers into one clause with the group's other phrases as alternatives.
func NewPlan(text string, syn *Synonyms) Plan {
	tokens := Analyze(text)
	terms := make([]string, len(tokens))
	for i, t := range tokens {
		terms[i] = t.Term
	}
	var p Plan
	for i := 0; i < len(tokens); {
		n, group, ok := syn.match(terms[i:])
		if !ok {
			n = 1
		}
		c := Clause{Alternatives: []Alternative{{Terms: terms[i : i+n]}}}
		for _, t := range tokens[i : i+n] {
			c.Words = append(c.Words, t.Word)
		}
		for _, alt := range group {
			if !equal(alt, terms[i:i+n]) {
				c.Alternatives = append(c.Alternatives, Alternative{Terms: alt, Synonym: true})
			}
		}
		p.Clauses = append(p.Clauses, c)
		i += n
	}
	if k := len(p.Clauses); k > 0 && typing(text) && len(p.Clauses[k-1].Words) == 1 {
		p.Clauses[k-1].Prefix = true
	}
	return p
}

// typing reports whether text ends inside a word.
func typing(text string) bool {
	text = strings.TrimRightFunc(text, unicode.IsMark)
	if text == "" {
		return false
	}
	r := []rune(text)
	last := r[len(r)-1]
	return unicode.IsLetter(last) || unicode.IsDigit(last)
}

func equal(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
