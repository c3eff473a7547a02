package elasticsearch

import (
	"context"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/elastic/go-elasticsearch/v8/esapi"

	"github.com/ecommerce-moderno/moderno/commerce"
	"github.com/ecommerce-moderno/moderno/search"
)

// answer is the part of a search response the engine reads.
type answer struct {
	Hits struct {
		Total struct {
			Value int `json:"value"`
		} `json:"total"`
		Hits []struct {
			Score  *float64 `json:"_score"`
			Source source   `json:"_source"`
		} `json:"hits"`
	} `json:"hits"`
	Aggregations struct {
		Categories buckets `json:"categories"`
		Brands     buckets `json:"brands"`
		Prices     buckets `json:"prices"`
	} `json:"aggregations"`
	Suggest struct {
		Fix []struct {
			Text    string `json:"text"`
			Options []struct {
				Text string `json:"text"`
			} `json:"options"`
		} `json:"fix"`
	} `json:"suggest"`
}

type buckets struct {
	Buckets []struct {
		Key   string `json:"key"`
		Count int    `json:"doc_count"`
	} `json:"buckets"`
}

// Search runs a query. It returns an error of kind commerce.KindInvalid for
// a query search.Query.Normalize refuses, and of kind
// commerce.KindUnavailable when the cluster fails.
func (e *Engine) Search(ctx context.Context, q search.Query) (search.Result, error) {
	start := time.Now()
	q, err := q.Normalize()
	if err != nil {
		return search.Result{}, err
	}
	plan := search.NewPlan(q.Text, e.cfg.Synonyms)
	var a answer
	req := esapi.SearchRequest{Index: []string{e.cfg.Alias},
		Body: body(searchBody(q, plan, e.cfg.PriceRanges))}
	if err := e.call(ctx, "search", req, &a); err != nil {
		return search.Result{}, err
	}
	res := a.result(q, e.cfg.PriceRanges)
	if q.Suggest {
		if res.Suggestions, err = e.Suggest(ctx, q.Text, 5); err != nil {
			return search.Result{}, err
		}
	}
	res.Took = time.Since(start)
	return res, nil
}

func (a answer) result(q search.Query, ranges []search.PriceRange) search.Result {
	res := search.Result{Total: a.Hits.Total.Value, Page: q.Page, Limit: q.Limit,
		DidYouMean: a.didYouMean()}
	for _, h := range a.Hits.Hits {
		hit := search.Hit{Document: h.Source.document()}
		if h.Score != nil {
			hit.Score = *h.Score
		}
		res.Hits = append(res.Hits, hit)
	}
	if q.Facets {
		res.Facets = search.Facets{Categories: categoryCounts(a.Aggregations.Categories),
			Brands: brandCounts(a.Aggregations.Brands),
			Prices: priceCounts(a.Aggregations.Prices, ranges)}
	}
	return res
}

// didYouMean spells the text with each unknown word replaced by the best
// known one, when there was any.
func (a answer) didYouMean() string {
	fixed := false
	var words []string
	for _, w := range a.Suggest.Fix {
		if len(w.Options) > 0 {
			words, fixed = append(words, w.Options[0].Text), true
			continue
		}
		words = append(words, w.Text)
	}
	if !fixed {
		return ""
	}
	return strings.Join(words, " ")
}

func categoryCounts(b buckets) []search.CategoryCount {
	var out []search.CategoryCount
	for _, k := range b.Buckets {
		id, parent, name, ok := parseCategoryKey(k.Key)
		if ok {
			out = append(out, search.CategoryCount{ID: id, ParentID: parent, Name: name,
				Count: k.Count})
		}
	}
	return out
}

func parseCategoryKey(key string) (id, parent commerce.CategoryID, name string, ok bool) {
	parts := strings.SplitN(key, sep, 3)
	if len(parts) != 3 {
		return 0, 0, "", false
	}
	i, err1 := strconv.ParseInt(parts[0], 10, 64)
	p, err2 := strconv.ParseInt(parts[1], 10, 64)
	return commerce.CategoryID(i), commerce.CategoryID(p), parts[2], err1 == nil && err2 == nil
}

func brandCounts(b buckets) []search.BrandCount {
	var out []search.BrandCount
	for _, k := range b.Buckets {
		n, name, _ := strings.Cut(k.Key, sep)
		if id, err := strconv.ParseInt(n, 10, 64); err == nil {
			out = append(out, search.BrandCount{ID: commerce.BrandID(id), Name: name,
				Count: k.Count})
		}
	}
	return out
}

func priceCounts(b buckets, ranges []search.PriceRange) []search.PriceCount {
	var out []search.PriceCount
	for _, k := range b.Buckets {
		i := slices.IndexFunc(ranges, func(r search.PriceRange) bool { return r.Label == k.Key })
		if i >= 0 && k.Count > 0 {
			out = append(out, search.PriceCount{PriceRange: ranges[i], Count: k.Count})
		}
	}
	return out
}

// Suggest completes what a shopper is typing: categories first, the
// biggest first, then product names. A limit out of 1 to 20 means 8.
func (e *Engine) Suggest(ctx context.Context, prefix string, limit int) ([]search.Suggestion,
	error) {
	if limit <= 0 || limit > 20 {
		limit = 8
	}
	if len(search.Words(prefix)) == 0 {
		return nil, nil
	}
	cats, err := e.suggestCategories(ctx, prefix, min(limit, 3))
	if err != nil {
		return nil, err
	}
	names, err := e.suggestNames(ctx, prefix, limit-len(cats))
	return append(cats, names...), err
}

func (e *Engine) suggestCategories(ctx context.Context, prefix string,
	limit int) ([]search.Suggestion, error) {
	var a answer
	req := esapi.SearchRequest{Index: []string{e.cfg.Alias}, Body: body(categoriesBody(prefix))}
	if err := e.call(ctx, "suggest", req, &a); err != nil {
		return nil, err
	}
	var out []search.Suggestion
	for _, c := range categoryCounts(a.Aggregations.Categories) {
		if len(out) < limit && namesMatch(c.Name, prefix) {
			out = append(out, search.Suggestion{Text: c.Name, Kind: search.SuggestCategory,
				ID: int64(c.ID)})
		}
	}
	return out, nil
}

// namesMatch reports whether a category's own name holds the words, the
// last as a prefix: the aggregation also counts the categories above.
func namesMatch(name, prefix string) bool {
	have, want := search.Words(name), search.Words(prefix)
	for i, w := range want {
		if !slices.ContainsFunc(have, func(h string) bool {
			return search.Stem(h) == search.Stem(w) || i == len(want)-1 && strings.HasPrefix(h, w)
		}) {
			return false
		}
	}
	return true
}

func (e *Engine) suggestNames(ctx context.Context, prefix string,
	limit int) ([]search.Suggestion, error) {
	if limit <= 0 {
		return nil, nil
	}
	var a answer
	req := esapi.SearchRequest{Index: []string{e.cfg.Alias}, Body: body(suggestBody(prefix, limit))}
	if err := e.call(ctx, "suggest", req, &a); err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	var out []search.Suggestion
	for _, h := range a.Hits.Hits {
		key := strings.Join(search.Words(h.Source.Name), " ")
		if !seen[key] && len(out) < limit {
			seen[key] = true
			out = append(out, search.Suggestion{Text: h.Source.Name, Kind: search.SuggestProduct,
				ID: h.Source.ID})
		}
	}
	return out, nil
}
