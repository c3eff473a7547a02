package demo

import (
	"slices"
	"strings"
	"testing"

	"github.com/ecommerce-moderno/moderno/commerce"
)

// bestBuyJSON is a small products-sample.json: two products that share a
// name, three colours of one power bank, and a game on two platforms.
const bestBuyJSON = `[
{"sku":43900,"name":"Duracell - AAA Batteries (4-Pack)","type":"HardGood","price":5.49,
 "upc":"041333424019","category":[{"id":"a","name":"Connected Home & Housewares"},
 {"id":"b","name":"Housewares"},{"id":"c","name":"Household Batteries"}],
 "description":"AAA size &#174; 4-pack","manufacturer":"Duracell","model":"MN2400B4Z"},
{"sku":43901,"name":"Duracell - AAA Batteries (4-Pack)","type":"HardGood","price":6,
 "upc":"041333424020","category":[{"id":"a","name":"Connected Home & Housewares"}],
 "description":"","manufacturer":"Duracell","model":"MN2400B4Y"},
{"sku":1,"name":"Altec - Power Bank - Black","type":"HardGood","price":29.99,"upc":"1",
 "category":[{"id":"x","name":"Cell Phones"}],"manufacturer":"Altec","model":"B"},
{"sku":2,"name":"Altec - Power Bank - Blue","type":"HardGood","price":31.99,"upc":"2",
 "category":[{"id":"x","name":"Cell Phones"}],"manufacturer":"Altec","model":"U"},
{"sku":3,"name":"Altec - Power Bank - Pink","type":"HardGood","price":29.99,"upc":"3",
 "category":[{"id":"x","name":"Cell Phones"}],"manufacturer":"Altec","model":"P"},
{"sku":4,"name":"NBA Live 15 - PRE-OWNED - Xbox One","type":"Game","price":9.99,
 "category":[{"id":"g","name":"Video Games"}],"manufacturer":"EA","model":"G1"},
{"sku":5,"name":"NBA Live 15 - PRE-OWNED - PlayStation 4","type":"Game","price":9.99,
 "category":[{"id":"g","name":"Video Games"}],"manufacturer":"EA","model":"G2"},
{"sku":6,"name":"Apple - MagSafe Adapter - White","type":"HardGood","price":79,
 "category":[{"id":"n","name":"Name Brands"},{"id":"m","name":"Apple"}],
 "manufacturer":"Apple","model":"M"}
]`

func readTestBestBuy(t *testing.T) []item {
	t.Helper()
	src := sources(newClassifier(supermarketRules))[0]
	items, rejected, err := readBestBuy(strings.NewReader(bestBuyJSON), src, 0)
	if err != nil || len(rejected) > 0 {
		t.Fatalf("readBestBuy = %v, %v; want no rejection", rejected, err)
	}
	return items
}

func TestBestBuyItem(t *testing.T) {
	it := readTestBestBuy(t)[0]
	if it.sku != "BBY-43900" || it.price.Minor() != 3730 || it.price.Currency() != commerce.CLP {
		t.Errorf("item = %s at %s; want BBY-43900 at 3730 CLP", it.sku, it.price)
	}
	if it.desc != "AAA size ® 4-pack" {
		t.Errorf("desc = %q; want the HTML entity decoded", it.desc)
	}
	want := "Hogar, oficina y menaje > Menaje > Pilas"
	if got := strings.Join(it.path, pathSep); got != want {
		t.Errorf("path = %q; want %q", got, want)
	}
	if got := attrValue(it.attrs, "upc"); got != "041333424019" {
		t.Errorf("upc = %q; want the leading zero kept", got)
	}
	if got := attrValue(it.attrs, "tipo"); got != "Artículo" {
		t.Errorf("tipo = %q; want Artículo", got)
	}
}

func TestPlanSKUsAndSlugs(t *testing.T) {
	p := newPlan(readTestBestBuy(t), 1)
	got := map[string]string{} // SKU → slug
	for _, pl := range p.products {
		got[pl.product.SKU] = pl.product.Slug
	}
	want := map[string]string{
		"BBY-43900": "duracell-aaa-batteries-4-pack",
		"BBY-43901": "duracell-aaa-batteries-4-pack-bby-43901", // same name: SKU appended
		"BBY-G-1":   "altec-power-bank",                        // colours grouped
		"BBY-4":     "nba-live-15-pre-owned-xbox-one",          // games are not grouped
		"BBY-5":     "nba-live-15-pre-owned-playstation-4",
		"BBY-6":     "apple-magsafe-adapter-white",
	}
	for sku, slug := range want {
		if got[sku] != slug {
			t.Errorf("slug of %s = %q; want %q", sku, got[sku], slug)
		}
	}
	if len(got) != len(want) {
		t.Errorf("planned %d products %v; want %d", len(got), got, len(want))
	}
}

