package memory

import (
	"slices"
	"strings"

	"github.com/ecommerce-moderno/moderno/search"
)

// Weights of the ways a clause can match, relative to the words as typed.
const (
	weightSynonym = 0.9
	weightPrefix  = 0.8
	weightTypo1   = 0.7
	weightTypo2   = 0.5
	maxExpansions = 30
)

// option is one resolved way to match a clause: every term present.
type option struct {
	terms  []string
	weight float64
}

// clause is a plan clause resolved against the vocabulary.
type clause struct {
	options []option
	// fix is the word that replaced a typo, for "did you mean"; empty when
	// the clause matched as typed.
	fix string
}

// resolve turns the plan's clauses into options the index holds: the
// alternatives as typed and, when the typed word is unknown, completions
// of a word being typed and words one or two typos away.
func (s *segment) resolve(p search.Plan) []clause {
	out := make([]clause, len(p.Clauses))
	for i, c := range p.Clauses {
		out[i] = s.resolveClause(c)
	}
	return out
}

func (s *segment) resolveClause(c search.Clause) clause {
	var cl clause
	for _, alt := range c.Alternatives {
		w := 1.0
		if alt.Synonym {
			w = weightSynonym
		}
		cl.options = append(cl.options, option{terms: alt.Terms, weight: w})
	}
	if len(c.Words) != 1 || s.known(c.Alternatives[0].Terms[0]) {
		return cl
	}
	typed := c.Words[0]
	if c.Prefix {
		cl.options = append(cl.options, s.completions(typed)...)
	}
	typos, fix := s.typos(typed)
	cl.options = append(cl.options, typos...)
	if len(cl.options) > len(c.Alternatives) && fix != "" && !s.hasPrefix(typed, c.Prefix) {
		cl.fix = fix
	}
	return cl
}

// known reports whether any document holds the term.
func (s *segment) known(term string) bool { return len(s.postings[term]) > 0 }

// hasPrefix reports whether a word being typed completes to a known word,
// in which case it is no typo.
func (s *segment) hasPrefix(typed string, prefix bool) bool {
	if !prefix {
		return false
	}
	i, _ := slices.BinarySearch(s.sorted, typed)
	return i < len(s.sorted) && strings.HasPrefix(s.sorted[i], typed)
}

// completions returns the terms of the most frequent words starting with
// typed, at most maxExpansions.
func (s *segment) completions(typed string) []option {
	if len(typed) < 2 {
		return nil
	}
	words := s.withPrefix(typed)
	seen := map[string]bool{}
	var out []option
	for _, w := range words {
		t := s.vocab[w].term
		if !seen[t] {
			seen[t] = true
			out = append(out, option{terms: []string{t}, weight: weightPrefix})
		}
	}
	return out
}

// withPrefix returns the most frequent words starting with p.
func (s *segment) withPrefix(p string) []string {
	i, _ := slices.BinarySearch(s.sorted, p)
	var words []string
	for ; i < len(s.sorted) && strings.HasPrefix(s.sorted[i], p); i++ {
		words = append(words, s.sorted[i])
	}
	slices.SortFunc(words, func(a, b string) int { return s.vocab[b].df - s.vocab[a].df })
	return words[:min(len(words), maxExpansions)]
}

// typos returns the terms of the words closest to typed within the edits
// its length allows, and the most frequent of them.
func (s *segment) typos(typed string) ([]option, string) {
	limit := search.MaxEdits(len(typed))
	if limit == 0 {
		return nil, ""
	}
	best, found := limit+1, []string(nil)
	for n := len(typed) - limit; n <= len(typed)+limit; n++ {
		first, second := shapes(typed)
		first.n, second.n = n, n
		for _, w := range s.byFirst[first] {
			best, found = closer(typed, w, best, found)
		}
		for _, w := range s.bySecond[second] {
			if w[0] != typed[0] { // the first letter's list had it
				best, found = closer(typed, w, best, found)
			}
		}
	}
	if len(found) == 0 {
		return nil, ""
	}
	return s.typoOptions(found, best)
}

// closer keeps in found the words at the best distance from typed seen so
// far. Words are looked up by their first or second letter only: typos
// rarely touch the first letter, and when they do the second is right.
func closer(typed, w string, best int, found []string) (int, []string) {
	d := search.Distance(typed, w, best)
	if d < best {
		best, found = d, found[:0]
	}
	if d == best {
		found = append(found, w)
	}
	return best, found
}

func (s *segment) typoOptions(found []string, dist int) ([]option, string) {
	slices.SortFunc(found, func(a, b string) int { return s.vocab[b].df - s.vocab[a].df })
	found = found[:min(len(found), maxExpansions)]
	weight := weightTypo1
	if dist > 1 {
		weight = weightTypo2
	}
	seen := map[string]bool{}
	var out []option
	for _, w := range found {
		if t := s.vocab[w].term; !seen[t] {
			seen[t] = true
			out = append(out, option{terms: []string{t}, weight: weight})
		}
	}
	return out, found[0]
}
