package search_test

import (
	"strings"
	"testing"

	"github.com/ecommerce-moderno/moderno/search"
)

func TestParseSynonyms(t *testing.T) {
	s, err := search.ParseSynonyms(strings.NewReader(
		"# comment\n\nCelular, Smartphone, Teléfono Móvil\npalta, aguacate\n"))
	if err != nil {
		t.Fatal(err)
	}
	g := s.Groups()
	if len(g) != 2 || strings.Join(g[0], "|") != "celular|smartphone|telefono movil" {
		t.Errorf("Groups = %q", g)
	}
	if _, err := search.ParseSynonyms(strings.NewReader("solo\n")); err == nil {
		t.Error("ParseSynonyms(one member) succeeded; want an error")
	}
	if len(search.DefaultSynonyms().Groups()) < 20 {
		t.Error("DefaultSynonyms has fewer groups than shipped")
	}
}

func TestPlan(t *testing.T) {
	syn := search.NewSynonyms([]string{"celular", "smartphone", "teléfono móvil"})
	p := search.NewPlan("Teléfonos móviles de Samsung", syn)
	if len(p.Clauses) != 2 {
		t.Fatalf("NewPlan = %+v; want two clauses", p)
	}
	c := p.Clauses[0]
	if strings.Join(c.Words, " ") != "telefonos moviles" || len(c.Alternatives) != 3 ||
		!c.Alternatives[1].Synonym {
		t.Errorf("first clause = %+v; want the phrase with two synonyms", c)
	}
	if !p.Clauses[1].Prefix {
		t.Errorf("last clause %+v not marked as being typed", p.Clauses[1])
	}
	if p := search.NewPlan("samsung ", syn); p.Clauses[0].Prefix {
		t.Error("a word followed by a space is marked as being typed")
	}
	if !search.NewPlan("de la", syn).Empty() {
		t.Error("a plan of stop words is not empty")
	}
}