func TestColourGroup(t *testing.T) {
	p := newPlan(readTestBestBuy(t), 1)
	var g *planned
	for i := range p.products {
		if p.products[i].product.SKU == "BBY-G-1" {
			g = &p.products[i]
		}
	}
	if g == nil {
		t.Fatal("no product BBY-G-1 for the three colours")
	}
	var skus, colours []string
	for _, v := range g.product.Variants {
		skus, colours = append(skus, v.SKU), append(colours, v.Options[0].Value)
	}
	if !slices.Equal(skus, []string{"BBY-1", "BBY-2", "BBY-3"}) ||
		!slices.Equal(colours, []string{"Black", "Blue", "Pink"}) {
		t.Errorf("variants = %v %v; want BBY-1..3 in Black, Blue, Pink", skus, colours)
	}
	if g.product.Price.Minor() != 20390 || g.product.Variants[1].Price.Minor() != 21750 {
		t.Errorf("prices = %s, blue %s; want the lowest 20390 and blue's own 21750",
			g.product.Price, g.product.Variants[1].Price)
	}
	if len(g.rows) != 3 {
		t.Errorf("group has %d rows; want 3, each counted as imported", len(g.rows))
	}
}

func TestBestBuyPath(t *testing.T) {
	type cat = struct{ Name string }
	tests := []struct {
		in   []cat
		want string
	}{
		{[]cat{{"Appliances"}, {"Refrigerators"}, {"All Refrigerators"}},
			"Electrodomésticos > Refrigeradores > Todos los refrigeradores"},
		{[]cat{{"Musical Instruments"}, {"Sheet Music & DVDs"}, {"Guitar Tabs"}},
			"Instrumentos musicales > Partituras y DVD > Guitar Tabs"},
		{[]cat{{"Name Brands"}, {"Apple"}}, otherDepartment},
		{nil, otherDepartment},
	}
	for _, tt := range tests {
		if got := strings.Join(bestBuyPath(tt.in), pathSep); got != tt.want {
			t.Errorf("bestBuyPath(%v) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

func TestSplitColour(t *testing.T) {
	tests := []struct{ name, stem, colour string }{
		{"Altec - Power Bank - Black", "Altec - Power Bank", "Black"},
		{"GE - Range - Black-on-Black", "GE - Range", "Black-on-Black"},
		{"Duracell - AAA Batteries", "", ""},
		{"Microphone", "", ""},
	}
	for _, tt := range tests {
		stem, colour := splitColour(tt.name)
		if stem != tt.stem || colour != tt.colour {
			t.Errorf("splitColour(%q) = %q, %q; want %q, %q", tt.name, stem, colour, tt.stem,
				tt.colour)
		}
	}
}

func TestTitleCase(t *testing.T) {
	tests := []struct{ in, want string }{
		{"LA ANÓNIMA", "La Anónima"},
		{"DÍA", "Día"},
		{"COCA-COLA", "Coca-Cola"},
		{"S.C. JOHNSON", "S.C. Johnson"},
		{"3M", "3M"},
		{"CASA DE CAMPO", "Casa de Campo"},
		{"MC DONALD'S", "Mc Donald's"},
		{"Energizer", "Energizer"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := titleCase(tt.in); got != tt.want {
			t.Errorf("titleCase(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

func TestPresentationAndWeight(t *testing.T) {
	tests := []struct{ in, pres, kg string }{
		{"500.0 gr", "500 gr", "0.5"},
		{"1.0 kg", "1 kg", "1"},
		{"1.5 lt", "1.5 lt", ""},
		{"1.0 un", "1 un", ""},
		{"", "", ""},
	}
	for _, tt := range tests {
		pres := presentation(tt.in)
		w := weightKg(pres)
		kg := ""
		if w != nil {
			kg = w.String()
		}
		if pres != tt.pres || kg != tt.kg {
			t.Errorf("presentation(%q) = %q, %q kg; want %q, %q kg", tt.in, pres, kg, tt.pres,
				tt.kg)
		}
	}
}

func TestPreciosItem(t *testing.T) {
	c := newClassifier(supermarketRules)
	src := sources(c)[1]
	row := map[string]string{"id_producto": "7790742033002", "marca": "LA SERENÍSIMA",
		"nombre": "Leche Entera La Serenisima 1 Lt", "presentacion": "1.0 lt",
		"precio_mediana_ars": "65.50"}
	it, err := preciosItem(row, src, c)
	if err != nil {
		t.Fatal(err)
	}
	if it.sku != "PCA-7790742033002" || it.brand != "La Serenísima" || it.price.Minor() != 850 {
		t.Errorf("item = %s, %q, %s; want PCA-7790742033002, La Serenísima, 850 CLP",
			it.sku, it.brand, it.price)
	}
	if got := attrValue(it.attrs, "ean"); got != "7790742033002" {
		t.Errorf("ean = %q; want the id", got)
	}
	want := "Leche Entera La Serenisima 1 Lt, de La Serenísima, en presentación de 1 lt."
	if !strings.HasPrefix(it.desc, want) {
		t.Errorf("desc = %q; want it to start %q", it.desc, want)
	}
	row["marca"], row["id_producto"] = "SIN MARCA", "36-3-0200099800000"
	it, _ = preciosItem(row, src, c)
	if it.brand != "" || attrValue(it.attrs, "ean") != "" {
		t.Errorf("unbranded item = brand %q, ean %q; want neither", it.brand,
			attrValue(it.attrs, "ean"))
	}
}
