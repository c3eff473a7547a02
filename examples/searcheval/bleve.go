package main

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"strings"
	"sync"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/custom"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/whitespace"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/ecommerce-moderno/moderno/commerce"
	"github.com/ecommerce-moderno/moderno/search"
)

// bleveEngine is the option measured against the memory engine: Bleve's
// scorch index on disk, fed with the same analysis (terms computed by the
// search package, split on spaces by Bleve) and the same query plan, so
// that the comparison is of engines, not of analyses. It answers searches
// with facets; it does not complete or spell-check.
type bleveEngine struct {
	idx  bleve.Index
	syn  *search.Synonyms
	mu   sync.RWMutex
	docs map[string]search.Document
}

// bleveDoc is what Bleve indexes: text fields already analysed into terms.
type bleveDoc struct {
	Name, Brand, Category, Description, Other string
	Cats                                      []string
	BrandID                                   string
	Price, Created, Rating                    float64
	Stock                                     bool
}

var bleveWeights = map[string]float64{"Name": 3, "Brand": 2, "Category": 1.5, "Description": 1,
	"Other": 0.5}

func openBleve(syn *search.Synonyms) (engine, func(), error) {
	dir, err := os.MkdirTemp("", "searcheval-bleve-")
	if err != nil {
		return nil, nil, err
	}
	idx, err := bleve.New(dir+"/index", bleveMapping())
	if err != nil {
		return nil, nil, fmt.Errorf("bleve: %w", err)
	}
	e := &bleveEngine{idx: idx, syn: syn, docs: map[string]search.Document{}}
	return e, func() { _ = idx.Close(); _ = os.RemoveAll(dir) }, nil
}

func bleveMapping() mapping.IndexMapping {
	m := bleve.NewIndexMapping()
	_ = m.AddCustomAnalyzer("terms", map[string]any{"type": custom.Name,
		"tokenizer": whitespace.Name, "token_filters": []string{}})
	doc := bleve.NewDocumentMapping()
	for f := range bleveWeights {
		tf := bleve.NewTextFieldMapping()
		tf.Analyzer, tf.Store, tf.IncludeTermVectors = "terms", false, false
		doc.AddFieldMappingsAt(f, tf)
	}
	for _, f := range []string{"Cats", "BrandID"} {
		kf := bleve.NewKeywordFieldMapping()
		kf.Store = false
		doc.AddFieldMappingsAt(f, kf)
	}
	for _, f := range []string{"Price", "Created", "Rating"} {
		nf := bleve.NewNumericFieldMapping()
		nf.Store = false
		doc.AddFieldMappingsAt(f, nf)
	}
	bf := bleve.NewBooleanFieldMapping()
	bf.Store = false
	doc.AddFieldMappingsAt("Stock", bf)
	m.DefaultMapping = doc
	return m
}

func terms(text string) string { return strings.Join(search.Terms(text), " ") }

func (e *bleveEngine) Index(_ context.Context, docs ...search.Document) error {
	b := e.idx.NewBatch()
	e.mu.Lock()
	for _, d := range docs {
		id := strconv.FormatInt(int64(d.ID), 10)
		e.docs[id] = d
		if err := b.Index(id, toBleve(d)); err != nil {
			e.mu.Unlock()
			return err
		}
	}
	e.mu.Unlock()
	return e.idx.Batch(b)
}

func toBleve(d search.Document) bleveDoc {
	var cats, catNames []string
	for _, c := range d.CategoryPath {
		cats = append(cats, strconv.FormatInt(int64(c.ID), 10))
		catNames = append(catNames, c.Name)
	}
	other := []string{d.SKU}
	other = append(other, d.Codes...)
	for _, a := range d.Attributes {
		other = append(other, a.Value)
	}
	return bleveDoc{Name: terms(d.Name), Brand: terms(d.Brand),
		Category: terms(strings.Join(catNames, " ")), Description: terms(d.Description),
		Other: terms(strings.Join(other, " ")), Cats: cats,
		BrandID: strconv.FormatInt(int64(d.BrandID), 10), Price: float64(d.Price.Minor()),
		Created: float64(d.CreatedAt.Unix()), Rating: d.Rating, Stock: d.Available > 0}
}

func (e *bleveEngine) Delete(_ context.Context, ids ...commerce.ProductID) error {
	b := e.idx.NewBatch()
	for _, id := range ids {
		b.Delete(strconv.FormatInt(int64(id), 10))
	}
	return e.idx.Batch(b)
}

