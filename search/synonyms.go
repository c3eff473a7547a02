package search

import (
	"bufio"
	_ "embed"
	"fmt"
	"io"
	"strings"
)

// Synonyms holds groups of words and phrases a shopper may use for the same
// thing, such as "celular, smartphone, teléfono móvil". Matching ignores
// case, accents and inflection: "celulares" finds the group of "celular".
// The zero value has no synonyms; a Synonyms is safe for concurrent reads.
type Synonyms struct {
	groups  [][]string          // each group's phrases, folded, as written
	phrases [][][]string        // each group's phrases as terms
	byTerm  map[string][]phrase // phrases by their first term
}

// phrase is one member of a synonym group.
type phrase struct {
	group int
	terms []string
}

//go:embed synonyms.txt
var defaultSynonyms string

// DefaultSynonyms returns the synonyms the store ships with: Spanish of
// Chile, Argentina and Spain side by side, and Spanish next to the English
// of imported product names.
func DefaultSynonyms() *Synonyms {
	s, err := ParseSynonyms(strings.NewReader(defaultSynonyms))
	if err != nil {
		panic("search: default synonyms: " + err.Error()) // the file is ours
	}
	return s
}

// ParseSynonyms reads one group a line, its members separated by commas.
// Blank lines and lines starting with # are ignored. A group needs at least
// two members.
func ParseSynonyms(r io.Reader) (*Synonyms, error) {
	var groups [][]string
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		group := splitGroup(line)
		if len(group) < 2 {
			return nil, fmt.Errorf("parse synonyms: line %d: want two or more members", n)
		}
		groups = append(groups, group)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("parse synonyms: %w", err)
	}
	return NewSynonyms(groups...), nil
}

func splitGroup(line string) []string {
	var group []string
	for _, m := range strings.Split(line, ",") {
		if m = strings.Join(Words(m), " "); m != "" {
			group = append(group, m)
		}
	}
	return group
}

// NewSynonyms returns the synonyms of the given groups.
func NewSynonyms(groups ...[]string) *Synonyms {
	s := &Synonyms{byTerm: map[string][]phrase{}}
	for _, g := range groups {
		var folded []string
		var terms [][]string
		for _, member := range g {
			t := Terms(member)
			if len(t) == 0 {
				continue
			}
			folded = append(folded, strings.Join(Words(member), " "))
			terms = append(terms, t)
		}
		if len(terms) < 2 {
			continue
		}
		id := len(s.groups)
		s.groups, s.phrases = append(s.groups, folded), append(s.phrases, terms)
		for _, t := range terms {
			s.byTerm[t[0]] = append(s.byTerm[t[0]], phrase{group: id, terms: t})
		}
	}
	return s
}

// Groups returns the groups as folded text, one slice of members per group,
// for engines that apply synonyms themselves.
func (s *Synonyms) Groups() [][]string {
	if s == nil {
		return nil
	}
	return s.groups
}

// match returns the longest phrase starting at terms[0], and its group's
// phrases, or false.
func (s *Synonyms) match(terms []string) (n int, group [][]string, ok bool) {
	if s == nil || len(terms) == 0 {
		return 0, nil, false
	}
	best := -1
	for _, p := range s.byTerm[terms[0]] {
		if len(p.terms) > n && hasPrefix(terms, p.terms) {
			n, best = len(p.terms), p.group
		}
	}
	if best < 0 {
		return 0, nil, false
	}
	return n, s.phrases[best], true
}

func hasPrefix(terms, prefix []string) bool {
	if len(terms) < len(prefix) {
		return false
	}
	for i := range prefix {
		if terms[i] != prefix[i] {
			return false
		}
	}
	return true
}
