package searchtest

import (
	"testing"

	"github.com/ecommerce-moderno/moderno/search"
)

func testText(t *testing.T, e Engine) {
	t.Run("accents", func(t *testing.T) {
		expectFound(t, e, "camion", idCamion)
		expectFound(t, e, "CAMIÓN", idCamion)
		expectFound(t, e, "cafe instantaneo", idCafe)
		expectFound(t, e, "audifonos", idBuds)
		expectFound(t, e, "panales", idPanales)
	})
	t.Run("plurals and stems", func(t *testing.T) {
		expectFound(t, e, "camiones", idCamion)
		expectFound(t, e, "leches", idLecheEntera, idLecheDescremada)
		expectFound(t, e, "galletita", idGalletitas)
		expectFound(t, e, "headphone", idHeadphones)
		expectFound(t, e, "batteries", idBateria)
	})
	t.Run("all words must match", func(t *testing.T) {
		expectFirst(t, e, "leche colun", idLecheDescremada)
		expectNotFound(t, e, "leche colun", idLecheEntera, idCoca)
	})
	t.Run("brand and category", func(t *testing.T) {
		expectFound(t, e, "nescafe", idCafe)
		expectFound(t, e, "lacteos", idLecheEntera, idYogur)
	})
	t.Run("synonyms", func(t *testing.T) {
		expectFound(t, e, "celular", idGalaxy, idIPhone)
		expectFound(t, e, "smartphones", idGalaxy)
		expectFound(t, e, "teléfono móvil samsung", idGalaxy)
		expectFound(t, e, "auriculares", idHeadphones, idBuds)
		expectFound(t, e, "televisor", idTV)
	})
	t.Run("stop words alone", func(t *testing.T) {
		// "de la" says nothing; the engine may list everything or nothing,
		// but must not fail.
		MustSearch(t, e, text("de la"))
	})
	t.Run("relevance", func(t *testing.T) {
		expectFirst(t, e, "leche entera", idLecheEntera)
		expectFirst(t, e, "samsung galaxy", idGalaxy)
		expectFirst(t, e, "iphone", idIPhone)
	})
	t.Run("hits carry documents", func(t *testing.T) {
		res := MustSearch(t, e, text("yogur frutilla"))
		if len(res.Hits) == 0 {
			t.Fatalf("Search(yogur frutilla) found nothing")
		}
		h := res.Hits[0]
		if h.ID != idYogur || h.Name != "Yogur Frutilla Colun 120 g" || h.Brand != "Colun" ||
			h.Price.Minor() != 450 || h.Available != 40 || len(h.CategoryPath) != 2 {
			t.Errorf("hit = %+v; want the yogurt's document", h.Document)
		}
		if h.Score <= 0 {
			t.Errorf("hit score = %v; want > 0", h.Score)
		}
	})
}

func testTypos(t *testing.T, e Engine) {
	t.Run("one typo", func(t *testing.T) {
		expectFound(t, e, "samsnug", idGalaxy, idTV)
		expectFound(t, e, "lehce entera", idLecheEntera)
		expectFound(t, e, "yogurt", idYogur)
	})
	t.Run("two typos in a long word", func(t *testing.T) {
		expectFound(t, e, "descremdaa", idLecheDescremada)
	})
	t.Run("short words take no typos", func(t *testing.T) {
		expectNotFound(t, e, "tx", idTV)
	})
	t.Run("did you mean", func(t *testing.T) {
		res := MustSearch(t, e, search.Query{Text: "samsnug "})
		if res.DidYouMean != "samsung" {
			t.Errorf("Search(samsnug).DidYouMean = %q; want samsung", res.DidYouMean)
		}
		res = MustSearch(t, e, search.Query{Text: "leche "})
		if res.DidYouMean != "" {
			t.Errorf("Search(leche).DidYouMean = %q; want none", res.DidYouMean)
		}
	})
	t.Run("nonsense finds nothing", func(t *testing.T) {
		res := MustSearch(t, e, search.Query{Text: "qxzwvk"})
		if res.Total != 0 || len(res.Hits) != 0 {
			t.Errorf("Search(qxzwvk) = %d hits; want none", res.Total)
		}
	})
}
