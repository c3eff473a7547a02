package memory

import (
	"cmp"
	"context"
	"slices"
	"strings"

	"github.com/ecommerce-moderno/moderno/search"
)

// Suggestion limits.
const (
	defaultSuggestions = 8
	maxSuggestions     = 20
	maxCategoryHints   = 3
)

// Suggest completes what a shopper is typing: first the categories whose
// name holds the words, the biggest first, then product names, the best
// matches first. A limit out of 1 to 20 means 8.
func (ix *Index) Suggest(_ context.Context, prefix string, limit int) ([]search.Suggestion, error) {
	if limit <= 0 || limit > maxSuggestions {
		limit = defaultSuggestions
	}
	plan := search.NewPlan(prefix, nil)
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	return ix.seg.suggest(plan, limit), nil
}

func (s *segment) suggest(plan search.Plan, limit int) []search.Suggestion {
	return s.suggestResolved(plan, nil, limit)
}

// suggestResolved is suggest with the plan's clauses already resolved, as
// a search has them; nil resolves them here. They are not changed.
func (s *segment) suggestResolved(plan search.Plan, clauses []clause,
	limit int) []search.Suggestion {
	if plan.Empty() {
		return nil
	}
	out := s.suggestCategories(plan, min(limit, maxCategoryHints))
	return append(out, s.suggestProducts(plan, clauses, limit-len(out))...)
}

// suggestCategories returns the categories whose name holds every word of
// the plan, the last one as a prefix when it is being typed.
func (s *segment) suggestCategories(plan search.Plan, limit int) []search.Suggestion {
	var found []category
	want := planStems(plan)
	for _, c := range s.cats {
		if c.docs > 0 && categoryMatches(c, plan, want) {
			found = append(found, c)
		}
	}
	slices.SortFunc(found, func(a, b category) int {
		return cmp.Or(cmp.Compare(b.docs, a.docs), cmp.Compare(a.id, b.id))
	})
	out := make([]search.Suggestion, 0, limit)
	for _, c := range found[:min(len(found), limit)] {
		out = append(out, search.Suggestion{Text: c.name, Kind: search.SuggestCategory,
			ID: int64(c.id)})
	}
	return out
}

// categoryMatches reports whether every word of the plan is in the
// category's name: the same stem, or, for a word being typed, the start of
// a word. want holds the plan's stems, clause by clause (planStems).
func categoryMatches(cat category, plan search.Plan, want [][]string) bool {
	for i, c := range plan.Clauses {
		for j, w := range c.Words {
			found := false
			for k, cw := range cat.words {
				if cat.stems[k] == want[i][j] || c.Prefix && strings.HasPrefix(cw, w) {
					found = true
					break
				}
			}
			if !found {
				return false
			}
		}
	}
	return true
}

// planStems stems the plan's words once for the whole category list.
func planStems(plan search.Plan) [][]string {
	out := make([][]string, len(plan.Clauses))
	for i, c := range plan.Clauses {
		out[i] = stems(c.Words)
	}
	return out
}

// stems returns search.Stem of each word.
func stems(words []string) []string {
	out := make([]string, len(words))
	for i, w := range words {
		out[i] = search.Stem(w)
	}
	return out
}

// suggestProducts returns the names of the products whose name holds every
// word, the last one completed when it is being typed.
func (s *segment) suggestProducts(plan search.Plan, resolved []clause,
	limit int) []search.Suggestion {
	if limit <= 0 {
		return nil
	}
	clauses := slices.Clone(resolved)
	if clauses == nil {
		clauses = s.resolve(plan)
	}
	if last := plan.Clauses[len(plan.Clauses)-1]; last.Prefix {
		c := &clauses[len(clauses)-1]
		// Clip: the completions go to a new array, not to the caller's.
		c.options = append(slices.Clip(c.options), s.completions(last.Words[0])...)
	}
	sc := getScratch(len(s.docs))
	defer putScratch(sc)
	s.accumulate(sc, clauses, true)
	buf := getHits()
	hits := (*buf)[:0]
	defer func() { putHits(buf, hits) }()
	for _, slot := range sc.touched {
		if int(sc.matched[slot]) == len(clauses) {
			hits = append(hits, hit{slot: slot, score: sc.score[slot]})
		}
	}
	return s.distinctNames(s.top(hits, s.less(search.SortRelevance), 4*limit), limit)
}

// distinctNames returns the hits' names, each once, at most limit.
func (s *segment) distinctNames(hits []hit, limit int) []search.Suggestion {
	seen := map[string]bool{}
	var out []search.Suggestion
	for _, h := range hits {
		e := &s.docs[h.slot]
		if seen[e.folded] {
			continue
		}
		seen[e.folded] = true
		out = append(out, search.Suggestion{Text: e.doc.Name, Kind: search.SuggestProduct,
			ID: int64(e.doc.ID)})
		if len(out) == limit {
			break
		}
	}
	return out
}
