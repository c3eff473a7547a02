package memory

import (
	"context"
	"strings"
	"sync"
	"time"

	"github.com/ecommerce-moderno/moderno/search"
)

// hit is one candidate: a slot and its score.
type hit struct {
	slot  int32
	score float64
}

// Search runs a query. It returns an error of kind commerce.KindInvalid for
// a query search.Query.Normalize refuses.
func (ix *Index) Search(_ context.Context, q search.Query) (search.Result, error) {
	start := time.Now()
	q, err := q.Normalize()
	if err != nil {
		return search.Result{}, err
	}
	plan := search.NewPlan(q.Text, ix.syn)

	ix.mu.RLock()
	defer ix.mu.RUnlock()
	res, clauses := ix.seg.run(q, plan)
	if q.Suggest {
		res.Suggestions = ix.seg.suggestResolved(plan, clauses, 5)
	}
	res.Took = time.Since(start)
	return res, nil
}

// hitsPool keeps the hit lists of past searches, so that a broad query
// does not grow a new one of thousands of hits each time.
var hitsPool = sync.Pool{New: func() any { return new([]hit) }}

func getHits() *[]hit { return hitsPool.Get().(*[]hit) }

// putHits returns a list to the pool; hits must not be used afterwards.
func putHits(buf *[]hit, hits []hit) {
	*buf = hits[:0]
	hitsPool.Put(buf)
}

// run finds, counts, sorts and pages the hits of a query. It returns the
// resolved clauses too (nil for an empty plan), which suggestions reuse.
func (s *segment) run(q search.Query, plan search.Plan) (search.Result, []clause) {
	keep := s.filter(q.Filter)
	buf := getHits()
	var hits []hit
	var clauses []clause
	if plan.Empty() {
		hits = s.all((*buf)[:0], keep)
	} else {
		clauses = s.resolve(plan)
		hits = s.matches((*buf)[:0], clauses, keep)
	}
	defer func() { putHits(buf, hits) }()
	res := search.Result{Total: len(hits), Page: q.Page, Limit: q.Limit}
	if q.Facets {
		res.Facets = s.facets(hits)
	}
	res.DidYouMean = didYouMean(plan, clauses, len(hits))
	order := q.Sort
	if order == search.SortRelevance && plan.Empty() {
		order = search.SortNewest
	}
	page := s.top(hits, s.less(order), q.Offset()+q.Limit)
	for _, h := range page[min(q.Offset(), len(page)):] {
		res.Hits = append(res.Hits, search.Hit{Document: s.docs[h.slot].doc, Score: h.score})
	}
	return res, clauses
}

// all appends to hits every live document that passes the filter.
func (s *segment) all(hits []hit, keep func(*entry) bool) []hit {
	for i := range s.docs {
		if e := &s.docs[i]; !e.dead && keep(e) {
			hits = append(hits, hit{slot: int32(i)})
		}
	}
	return hits
}

// matches scores the documents matching the clauses. A document must match
// every clause; when none does, those matching the most clauses (at least
// half) are kept, their scores lowered by the share they miss.
// They are appended to hits, an empty list to reuse.
func (s *segment) matches(hits []hit, clauses []clause, keep func(*entry) bool) []hit {
	sc := getScratch(len(s.docs))
	defer putScratch(sc)
	s.accumulate(sc, clauses, false)

	n := len(clauses)
	need := (n + 1) / 2
	best := 0
	for _, slot := range sc.touched {
		m := int(sc.matched[slot])
		if m < need || m < best || !keep(&s.docs[slot]) {
			continue
		}
		if m > best {
			best, hits = m, hits[:0]
		}
		share := float64(m) / float64(n)
		hits = append(hits, hit{slot: slot, score: sc.score[slot] * share * share})
	}
	return hits
}

// didYouMean spells the query with its typos fixed, when a clause had to
// be matched through a fix.
func didYouMean(plan search.Plan, clauses []clause, total int) string {
	fixed := false
	words := make([]string, 0, len(clauses))
	for i, c := range clauses {
		if c.fix != "" {
			fixed = true
			words = append(words, c.fix)
			continue
		}
		words = append(words, plan.Clauses[i].Words...)
	}
	if !fixed || total == 0 && len(clauses) == 0 {
		return ""
	}
	return strings.Join(words, " ")
}
