package search_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/ecommerce-moderno/moderno/search"
)

func TestFold(t *testing.T) {
	tests := map[string]string{
		"Camión": "camion", "CAMIÓN": "camion", "pañal": "panal", "Nescafé": "nescafe",
		"plain": "plain", "Ünïcödé": "unicode",
	}
	for in, want := range tests {
		if got := search.Fold(in); got != want {
			t.Errorf("Fold(%q) = %q; want %q", in, got, want)
		}
	}
}

func TestWords(t *testing.T) {
	got := search.Words("Coca-Cola Zero 1.5L, ¡Oferta!")
	want := []string{"coca", "cola", "zero", "1", "5l", "oferta"}
	if !slices.Equal(got, want) {
		t.Errorf("Words = %q; want %q", got, want)
	}
}

// TestStemPairs checks that singular and plural, Spanish and English, and
// words with and without accents meet on one term.
func TestStemPairs(t *testing.T) {
	pairs := [][2]string{
		{"camion", "camiones"}, {"leche", "leches"}, {"celular", "celulares"},
		{"luz", "luces"}, {"pan", "panes"}, {"jabon", "jabones"}, {"tomate", "tomates"},
		{"guitar", "guitars"}, {"battery", "batteries"}, {"phone", "phones"},
		{"headphone", "headphones"}, {"speaker", "speakers"}, {"yerba", "yerbas"},
	}
	for _, p := range pairs {
		if a, b := search.Stem(p[0]), search.Stem(p[1]); a != b {
			t.Errorf("Stem(%q) = %q, Stem(%q) = %q; want equal", p[0], a, p[1], b)
		}
	}
	for _, keep := range []string{"500ml", "tv", "usb"} {
		if got := search.Stem(keep); got != keep {
			t.Errorf("Stem(%q) = %q; want it kept", keep, got)
		}
	}
}

func TestAnalyzeDropsStopWords(t *testing.T) {
	got := search.Terms("Leche sin lactosa de la vaca for the kids")
	if strings.Join(got, " ") != "lech sin lactos vac kid" {
		t.Errorf("Terms = %q", got)
	}
	tokens := search.Analyze("la leche")
	if len(tokens) != 1 || tokens[0].Pos != 1 || tokens[0].Word != "leche" {
		t.Errorf("Analyze(la leche) = %+v; want leche at position 1", tokens)
	}
}

func TestDistance(t *testing.T) {
	tests := []struct {
		a, b string
		max  int
		want int
	}{
		{"leche", "leche", 2, 0},
		{"lehce", "leche", 2, 1}, // a swap is one edit
		{"samsnug", "samsung", 2, 1},
		{"yerva", "yerba", 1, 1},
		{"descremdaa", "descremada", 2, 1},
		{"descremadda", "descremada", 2, 1},
		{"dsecremdaa", "descremada", 2, 2},
		{"abc", "xyz", 1, 2}, // beyond max: max+1
		{"a", "abcd", 2, 3},
	}
	for _, tt := range tests {
		if got := search.Distance(tt.a, tt.b, tt.max); got != tt.want {
			t.Errorf("Distance(%q, %q, %d) = %d; want %d", tt.a, tt.b, tt.max, got, tt.want)
		}
	}
	for n, want := range map[int]int{3: 0, 4: 1, 7: 1, 8: 2, 20: 2} {
		if got := search.MaxEdits(n); got != want {
			t.Errorf("MaxEdits(%d) = %d; want %d", n, got, want)
		}
	}
}

func TestQueryNormalize(t *testing.T) {
	q, err := search.Query{}.Normalize()
	if err != nil || q.Page != 1 || q.Limit != 20 || q.Sort != search.SortRelevance {
		t.Errorf("Normalize(zero) = %+v, %v; want page 1, limit 20, relevance", q, err)
	}
	if q.Offset() != 0 {
		t.Errorf("Offset = %d; want 0", q.Offset())
	}
}

func TestPriceRanges(t *testing.T) {
	rs := search.DefaultPriceRanges()
	if rs[0].Label != "menos de $1.000" || rs[len(rs)-1].Label != "$1.000.000 o más" {
		t.Errorf("labels = %q, %q", rs[0].Label, rs[len(rs)-1].Label)
	}
	if !rs[1].Contains(1000) || rs[1].Contains(2500) || !rs[len(rs)-1].Contains(9_999_999) {
		t.Errorf("ranges do not tile the prices: %+v", rs)
	}
}
