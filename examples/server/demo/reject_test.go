package demo

import (
	"bytes"
	"compress/gzip"
	"context"
	"strings"
	"testing"
	"testing/fstest"
)

// badCSV has a good row, then one bad row of each kind, then a good row, so
// that reading must go on after each. Line 3 holds a quoted field across
// two lines, so record and line numbers part ways.
const badCSV = "id_producto,marca,nombre,presentacion,precio_mediana_ars,precio_min_ars," +
	"precio_max_ars,n_precios,n_sucursales,categoria,subcategoria\n" +
	`0000000000001,ARCOR,Caramelos Arcor 100 Gr,100.0 gr,50.00,45,55,3,2,,
0000000000002,ARCOR,"Chocolate
Arcor 100 Gr",100.0 gr,80.00,80,80,1,1,Golosinas,Chocolates
0000000000003,ARCOR,,100.0 gr,50.00,45,55,3,2,,
0000000000004,ARCOR,Sin Precio 1 Un,1.0 un,,,,0,0,,
0000000000005,ARCOR,Precio Cero 1 Un,1.0 un,0.00,0,0,1,1,,
0000000000006,ARCOR,Precio Negativo 1 Un,1.0 un,-3.00,0,0,1,1,,
0000000000007,ARCOR,Chicle 1 Un,1.0 un,0.12,0.12,0.12,1,1,,
0000000000008,ARCOR,Precio Raro 1 Un,1.0 un,abc,0,0,1,1,,
0000000000009,ARCOR,Pocas Columnas
,ARCOR,Sin Codigo 1 Un,1.0 un,50.00,45,55,3,2,,
0000000000010,SIN MARCA,Leche Suelta 1 Lt,1.0 lt,40.00,40,40,1,1,,
`

// badJSON has one record per line after the first.
const badJSON = `[
{"sku":1,"name":"Good - One","type":"HardGood","price":10,"category":[{"name":"Audio"}]},
{"sku":2,"name":"","type":"HardGood","price":10,"category":[{"name":"Audio"}]},
{"sku":3,"name":"Price As Text","type":"HardGood","price":"abc","category":[]},
{"sku":4,"name":"No Price","type":"HardGood","category":[]},
{"sku":5,"name":"Negative","type":"HardGood","price":-1,"category":[]},
{"name":"No SKU","type":"HardGood","price":1,"category":[]},
{"sku":7,"name":"Good - Two","type":"Game","price":19.99,"category":[{"name":"Video Games"}]}
]`

type wantRejection struct {
	line, record int
	sku, reason  string // reason: a part of the message
}

func checkRejections(t *testing.T, got []rejection, want []wantRejection) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("rejected %d rows %+v; want %d", len(got), got, len(want))
	}
	for i, w := range want {
		g := got[i]
		if g.line != w.line || g.record != w.record || g.sku != w.sku ||
			!strings.Contains(g.reason, w.reason) {
			t.Errorf("rejection %d = %+v; want line %d, record %d, %s, %q", i, g, w.line,
				w.record, w.sku, w.reason)
		}
	}
}

func TestReadPreciosRejects(t *testing.T) {
	c := newClassifier(supermarketRules)
	items, rejected, err := readPrecios(strings.NewReader(badCSV), sources(c)[1], 0, c)
	if err != nil {
		t.Fatal(err)
	}
	checkRejections(t, rejected, []wantRejection{
		{5, 3, "PCA-0000000000003", "sin nombre"},
		{6, 4, "PCA-0000000000004", "sin precio"},
		{7, 5, "PCA-0000000000005", "no positivo"},
		{8, 6, "PCA-0000000000006", "no positivo"},
		{9, 7, "PCA-0000000000007", "mínimo plausible"},
		{10, 8, "PCA-0000000000008", "no válido"},
		{11, 9, "", "number of fields"},
		{12, 10, "", "sin SKU"},
	})
	var skus []string
	for _, it := range items {
		skus = append(skus, it.sku)
	}
	want := "PCA-0000000000001 PCA-0000000000002 PCA-0000000000010"
	if got := strings.Join(skus, " "); got != want {
		t.Errorf("kept %s; want %s", got, want)
	}
	if items[1].line != 3 || items[2].line != 13 {
		t.Errorf("lines of kept rows = %d, %d; want 3, 13", items[1].line, items[2].line)
	}
}

