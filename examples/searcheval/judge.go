package main

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"math"
	"os"

	"github.com/ecommerce-moderno/moderno/search"
)

// judgments is the judged set: queries and, for each, the SKUs of the
// source rows that answer it.
type judgments struct {
	About   string   `json:"about"`
	Queries []judged `json:"queries"`
}

type judged struct {
	Query    string   `json:"query"`
	Lang     string   `json:"lang"`
	Kind     string   `json:"kind"`
	Rule     string   `json:"rule"`
	Relevant []string `json:"relevant"`
}

//go:embed testdata/judgments.json
var shipped []byte

// readJudgments reads the judged set from path, or the shipped one when
// path is empty.
func readJudgments(path string) (judgments, error) {
	var j judgments
	data := shipped
	if path != "" {
		var err error
		data, err = os.ReadFile(path) // #nosec G304 -- the operator names the file
		if err != nil {
			return j, fmt.Errorf("read judgments: %w", err)
		}
	}
	if err := json.Unmarshal(data, &j); err != nil {
		return j, fmt.Errorf("read judgments %s: %w", path, err)
	}
	return j, nil
}

// quality is one query's figures.
type quality struct {
	ndcg, recall float64
	relevant     int // relevant products in the catalog
}

// target is a judged query ready to grade: its judged SKUs and how many
// products of the catalog they name.
type target struct {
	judged
	want     map[string]bool
	relevant int
}

// targets counts, for each judged query, the catalog's products that answer
// it; a product grouping several judged rows counts once.
func targets(j judgments, docs []search.Document) []target {
	out := make([]target, len(j.Queries))
	for i, q := range j.Queries {
		t := target{judged: q, want: map[string]bool{}}
		for _, s := range q.Relevant {
			t.want[s] = true
		}
		for _, d := range docs {
			if isRelevant(d, t.want) {
				t.relevant++
			}
		}
		out[i] = t
	}
	return out
}

// grade scores the first ten hits with binary relevance, matching a hit by
// its own SKU or any of its variants'. Recall is over the first ten, so a
// query with more than ten relevant products can still reach 1.
func grade(hits []search.Hit, t target) quality {
	dcg, found := 0.0, 0
	for i, h := range hits[:min(10, len(hits))] {
		if isRelevant(h.Document, t.want) {
			dcg += 1 / math.Log2(float64(i)+2)
			found++
		}
	}
	ideal := 0.0
	for i := range min(10, t.relevant) {
		ideal += 1 / math.Log2(float64(i)+2)
	}
	if ideal == 0 {
		return quality{}
	}
	return quality{ndcg: dcg / ideal, recall: float64(found) / float64(min(10, t.relevant)),
		relevant: t.relevant}
}

func isRelevant(d search.Document, want map[string]bool) bool {
	if want[d.SKU] {
		return true
	}
	for _, c := range d.Codes {
		if want[c] {
			return true
		}
	}
	return false
}