func (e *bleveEngine) Search(_ context.Context, q search.Query) (search.Result, error) {
	q, err := q.Normalize()
	if err != nil {
		return search.Result{}, err
	}
	plan := search.NewPlan(q.Text, e.syn)
	req := bleve.NewSearchRequestOptions(bleveQuery(plan, q.Filter), q.Limit, q.Offset(), false)
	if q.Facets {
		req.AddFacet("cats", bleve.NewFacetRequest("Cats", 500))
		req.AddFacet("brands", bleve.NewFacetRequest("BrandID", 20))
		prices := bleve.NewFacetRequest("Price", 20)
		for _, r := range search.DefaultPriceRanges() {
			lo, hi := float64(r.Min), float64(r.Max)
			if r.Max == 0 {
				prices.AddNumericRange(r.Label, &lo, nil)
			} else {
				prices.AddNumericRange(r.Label, &lo, &hi)
			}
		}
		req.AddFacet("prices", prices)
	}
	req.SortBy(bleveSort(q.Sort, plan.Empty()))
	res, err := e.idx.Search(req)
	if err != nil {
		return search.Result{}, err
	}
	out := search.Result{Total: int(res.Total), Page: q.Page, Limit: q.Limit, Took: res.Took}
	e.mu.RLock()
	defer e.mu.RUnlock()
	for _, h := range res.Hits {
		out.Hits = append(out.Hits, search.Hit{Document: e.docs[h.ID], Score: h.Score})
	}
	return out, nil
}

func bleveSort(s search.Sort, browse bool) []string {
	switch {
	case s == search.SortPriceAsc:
		return []string{"Price", "_id"}
	case s == search.SortPriceDesc:
		return []string{"-Price", "_id"}
	case s == search.SortRating:
		return []string{"-Rating", "_id"}
	case s == search.SortNewest || browse:
		return []string{"-Created", "_id"}
	}
	return []string{"-_score", "_id"}
}

// bleveQuery asks for every clause of the plan, each by any of its
// alternatives, a stem one or two typos away, or a completion of the last
// word, within the filter.
func bleveQuery(plan search.Plan, f search.Filter) query.Query {
	var must []query.Query
	for _, c := range plan.Clauses {
		must = append(must, bleveClause(c))
	}
	must = append(must, bleveFilter(f)...)
	if len(must) == 0 {
		return bleve.NewMatchAllQuery()
	}
	return bleve.NewConjunctionQuery(must...)
}

func bleveClause(c search.Clause) query.Query {
	var any []query.Query
	for _, alt := range c.Alternatives {
		var all []query.Query
		for _, t := range alt.Terms {
			all = append(all, inFields(t, 1, nil))
		}
		any = append(any, bleve.NewConjunctionQuery(all...))
	}
	if len(c.Words) == 1 {
		word, term := c.Words[0], c.Alternatives[0].Terms[0]
		if edits := search.MaxEdits(len(word)); edits > 0 {
			any = append(any, inFields(term, 0.6, func(t string) query.FieldableQuery {
				fq := bleve.NewFuzzyQuery(t)
				fq.SetFuzziness(edits)
				fq.SetPrefix(1)
				return fq
			}))
		}
		if c.Prefix && len(word) >= 2 {
			any = append(any, inFields(word, 0.8, func(t string) query.FieldableQuery {
				return bleve.NewPrefixQuery(t)
			}))
		}
	}
	return bleve.NewDisjunctionQuery(any...)
}

// inFields asks for a term in any text field, weighted by field.
func inFields(term string, boost float64, make func(string) query.FieldableQuery) query.Query {
	if make == nil {
		make = func(t string) query.FieldableQuery { return bleve.NewTermQuery(t) }
	}
	var any []query.Query
	for f, w := range bleveWeights {
		q := make(term)
		q.SetField(f)
		q.(query.BoostableQuery).SetBoost(w * boost)
		any = append(any, q)
	}
	return bleve.NewDisjunctionQuery(any...)
}

func bleveFilter(f search.Filter) []query.Query {
	var must []query.Query
	if f.CategoryID != 0 {
		tq := bleve.NewTermQuery(strconv.FormatInt(int64(f.CategoryID), 10))
		tq.SetField("Cats")
		must = append(must, tq)
	}
	if f.PriceMin != 0 || f.PriceMax != 0 {
		var lo, hi *float64
		if f.PriceMin != 0 {
			v := float64(f.PriceMin)
			lo = &v
		}
		if f.PriceMax != 0 {
			v := float64(f.PriceMax)
			hi = &v
		}
		yes := true
		rq := bleve.NewNumericRangeInclusiveQuery(lo, hi, &yes, &yes)
		rq.SetField("Price")
		must = append(must, rq)
	}
	if f.InStock {
		bq := bleve.NewBoolFieldQuery(true)
		bq.SetField("Stock")
		must = append(must, bq)
	}
	return must
}