func TestReadPreciosHeader(t *testing.T) {
	c := newClassifier(supermarketRules)
	_, _, err := readPrecios(strings.NewReader("id,nombre\n1,x\n"), sources(c)[1], 0, c)
	if err == nil || !strings.Contains(err.Error(), "missing column") {
		t.Errorf("readPrecios(bad header) = %v; want a missing column error", err)
	}
}

func TestReadBestBuyRejects(t *testing.T) {
	src := sources(newClassifier(supermarketRules))[0]
	items, rejected, err := readBestBuy(strings.NewReader(badJSON), src, 0)
	if err != nil {
		t.Fatal(err)
	}
	checkRejections(t, rejected, []wantRejection{
		{3, 2, "BBY-2", "sin nombre"},
		{4, 3, "", "registro no válido"},
		{5, 4, "BBY-4", "sin precio"},
		{6, 5, "BBY-5", "no positivo"},
		{7, 6, "", "sin SKU"},
	})
	if len(items) != 2 || items[1].line != 8 || items[1].record != 7 {
		t.Errorf("kept %d items, last at line %d record %d; want 2, line 8, record 7",
			len(items), items[len(items)-1].line, items[len(items)-1].record)
	}
}

func TestReadBestBuyBroken(t *testing.T) {
	src := sources(newClassifier(supermarketRules))[0]
	items, rejected, err := readBestBuy(strings.NewReader("[\n{\"sku\":1,\"name\":\"A - B\","+
		"\"price\":1},\n{\"sku\": oops}\n]"), src, 0)
	if err != nil || len(items) != 1 || len(rejected) != 1 || rejected[0].line != 3 {
		t.Errorf("readBestBuy(syntax error) = %d items, %+v, %v; want 1 item and a rejection"+
			" at line 3", len(items), rejected, err)
	}
	if _, _, err := readBestBuy(strings.NewReader(`{"sku":1}`), src, 0); err == nil {
		t.Error("readBestBuy(object) succeeded; want an error: not an array")
	}
}

// gz compresses text for a test file system.
func gz(t *testing.T, text string) *fstest.MapFile {
	t.Helper()
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	if _, err := w.Write([]byte(text)); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return &fstest.MapFile{Data: b.Bytes()}
}

// TestImportKeepsGoodRows runs a whole import over malformed files: the
// report names each bad row by file and line, and the good rows are stored.
func TestImportKeepsGoodRows(t *testing.T) {
	cfg, store := newFakeConfig(t)
	cfg.Data = fstest.MapFS{BestBuyFile: gz(t, badJSON), PreciosFile: gz(t, badCSV)}
	rep, err := Import(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Created != 5 || len(store.products) != 5 {
		t.Errorf("created %d, stored %d; want 5 products", rep.Created, len(store.products))
	}
	if len(rep.Rejected) != 13 {
		t.Fatalf("rejected %d rows; want 13:\n%s", len(rep.Rejected), rep)
	}
	first, last := rep.Rejected[0].String(), rep.Rejected[12].String()
	if !strings.HasPrefix(first, "bestbuy-products-sample.json:3: (registro 2, BBY-2)") ||
		!strings.HasPrefix(last, "precios-claros-catalogo.csv:12: (registro 10)") {
		t.Errorf("rejections start %q and end %q; want file:line of each", first, last)
	}
	for _, s := range rep.Sources {
		if s.Imported+s.Rejected != s.Rows {
			t.Errorf("%s: %d imported + %d rejected != %d rows", s.Name, s.Imported,
				s.Rejected, s.Rows)
		}
	}
}

func TestImportMissingFile(t *testing.T) {
	cfg, _ := newFakeConfig(t)
	cfg.Data = fstest.MapFS{BestBuyFile: gz(t, badJSON)}
	if _, err := Import(context.Background(), cfg); err == nil {
		t.Error("Import without the Precios Claros file succeeded; want an error")
	}
}
