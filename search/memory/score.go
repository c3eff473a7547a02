package memory

import (
	"math"
	"sync"
)

// BM25 parameters: term saturation, and length normalisation per field
// (none for brands and categories, whose length says nothing).
const k1 = 1.2

var fieldB = [nFields]float64{fName: 0.75, fBrand: 0, fCategory: 0, fDescription: 0.75,
	fOther: 0.5}

// scratch holds one search's per-document sums, reused across searches.
type scratch struct {
	score   []float64
	matched []uint8
	touched []int32
	// clause is the best score of the clause being summed, per document,
	// zero where none; clauseSlots lists the documents it holds.
	clause      []float64
	clauseSlots []int32
	// optSum and optCount sum an option of several terms per document;
	// optSlots lists the documents they hold. Made on first use.
	optSum   []float64
	optCount []int32
	optSlots []int32
}

var scratchPool = sync.Pool{New: func() any { return &scratch{} }}

func getScratch(n int) *scratch {
	sc := scratchPool.Get().(*scratch)
	if cap(sc.score) < n {
		sc.score, sc.matched, sc.clause = make([]float64, n), make([]uint8, n), make([]float64, n)
	}
	sc.score, sc.matched, sc.clause = sc.score[:n], sc.matched[:n], sc.clause[:n]
	sc.touched, sc.clauseSlots = sc.touched[:0], sc.clauseSlots[:0]
	return sc
}

// keepBest records v as the clause's score of slot when it beats the one
// recorded.
func (sc *scratch) keepBest(slot int32, v float64) {
	if !(v > sc.clause[slot]) { // as a NaN never beats a score
		return
	}
	if sc.clause[slot] == 0 {
		sc.clauseSlots = append(sc.clauseSlots, slot)
	}
	sc.clause[slot] = v
}

func putScratch(sc *scratch) {
	for _, slot := range sc.touched {
		sc.score[slot], sc.matched[slot] = 0, 0
	}
	scratchPool.Put(sc)
}

// accumulate adds every clause's best option score to the documents that
// match it, counting matched clauses. nameOnly restricts matches to the
// name, for suggestions.
func (s *segment) accumulate(sc *scratch, clauses []clause, nameOnly bool) {
	norms := s.norms()
	for _, c := range clauses {
		for _, o := range c.options {
			s.scoreOption(sc, o, norms, nameOnly)
		}
		for _, slot := range sc.clauseSlots {
			if sc.matched[slot] == 0 {
				sc.touched = append(sc.touched, slot)
			}
			sc.score[slot] += sc.clause[slot]
			sc.matched[slot]++
			sc.clause[slot] = 0
		}
		sc.clauseSlots = sc.clauseSlots[:0]
	}
}

// norms returns each field's length divisor base: 1-b and b/avg.
func (s *segment) norms() [nFields][2]float64 {
	var n [nFields][2]float64
	for f := range n {
		n[f] = [2]float64{1 - fieldB[f], fieldB[f] / s.avgLen(f)}
	}
	return n
}

// scoreOption keeps in the scratch's clause scores, for each live document
// holding every term of the option, the option's score when it beats the
// score kept.
func (s *segment) scoreOption(sc *scratch, o option, norms [nFields][2]float64, nameOnly bool) {
	if len(o.terms) == 1 {
		s.eachScore(o.terms[0], norms, nameOnly, func(slot int32, v float64) {
			sc.keepBest(slot, v*o.weight)
		})
		return
	}
	if n := len(s.docs); len(sc.optSum) < n {
		sc.optSum, sc.optCount = make([]float64, n), make([]int32, n)
	}
	for _, t := range o.terms {
		s.eachScore(t, norms, nameOnly, func(slot int32, v float64) {
			if sc.optCount[slot] == 0 {
				sc.optSlots = append(sc.optSlots, slot)
			}
			sc.optSum[slot] += v
			sc.optCount[slot]++
		})
	}
	for _, slot := range sc.optSlots {
		if int(sc.optCount[slot]) == len(o.terms) {
			sc.keepBest(slot, sc.optSum[slot]*o.weight)
		}
		sc.optSum[slot], sc.optCount[slot] = 0, 0
	}
	sc.optSlots = sc.optSlots[:0]
}

// eachScore calls f with the BM25F score of the term in every live
// document holding it.
func (s *segment) eachScore(term string, norms [nFields][2]float64, nameOnly bool,
	f func(slot int32, v float64)) {
	ps := s.postings[term]
	if len(ps) == 0 {
		return
	}
	idf := math.Log(1 + (float64(s.live)-float64(len(ps))+0.5)/(float64(len(ps))+0.5))
	idf = max(idf, 0.01)
	for _, p := range ps {
		e := &s.docs[p.slot]
		if e.dead || (nameOnly && p.tf[fName] == 0) {
			continue
		}
		f(p.slot, idf*s.termScore(p, e, norms))
	}
}

// termScore is BM25F over the fields, raised when the term leads the name:
// shelf labels say first what the product is.
func (s *segment) termScore(p posting, e *entry, norms [nFields][2]float64) float64 {
	tf := 0.0
	for f := range nFields {
		if p.tf[f] > 0 {
			tf += fieldWeight[f] * float64(p.tf[f]) / (norms[f][0] + norms[f][1]*float64(e.lens[f]))
		}
	}
	v := tf * (k1 + 1) / (k1 + tf)
	switch p.pos {
	case 0:
		v *= 1.5
	case 1:
		v *= 1.2
	}
	return v
}
