package rest_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"reflect"
	"strings"
	"testing"
)

// slugs returns the slugs of a listing's products, in order.
func slugs(t *testing.T, body map[string]any) []string {
	t.Helper()
	data, ok := body["data"].([]any)
	if !ok {
		t.Fatalf("data = %v; want a list", body["data"])
	}
	out := []string{}
	for _, p := range data {
		out = append(out, p.(map[string]any)["slug"].(string))
	}
	return out
}

func TestListShape(t *testing.T) {
	f := newFixture(t)
	rec := f.get(t, "/products?limit=2&sort=price_desc")
	if rec.Code != http.StatusOK {
		t.Fatalf("GET /products = %d %s; want 200", rec.Code, rec.Body)
	}
	body := decode(t, rec)
	want := map[string]any{"page": json.Number("1"), "limit": json.Number("2"),
		"total": json.Number("4"), "pages": json.Number("2")}
	if got := body["pagination"]; !reflect.DeepEqual(got, want) {
		t.Errorf("pagination = %v; want %v", got, want)
	}
	nb := body["data"].([]any)[0].(map[string]any)
	checks := map[string]any{
		"slug": "notebook-pro-14", "sku": "NB-14", "price": json.Number("899990"),
		"compare_price": json.Number("999990"), "currency": "CLP",
		"price_formatted": "$899.990", "compare_price_formatted": "$999.990",
		"stock": json.Number("5"), "in_stock": true, "featured": true,
		"rating": json.Number("0"), "reviews_count": json.Number("0"),
		"category": map[string]any{"id": json.Number(fmt.Sprint(f.ids["notebooks"])),
			"name": "Notebooks", "slug": "notebooks"},
	}
	for k, v := range checks {
		if !reflect.DeepEqual(nb[k], v) {
			t.Errorf("data[0].%s = %#v; want %#v", k, nb[k], v)
		}
	}
	if b := nb["brand"].(map[string]any); b["slug"] != "acme" {
		t.Errorf("data[0].brand = %v; want acme", b)
	}
	monitor := body["data"].([]any)[1].(map[string]any)
	if monitor["brand"] != nil || monitor["compare_price"] != nil {
		t.Errorf("monitor brand, compare_price = %v, %v; want null, null", monitor["brand"],
			monitor["compare_price"])
	}
}

func TestListFilters(t *testing.T) {
	f := newFixture(t)
	id := func(slug string) string { return fmt.Sprint(f.ids[slug]) }
	tests := []struct {
		query string
		want  []string
	}{
		{"", []string{"leche-entera-1-l", "monitor-27", "mouse-optico", "notebook-pro-14"}},
		{"category=electronica", []string{"monitor-27", "mouse-optico", "notebook-pro-14"}},
		{"category=" + id("computacion"), []string{"mouse-optico", "notebook-pro-14"}},
		{"category=notebooks", []string{"notebook-pro-14"}},
		{"category=lacteos", []string{"leche-entera-1-l"}},
		{"brand=acme", []string{"mouse-optico", "notebook-pro-14"}},
		{"price_min=12990&price_max=249990", []string{"monitor-27", "mouse-optico"}},
		{"price_min=1000.50", []string{"leche-entera-1-l", "monitor-27", "mouse-optico",
			"notebook-pro-14"}},
		{"in_stock=true", []string{"leche-entera-1-l", "monitor-27", "notebook-pro-14"}},
		{"in_stock=false", []string{"mouse-optico"}},
		{"featured=true", []string{"notebook-pro-14"}},
		{"search=leche", []string{"leche-entera-1-l"}},
		{"search=optico", []string{"mouse-optico"}},
		{"search=", []string{"leche-entera-1-l", "monitor-27", "mouse-optico",
			"notebook-pro-14"}},
		{"category=electronica&in_stock=true&sort=price_asc",
			[]string{"monitor-27", "notebook-pro-14"}},
		{"page=2&limit=3", []string{"notebook-pro-14"}},
		{"page=9", []string{}},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			rec := f.get(t, "/products?"+tt.query)
			if rec.Code != http.StatusOK {
				t.Fatalf("GET /products?%s = %d %s; want 200", tt.query, rec.Code, rec.Body)
			}
			if got := slugs(t, decode(t, rec)); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("GET /products?%s = %v; want %v", tt.query, got, tt.want)
			}
		})
	}
}

