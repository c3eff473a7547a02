package elasticsearch

import (
	"strings"

	"github.com/ecommerce-moderno/moderno/search"
)

// Fields searched and their weights, as the memory engine weighs them.
var textFields = []string{"name^3", "brand^2", "category_names^1.5", "description",
	"attribute_text^0.5", "codes^0.5", "sku^0.5"}

// searchBody builds the request of a query: every word must match, through
// the words as typed (with synonyms, at search time), through words one or
// two typos away, or, for the word being typed, through a completion.
func searchBody(q search.Query, plan search.Plan, ranges []search.PriceRange) obj {
	body := obj{
		"from": q.Offset(), "size": q.Limit, "track_total_hits": true,
		"query": obj{"bool": obj{"must": textQuery(plan), "filter": filters(q.Filter)}},
		"sort":  sorts(q.Sort, plan.Empty()),
	}
	if q.Facets {
		body["aggs"] = aggregations(ranges)
	}
	if !plan.Empty() {
		body["suggest"] = obj{"fix": obj{"text": folded(plan), "term": obj{
			"field": "name.folded", "suggest_mode": "missing", "min_word_length": 4}}}
	}
	return body
}

// folded returns the plan's words, as typed but folded.
func folded(plan search.Plan) string {
	var words []string
	for _, c := range plan.Clauses {
		words = append(words, c.Words...)
	}
	return strings.Join(words, " ")
}

func textQuery(plan search.Plan) []obj {
	if plan.Empty() {
		return []obj{{"match_all": obj{}}}
	}
	words := folded(plan)
	should := []obj{
		{"multi_match": obj{"query": words, "fields": textFields, "type": "cross_fields",
			"operator": "and"}},
		{"multi_match": obj{"query": words, "fields": textFields, "type": "best_fields",
			"operator": "and", "analyzer": "spanish_analyzer", "fuzziness": "AUTO:4,8",
			"prefix_length": 1, "boost": 0.5}},
	}
	if last := plan.Clauses[len(plan.Clauses)-1]; last.Prefix {
		should = append(should, obj{"multi_match": obj{"query": words, "type": "bool_prefix",
			"fields":   []string{"name.suggest", "name.suggest._2gram", "name.suggest._3gram"},
			"operator": "and", "boost": 0.8}})
	}
	return []obj{{"bool": obj{"should": should, "minimum_should_match": 1}}}
}

func filters(f search.Filter) []obj {
	out := []obj{}
	if f.CategoryID != 0 {
		out = append(out, obj{"term": obj{"category_ids": f.CategoryID}})
	}
	if len(f.BrandIDs) > 0 {
		out = append(out, obj{"terms": obj{"brand_id": f.BrandIDs}})
	}
	if f.PriceMin != 0 || f.PriceMax != 0 {
		r := obj{}
		if f.PriceMin != 0 {
			r["gte"] = f.PriceMin
		}
		if f.PriceMax != 0 {
			r["lte"] = f.PriceMax
		}
		out = append(out, obj{"range": obj{"price": r}})
	}
	if f.InStock {
		out = append(out, obj{"term": obj{"in_stock": true}})
	}
	for _, a := range f.Attributes {
		out = append(out, obj{"term": obj{"attribute_keys": attributeKey(a.Name, a.Value)}})
	}
	return out
}

func sorts(s search.Sort, browse bool) []obj {
	byID := obj{"id": "asc"}
	switch {
	case s == search.SortPriceAsc:
		return []obj{{"price": "asc"}, byID}
	case s == search.SortPriceDesc:
		return []obj{{"price": "desc"}, byID}
	case s == search.SortRating:
		return []obj{{"rating": "desc"}, byID}
	case s == search.SortNewest || browse:
		return []obj{{"created_at": "desc"}, byID}
	}
	return []obj{{"_score": "desc"}, byID}
}

func aggregations(ranges []search.PriceRange) obj {
	var rs []obj
	for _, r := range ranges {
		x := obj{"key": r.Label, "from": r.Min}
		if r.Max != 0 {
			x["to"] = r.Max
		}
		rs = append(rs, x)
	}
	return obj{
		"categories": obj{"terms": obj{"field": "category_keys", "size": 500}},
		"brands":     obj{"terms": obj{"field": "brand_key", "size": 20}},
		"prices":     obj{"range": obj{"field": "price", "ranges": rs}},
	}
}

// suggestBody asks for product names matching the words, the last one as
// a prefix.
func suggestBody(prefix string, limit int) obj {
	return obj{
		"size": 4 * limit, "_source": []string{"id", "name"},
		"query": obj{"multi_match": obj{"query": prefix, "type": "bool_prefix",
			"fields":   []string{"name.suggest", "name.suggest._2gram", "name.suggest._3gram"},
			"operator": "and"}},
	}
}

// categoriesBody asks for the categories whose name matches the words, the
// last one as a prefix, with how many products each holds.
func categoriesBody(prefix string) obj {
	return obj{
		"size": 0,
		"query": obj{"multi_match": obj{"query": prefix, "type": "bool_prefix",
			"fields":   []string{"category_names.suggest", "category_names.suggest._2gram"},
			"operator": "and"}},
		"aggs": obj{"categories": obj{"terms": obj{"field": "category_keys", "size": 200}}},
	}
}
