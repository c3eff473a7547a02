package elasticsearch

import (
	"strings"

	"github.com/ecommerce-moderno/moderno/search"
)

// obj is a JSON object being built.
type obj = map[string]any

// indexBody returns the settings and mappings of a new index: text is
// analysed on writes without synonyms and on searches with them, so that
// changing synonyms needs no reindex.
func indexBody(syn *search.Synonyms) obj {
	return obj{"settings": obj{
		"number_of_shards": 1, "number_of_replicas": 0,
		"analysis": analysis(syn),
	}, "mappings": mappings()}
}

func analysis(syn *search.Synonyms) obj {
	lines := []string{}
	for _, g := range syn.Groups() {
		lines = append(lines, strings.Join(g, ", "))
	}
	return obj{
		"filter": obj{
			"spanish_stop":    obj{"type": "stop", "stopwords": search.StopWords()},
			"spanish_stemmer": obj{"type": "stemmer", "language": "spanish"},
			"product_synonyms": obj{"type": "synonym_graph", "synonyms": lines,
				"lenient": true},
		},
		"analyzer": obj{
			"spanish_analyzer": analyzer("lowercase", "asciifolding", "spanish_stop",
				"spanish_stemmer"),
			"spanish_search": analyzer("lowercase", "asciifolding", "product_synonyms",
				"spanish_stop", "spanish_stemmer"),
			"folded": analyzer("lowercase", "asciifolding"),
		},
	}
}

func analyzer(filters ...string) obj {
	return obj{"type": "custom", "tokenizer": "standard", "filter": filters}
}

func text(boostFields ...obj) obj {
	t := obj{"type": "text", "analyzer": "spanish_analyzer", "search_analyzer": "spanish_search"}
	if len(boostFields) > 0 {
		t["fields"] = boostFields[0]
	}
	return t
}

func mappings() obj {
	keyword := obj{"type": "keyword"}
	return obj{"dynamic": "strict", "properties": obj{
		"id": obj{"type": "long"}, "sku": keyword, "codes": keyword, "slug": keyword,
		"name": text(obj{
			"keyword": keyword,
			"folded":  obj{"type": "text", "analyzer": "folded"},
			"suggest": obj{"type": "search_as_you_type", "analyzer": "folded"},
		}),
		"description":    text(),
		"brand":          text(),
		"brand_id":       obj{"type": "long"},
		"brand_key":      keyword,
		"category_id":    obj{"type": "long"},
		"category_ids":   obj{"type": "long"},
		"category_names": text(obj{"suggest": obj{"type": "search_as_you_type", "analyzer": "folded"}}),
		"category_keys":  keyword,
		"attributes":     obj{"type": "object", "enabled": false},
		"attribute_keys": keyword,
		"attribute_text": text(),
		"price":          obj{"type": "long"},
		"currency":       keyword,
		"available":      obj{"type": "integer"},
		"in_stock":       obj{"type": "boolean"},
		"rating":         obj{"type": "float"},
		"featured":       obj{"type": "boolean"},
		"image_url":      obj{"type": "keyword", "index": false},
		"created_at":     obj{"type": "date"},
	}}
}
