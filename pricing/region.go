package pricing

import (
	"strings"

	"github.com/ecommerce-moderno/moderno/commerce"
)

// Region is a first-level administrative division of a country.
type Region struct {
	Code string // ISO 3166-2 without the country prefix, such as "RM"
	Name string
}

// ChileanRegions returns the sixteen regions of Chile, north to south.
func ChileanRegions() []Region {
	return []Region{
		{"AP", "Arica y Parinacota"},
		{"TA", "Tarapacá"},
		{"AN", "Antofagasta"},
		{"AT", "Atacama"},
		{"CO", "Coquimbo"},
		{"VS", "Valparaíso"},
		{"RM", "Región Metropolitana de Santiago"},
		{"LI", "Libertador General Bernardo O'Higgins"},
		{"ML", "Maule"},
		{"NB", "Ñuble"},
		{"BI", "Biobío"},
		{"AR", "La Araucanía"},
		{"LR", "Los Ríos"},
		{"LL", "Los Lagos"},
		{"AI", "Aysén del General Carlos Ibáñez del Campo"},
		{"MA", "Magallanes y de la Antártica Chilena"},
	}
}

// ChileanRegionCode returns the code of a Chilean region given its code
// ("RM", "CL-RM") or its name in any case, with or without accents
// ("valparaiso", "Región de Ñuble"). It reports false for anything else.
func ChileanRegionCode(s string) (string, bool) {
	key := fold(strings.TrimPrefix(strings.ToUpper(strings.TrimSpace(s)), "CL-"))
	key = strings.TrimPrefix(strings.TrimPrefix(key, "region de "), "region del ")
	for _, r := range ChileanRegions() {
		name := fold(r.Name)
		if key == fold(r.Code) || key == name || strings.TrimPrefix(name, "region ") == key {
			return r.Code, true
		}
	}
	switch key {
	case "metropolitana", "santiago", "rm":
		return "RM", true
	case "o'higgins", "ohiggins", "libertador bernardo o'higgins":
		return "LI", true
	case "aysen", "aisen":
		return "AI", true
	case "magallanes":
		return "MA", true
	}
	return "", false
}

// ChileanRegionalRates returns standard home-delivery rates in pesos for
// every Chilean region, cheapest around Santiago, for stores that have not
// set their own.
func ChileanRegionalRates() map[string]commerce.Money {
	pesos := map[string]int64{
		"AP": 7990, "TA": 7490, "AN": 6990, "AT": 5990, "CO": 4990, "VS": 3990,
		"RM": 2990, "LI": 3990, "ML": 4490, "NB": 4990, "BI": 4990, "AR": 5490,
		"LR": 5990, "LL": 5990, "AI": 9990, "MA": 9990,
	}
	rates := make(map[string]commerce.Money, len(pesos))
	for code, n := range pesos {
		rates[code] = commerce.FromMinor(n, commerce.CLP)
	}
	return rates
}

// CountryCode returns the ISO 3166-1 alpha-2 code of a country given its
// code or its Spanish or English name ("Chile", "cl"), and false when it
// does not know it. It knows the countries of the Americas and Spain.
func CountryCode(s string) (string, bool) {
	key := fold(strings.TrimSpace(s))
	if len(key) == 2 {
		for _, c := range countryNames {
			if strings.EqualFold(c.code, key) {
				return c.code, true
			}
		}
	}
	for _, c := range countryNames {
		for _, n := range c.names {
			if key == n {
				return c.code, true
			}
		}
	}
	return "", false
}

var countryNames = []struct {
	code  string
	names []string
}{
	{"CL", []string{"chile"}}, {"AR", []string{"argentina"}}, {"PE", []string{"peru"}},
	{"BO", []string{"bolivia"}}, {"BR", []string{"brasil", "brazil"}},
	{"CO", []string{"colombia"}}, {"EC", []string{"ecuador"}},
	{"MX", []string{"mexico"}}, {"PY", []string{"paraguay"}}, {"UY", []string{"uruguay"}},
	{"VE", []string{"venezuela"}}, {"US", []string{"estados unidos", "united states", "usa"}},
	{"CA", []string{"canada"}}, {"ES", []string{"espana", "spain"}},
}

// fold lower-cases s and strips the accents Spanish uses, so "Ñuble"
// matches "nuble".
func fold(s string) string { return accents.Replace(strings.ToLower(s)) }

var accents = strings.NewReplacer("á", "a", "é", "e", "í", "i", "ó", "o", "ú", "u",
	"ü", "u", "ñ", "n", "Á", "a", "É", "e", "Í", "i", "Ó", "o", "Ú", "u", "Ñ", "n")
