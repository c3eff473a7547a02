package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/url"
	"strconv"
)

// listPages is how many pages of the listing the listing scenario spreads
// its requests over; idPages how many pages of ids the product scenario
// draws from.
const (
	listPages = 50
	idPages   = 20
)

// discover asks the server for what the scenarios need: the category to
// list and a sample of product ids.
func discover(ctx context.Context, client *http.Client, o options) ([]scenario, error) {
	cat := o.category
	if cat == "" {
		var err error
		if cat, err = biggestCategory(ctx, client, o.target); err != nil {
			return nil, err
		}
	}
	ids, err := sampleIDs(ctx, client, o.target)
	if err != nil {
		return nil, err
	}
	list := scenario{
		name: "GET /products?category=" + cat + "&sort=price_asc&limit=20&page=1..50",
		next: func(r *rand.Rand) string {
			return o.target + "/products?category=" + url.QueryEscape(cat) +
				"&sort=price_asc&limit=20&page=" + strconv.Itoa(1+r.IntN(listPages))
		},
	}
	product := scenario{
		name: fmt.Sprintf("GET /products/{id}, %d random ids", len(ids)),
		next: func(r *rand.Rand) string {
			return o.target + "/products/" + strconv.FormatInt(ids[r.IntN(len(ids))], 10)
		},
	}
	search := scenario{
		name: fmt.Sprintf("GET /search/products?q=..., %d queries, with facets",
			len(searchQueries)),
		next: func(r *rand.Rand) string {
			return o.target + "/search/products?q=" +
				url.QueryEscape(searchQueries[r.IntN(len(searchQueries))])
		},
	}
	return []scenario{list, product, search}, nil
}

// searchQueries are what the search scenario asks, drawn at random: plain
// words, missing accents, plurals, typos, synonyms and brands, in Spanish
// and English, as examples/searcheval judges them.
var searchQueries = []string{
	"leche", "yerba mate", "cafe", "galletitas de chocolate", "arroz", "aceite de oliva",
	"fideos", "pañales", "detergente", "shampoo", "cerveza", "vino tinto", "agua mineral",
	"yogur", "queso", "mermelada", "camion", "celular", "smartphone", "audifonos",
	"headphones", "televisor", "notebook", "laptop", "samsung", "apple iphone", "sony",
	"refrigerador", "lavarropas", "cafetera", "yerba mtae", "galletitsa", "celuar samsnug",
	"chocolates", "tomates", "papel higienico", "jabon", "cepillo de dientes", "hdmi cable",
	"printer", "camara", "auriculares bluetooth", "mouse", "teclado", "nescafe", "coca cola",
}

// biggestCategory returns the slug of the root category with most products.
func biggestCategory(ctx context.Context, client *http.Client, target string) (string, error) {
	var tree struct {
		Data []struct {
			Slug  string `json:"slug"`
			Count int    `json:"product_count"`
		} `json:"data"`
	}
	if err := getJSON(ctx, client, target+"/categories", &tree); err != nil {
		return "", err
	}
	best, most := "", -1
	for _, c := range tree.Data {
		if c.Count > most {
			best, most = c.Slug, c.Count
		}
	}
	if best == "" {
		return "", errors.New("the server has no categories; import a catalog first")
	}
	return best, nil
}

// sampleIDs collects product ids from pages of the listing spread over the
// whole catalog.
func sampleIDs(ctx context.Context, client *http.Client, target string) ([]int64, error) {
	type page struct {
		Data []struct {
			ID int64 `json:"id"`
		} `json:"data"`
		Pagination struct {
			Pages int `json:"pages"`
		} `json:"pagination"`
	}
	var first page
	if err := getJSON(ctx, client, target+"/products?limit=100&sort=name", &first); err != nil {
		return nil, err
	}
	var ids []int64
	for i := range idPages {
		n := 1 + i*max(first.Pagination.Pages, 1)/idPages
		var p page
		u := target + "/products?limit=100&sort=name&page=" + strconv.Itoa(n)
		if err := getJSON(ctx, client, u, &p); err != nil {
			return nil, err
		}
		for _, d := range p.Data {
			ids = append(ids, d.ID)
		}
	}
	if len(ids) == 0 {
		return nil, errors.New("the server lists no products; import a catalog first")
	}
	return ids, nil
}

func getJSON(ctx context.Context, client *http.Client, u string, v any) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return err
	}
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("GET %s: %s", u, resp.Status)
	}
	if err := json.NewDecoder(resp.Body).Decode(v); err != nil {
		return fmt.Errorf("GET %s: %w", u, err)
	}
	return nil
}