func TestSortOrders(t *testing.T) {
	f := newFixture(t)
	tests := []struct {
		sort string
		want []string
	}{
		{"newest", []string{"leche-entera-1-l", "monitor-27", "mouse-optico", "notebook-pro-14"}},
		{"price_asc", []string{"leche-entera-1-l", "mouse-optico", "monitor-27", "notebook-pro-14"}},
		{"price_desc", []string{"notebook-pro-14", "monitor-27", "mouse-optico", "leche-entera-1-l"}},
		{"name", []string{"leche-entera-1-l", "monitor-27", "mouse-optico", "notebook-pro-14"}},
		// Nobody has reviewed anything: ties fall back to the id, newest first.
		{"rating", []string{"leche-entera-1-l", "monitor-27", "mouse-optico", "notebook-pro-14"}},
	}
	for _, tt := range tests {
		rec := f.get(t, "/products?sort="+tt.sort)
		if rec.Code != http.StatusOK {
			t.Fatalf("sort=%s: %d %s; want 200", tt.sort, rec.Code, rec.Body)
		}
		if got := slugs(t, decode(t, rec)); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("sort=%s: %v; want %v", tt.sort, got, tt.want)
		}
	}
}

func TestProductDetail(t *testing.T) {
	f := newFixture(t)
	for _, ref := range []string{"notebook-pro-14", fmt.Sprint(f.ids["notebook-pro-14"])} {
		rec := f.get(t, "/products/"+ref)
		if rec.Code != http.StatusOK {
			t.Fatalf("GET /products/%s = %d %s; want 200", ref, rec.Code, rec.Body)
		}
		p := decode(t, rec)["data"].(map[string]any)
		var path []string
		for _, c := range p["category_path"].([]any) {
			path = append(path, c.(map[string]any)["slug"].(string))
		}
		if want := []string{"electronica", "computacion", "notebooks"}; !reflect.DeepEqual(path,
			want) {
			t.Errorf("category_path = %v; want %v", path, want)
		}
		vs := p["variants"].([]any)
		if len(vs) != 2 {
			t.Fatalf("variants = %v; want 2", vs)
		}
		v0, v1 := vs[0].(map[string]any), vs[1].(map[string]any)
		if v0["price"] != json.Number("899990") || v0["stock"] != json.Number("2") ||
			v1["price_formatted"] != "$999.990" || v1["stock"] != json.Number("3") {
			t.Errorf("variants = %v; want prices 899990, $999.990 and stock 2, 3", vs)
		}
		attrs := p["attributes"].([]any)
		if len(attrs) != 1 || p["description"] == nil || p["created_at"] == nil {
			t.Errorf("detail = %v; want attributes, description and created_at", p)
		}
	}
}

func TestProductNotFound(t *testing.T) {
	f := newFixture(t)
	for _, ref := range []string{"nope", "999999", "producto-oculto", "Bad_Slug", "0", "-1",
		"%00", strings.Repeat("a", 300), "notebook-pro-14%2Fx"} {
		rec := f.get(t, "/products/"+ref)
		if rec.Code != http.StatusNotFound {
			t.Errorf("GET /products/%s = %d; want 404", ref, rec.Code)
			continue
		}
		body := decode(t, rec)["error"].(map[string]any)
		if body["code"] != "not_found" || body["request_id"] == "" {
			t.Errorf("GET /products/%s error = %v; want not_found with a request id", ref, body)
		}
	}
}

func TestUnknownCategoryIsNotFound(t *testing.T) {
	f := newFixture(t)
	for _, q := range []string{"category=nope", "brand=nope", "category=99999"} {
		if rec := f.get(t, "/products?"+q); rec.Code != http.StatusNotFound {
			t.Errorf("GET /products?%s = %d %s; want 404", q, rec.Code, rec.Body)
		}
	}
}
