package rest_test

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// TestBadParams sends every kind of malformed query and wants a 400 whose
// body names the field, never a 500.
func TestBadParams(t *testing.T) {
	f := newFixture(t)
	long := strings.Repeat("x", 201)
	tests := []struct {
		query string
		field string
	}{
		{"page=abc", "page"},
		{"page=0", "page"},
		{"page=-1", "page"},
		{"page=1.5", "page"},
		{"page=+1", "page"},
		{"page=99999999999999999999", "page"},
		{"limit=0", "limit"},
		{"limit=101", "limit"},
		{"limit=-1", "limit"},
		{"limit=1e9", "limit"},
		{"limit=0x10", "limit"},
		{"price_min=-1", "price_min"},
		{"price_min=NaN", "price_min"},
		{"price_min=Infinity", "price_min"},
		{"price_min=1e400", "price_min"},
		{"price_min=1e3", "price_min"},
		{"price_min=1.999", "price_min"},
		{"price_min=1000000000000", "price_min"},
		{"price_max=abc", "price_max"},
		{"price_min=100&price_max=50", "price_max"},
		{"in_stock=maybe", "in_stock"},
		{"in_stock=1", "in_stock"},
		{"featured=yes", "featured"},
		{"sort=bogus", "sort"},
		{"sort=PRICE_ASC", "sort"},
		{"page=1&page=2", "page"},
		{"sort=name&sort=name", "sort"},
		{"search=" + long, "search"},
		{"search=a%00b", "search"},
		{"search=%ff%fe", "search"},
		{"search=%1b[31m", "search"},
		{"category=" + strings.Repeat("a", 256), "category"},
		{"category=Electr%C3%B3nica", "category"},
		{"category=a%20b", "category"},
		{"brand=%00", "brand"},
		{"colour=red", "colour"},
		{"%00=1", "query"},
		{"search=%zz", "query"},
		{"q=" + strings.Repeat("a", 3000), "query"},
	}
	for _, tt := range tests {
		t.Run(tt.query[:min(len(tt.query), 40)], func(t *testing.T) {
			rec := f.get(t, "/products?"+tt.query)
			if rec.Code != http.StatusBadRequest {
				t.Fatalf("GET /products?%s = %d %s; want 400", tt.query, rec.Code, rec.Body)
			}
			wantFieldError(t, rec, tt.field)
		})
	}
}

func TestBadParamsElsewhere(t *testing.T) {
	f := newFixture(t)
	tests := []struct {
		target string
		field  string
	}{
		{"/brands?limit=0", "limit"},
		{"/brands?limit=abc", "limit"},
		{"/brands?search=" + strings.Repeat("x", 101), "search"},
		{"/brands?sort=name", "sort"},
		{"/categories?depth=2", "depth"},
		{"/products/notebook-pro-14?x=1", "x"},
	}
	for _, tt := range tests {
		rec := f.get(t, tt.target)
		if rec.Code != http.StatusBadRequest {
			t.Errorf("GET %s = %d %s; want 400", tt.target, rec.Code, rec.Body)
			continue
		}
		wantFieldError(t, rec, tt.field)
	}
}

// FuzzListQuery checks that no query string makes the listing fail with a
// server error.
func FuzzListQuery(f *testing.F) {
	for _, seed := range []string{"", "page=2&limit=3", "price_min=1e400", "search=%ff",
		"sort=name&sort=x", "category=electronica&in_stock=true", "a=%", "limit=007",
		"price_min=00000000000000000001.5", "search=%E2%80%AE", ";", "&&&=", "page=1;limit=2"} {
		f.Add(seed)
	}
	fx := newFixture(f)
	f.Fuzz(func(t *testing.T, query string) {
		rec := fx.get(t, "/products?"+query)
		if rec.Code >= 500 {
			t.Fatalf("GET /products?%q = %d %s", query, rec.Code, rec.Body)
		}
	})
}

func wantFieldError(t *testing.T, rec *httptest.ResponseRecorder, field string) {
	t.Helper()
	body := decode(t, rec)
	e, ok := body["error"].(map[string]any)
	if !ok || e["code"] != "invalid" || e["message"] == "" {
		t.Fatalf("error body = %v; want code invalid with a message", body)
	}
	fields, _ := e["fields"].([]any)
	for _, fe := range fields {
		if fe.(map[string]any)["field"] == field {
			return
		}
	}
	t.Errorf("error fields = %v; want one naming %q", fields, field)
}
