package searchtest

import (
	"fmt"
	"time"

	"github.com/ecommerce-moderno/moderno/catalog"
	"github.com/ecommerce-moderno/moderno/commerce"
	"github.com/ecommerce-moderno/moderno/search"
)

// The fixture's categories.
var (
	catElectronica  = search.CategoryRef{ID: 1, Name: "Electrónica"}
	catCelulares    = search.CategoryRef{ID: 2, Name: "Celulares"}
	catAudio        = search.CategoryRef{ID: 3, Name: "Audio"}
	catTelevisores  = search.CategoryRef{ID: 4, Name: "Televisores"}
	catSupermercado = search.CategoryRef{ID: 10, Name: "Supermercado"}
	catLacteos      = search.CategoryRef{ID: 11, Name: "Lácteos"}
	catBebidas      = search.CategoryRef{ID: 12, Name: "Bebidas"}
	catAlmacen      = search.CategoryRef{ID: 13, Name: "Almacén"}
	catBebes        = search.CategoryRef{ID: 14, Name: "Bebés"}
	catJuguetes     = search.CategoryRef{ID: 20, Name: "Juguetes"}
)

// The fixture's brands.
const (
	brandSamsung commerce.BrandID = iota + 1
	brandApple
	brandSony
	brandSerenisima
	brandColun
	brandCoca
	brandNescafe
	brandHuggies
)

var brandNames = map[commerce.BrandID]string{
	brandSamsung: "Samsung", brandApple: "Apple", brandSony: "Sony",
	brandSerenisima: "La Serenísima", brandColun: "Colun", brandCoca: "Coca-Cola",
	brandNescafe: "Nescafé", brandHuggies: "Huggies",
}

// The fixture's products, by id.
const (
	idGalaxy commerce.ProductID = iota + 1
	idIPhone
	idHeadphones
	idBuds
	idLecheEntera
	idLecheDescremada
	idYogur
	idCamion
	idCoca
	idCafe
	idGalletitas
	idTV
	idCargador
	idPanales
	idDulceLeche
	idBateria
)

// item is one fixture product in short form.
type item struct {
	id     commerce.ProductID
	name   string
	desc   string
	brand  commerce.BrandID
	path   []search.CategoryRef
	price  int64
	stock  int
	rating float64
	attrs  []catalog.Attribute
}

var items = []item{
	{idGalaxy, "Smartphone Samsung Galaxy S21 128GB", "Pantalla AMOLED de 6,2 pulgadas",
		brandSamsung, path(catElectronica, catCelulares), 699990, 5, 4.5, nil},
	{idIPhone, "Apple - iPhone 7 32GB - Black", "4.7-inch Retina HD display; 12MP camera",
		brandApple, path(catElectronica, catCelulares), 599990, 0, 4.8, nil},
	{idHeadphones, "Sony - Wireless Noise Cancelling Headphones - Black",
		"Bluetooth over-ear headphones with 30 hours of battery life", brandSony,
		path(catElectronica, catAudio), 249990, 3, 4.2, nil},
	{idBuds, "Audífonos Bluetooth Samsung Buds", "Inalámbricos, con estuche de carga",
		brandSamsung, path(catElectronica, catAudio), 89990, 10, 3.9, nil},
	{idLecheEntera, "Leche Entera La Serenísima 1 L", "", brandSerenisima,
		path(catSupermercado, catLacteos), 1090, 100, 4.0,
		[]catalog.Attribute{{Name: "presentación", Value: "1 L"}}},
	{idLecheDescremada, "Leche Descremada Colun 1 L", "", brandColun,
		path(catSupermercado, catLacteos), 1050, 0, 4.1,
		[]catalog.Attribute{{Name: "presentación", Value: "1 L"}}},
	{idYogur, "Yogur Frutilla Colun 120 g", "", brandColun, path(catSupermercado, catLacteos),
		450, 40, 3.5, []catalog.Attribute{{Name: "presentación", Value: "120 g"}}},
	{idCamion, "Camión de Juguete Bomberos", "Camión rojo con escalera y sirena", 0,
		path(catJuguetes), 15990, 7, 4.6, nil},
	{idCoca, "Coca-Cola Original 1.5 L", "Bebida gaseosa", brandCoca,
		path(catSupermercado, catBebidas), 1990, 60, 4.4, nil},
	{idCafe, "Café Instantáneo Nescafé Tradición 170 g", "", brandNescafe,
		path(catSupermercado, catAlmacen), 5490, 25, 4.3, nil},
	{idGalletitas, "Galletitas de Chocolate Rellenas", "", 0, path(catSupermercado, catAlmacen),
		990, 30, 3.2, nil},
	{idTV, `Samsung - 55" Class LED 4K Smart TV`, "Ultra HD television with HDR",
		brandSamsung, path(catElectronica, catTelevisores), 499990, 2, 4.1, nil},
	{idCargador, "Cargador Rápido USB-C 25W", "Para celulares Samsung", brandSamsung,
		path(catElectronica, catCelulares), 19990, 12, 3.8, nil},
	{idPanales, "Pañales Huggies Talla G 40 Unidades", "", brandHuggies,
		path(catSupermercado, catBebes), 12990, 15, 4.7, nil},
	{idDulceLeche, "Dulce de Leche Colun 400 g", "Hecho con leche fresca", brandColun,
		path(catSupermercado, catAlmacen), 2390, 20, 4.9, nil},
	{idBateria, "Batería Externa 10000 mAh", "Power bank battery for phones", 0,
		path(catElectronica, catCelulares), 24990, 0, 3.0, nil},
}

func path(refs ...search.CategoryRef) []search.CategoryRef { return refs }

// epoch is the creation time of the first product; each next one is a day
// younger, so the newest is the last.
var epoch = time.Date(2025, 1, 1, 12, 0, 0, 0, time.UTC)

// Documents returns the fixture catalog: Spanish and English products in
// electronics and groceries, with brands, a category tree, stock and
// ratings.
func Documents() []search.Document {
	docs := make([]search.Document, len(items))
	for i, it := range items {
		leaf := it.path[len(it.path)-1]
		docs[i] = search.Document{
			ID: it.id, SKU: fmt.Sprintf("FIX-%02d", it.id),
			Name: it.name, Description: it.desc, BrandID: it.brand, Brand: brandNames[it.brand],
			CategoryID: leaf.ID, CategoryPath: it.path, Attributes: it.attrs,
			Price: commerce.FromMinor(it.price, commerce.CLP), Available: it.stock,
			Rating: it.rating, CreatedAt: epoch.AddDate(0, 0, i),
		}
	}
	return docs
}

// Synonyms returns the synonyms the suite configures engines with.
func Synonyms() *search.Synonyms {
	return search.NewSynonyms(
		[]string{"celular", "smartphone", "teléfono móvil"},
		[]string{"audífonos", "auriculares", "headphones"},
		[]string{"televisor", "tv", "television"},
	)
}
