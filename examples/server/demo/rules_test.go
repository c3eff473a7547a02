package demo

import (
	"slices"
	"strings"
	"testing"
)

func TestClassify(t *testing.T) {
	c := newClassifier(supermarketRules)
	tests := []struct {
		name string
		want string // the shelf, or "" for the default aisle
	}{
		{"Leche Entera La Serenisima 1 Lt", "Lácteos > Leches"},
		{"Yogur Bebible Frutilla Ser 1 Kg", "Lácteos > Yogures"},
		{"Queso Crema Casancrem 290 Gr", "Lácteos > Quesos"},
		{"Dulce de Leche Clasico Sancor 400 Gr", "Lácteos > Dulce de leche"},
		{"Crema de Leche Pasteurizada La Serenisima 200 Cc", "Lácteos > Mantequillas y cremas"},
		{"Gaseosa Cola Coca Cola 2.25 Lt", "Bebidas > Gaseosas"},
		{"Agua Mineral sin Gas Villavicencio 1.5 Lt", "Bebidas > Aguas"},
		{"Cerveza Rubia Quilmes 1 Lt", "Bebidas > Cervezas"},
		{"Vino Tinto Malbec Alamos 750 Ml", "Bebidas > Vinos y espumantes"},
		{"Shampoo Sedal Ceramidas 340 Ml", "Cuidado personal > Cabello"},
		{"Jabon de Tocador Dove 90 Gr", "Cuidado personal > Cuerpo"},
		{"Jabon en Polvo Ala Matic 800 Gr", "Limpieza > Ropa"},
		{"Crema Dental Colgate Total 12 90 Gr", "Cuidado personal > Cuidado oral"},
		{"Detergente Magistral Limon 500 Ml", "Limpieza > Cocina y vajilla"},
		{"Lavandina Ayudin Original 1 Lt", "Limpieza > Lavandina y cloro"},
		{"Galletitas Dulces de Chocolate Oreo 118 Gr", "Desayuno y merienda > Galletitas"},
		{"Pañales Pampers Confort Sec XG 36 Un", "Bebés > Pañales y toallitas"},
		{"Alimento para Perros Adultos Pedigree 3 Kg", "Mascotas > Perros"},
		{"Ojo de Bife 1 Kg", "Carnes y pescados > Vacuno"},
		{"Porotos Alubia La Nonna 500 Gr", "Almacén > Arroz y legumbres"},
		{"Papas Fritas Clasicas Lays 85 Gr", "Golosinas y snacks > Snacks"},
		{"Pan Dulce con Frutas Bauducco 500 Gr", "Panadería > Budines y tortas"},
		{"Pastilla para Inodoro Harpic 40 Gr", "Limpieza > Baño"},
		{"Tabletas Mata Mosquitos Raid 24 Un", "Limpieza > Insecticidas y ambientadores"},
		{"PAÑUELOS DESCARTABLES Elite 6 Un", "Limpieza > Papeles"},
		{"Vela Blanca 4 Un", "Hogar y bazar"},
		{"Escarbadientes de Madera 100 Un", "Hogar y bazar"},
		{"Producto Misterioso 1 Un", ""},
		{"", ""},
	}
	for _, tt := range tests {
		got := ""
		if i := c.classify(tt.name); i >= 0 {
			got = c.rules[i].String()
		}
		if got != tt.want {
			t.Errorf("classify(%q) = %q; want %q", tt.name, got, tt.want)
		}
	}
}

func TestFold(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Pañal Bebé", []string{"panal", "bebe"}},
		{"  AZÚCAR-Impalpable 1.5kg ", []string{"azucar", "impalpable", "1", "5kg"}},
		{"", nil},
	}
	for _, tt := range tests {
		if got := fold(tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("fold(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

// TestRuleTable checks the tables themselves: every shelf is in a known
// aisle, and no phrase is claimed by two rules, which would make the
// winner depend on table order.
func TestRuleTable(t *testing.T) {
	owner := map[string]string{}
	for _, r := range supermarketRules {
		if !slices.Contains(aisles, r.Aisle) {
			t.Errorf("rule %s: aisle %q not in aisles", r, r.Aisle)
		}
		for _, p := range r.phrases {
			key := strings.Join(fold(p), " ")
			if key == "" {
				t.Errorf("rule %s: empty phrase %q", r, p)
			}
			if o, ok := owner[key]; ok && o != r.String() {
				t.Errorf("phrase %q in %s and %s", p, o, r)
			}
			owner[key] = r.String()
		}
	}
	for _, m := range []map[string]shelf{sourceShelves.byCategory, sourceShelves.bySubcategory} {
		for k, s := range m {
			if !slices.Contains(aisles, s.Aisle) {
				t.Errorf("source category %q: aisle %q not in aisles", k, s.Aisle)
			}
		}
	}
}

func TestSupermarketPath(t *testing.T) {
	c := newClassifier(supermarketRules)
	tests := []struct {
		categoria, subcategoria, name string
		want                          string
		placed                        int
	}{
		{"Lácteos", "Yogures", "Yogur Ser", "Supermercado > Lácteos > Yogures", placedBySource},
		{"Fiambrería", "Quesos Duros", "Queso Sardo", "Supermercado > Lácteos > Quesos",
			placedBySource},
		{"Aguas", "Agua con Gas", "Agua", "Supermercado > Bebidas > Aguas", placedBySource},
		{"Desconocida", "", "Leche Entera", "Supermercado > Lácteos > Leches", -99},
		{"", "Yogures", "Galletitas Oreo", "Supermercado > Desayuno y merienda > Galletitas",
			-99},
		{"", "", "Cosa Rara", "Supermercado > Otros", placedByDefault},
	}
	for _, tt := range tests {
		path, placed := supermarketPath(tt.categoria, tt.subcategoria, tt.name, c)
		got := strings.Join(path, pathSep)
		if got != tt.want {
			t.Errorf("supermarketPath(%q, %q, %q) = %q; want %q", tt.categoria,
				tt.subcategoria, tt.name, got, tt.want)
		}
		if tt.placed != -99 && placed != tt.placed || tt.placed == -99 && placed < 0 {
			t.Errorf("supermarketPath(%q, %q, %q) placed by %d; want %d", tt.categoria,
				tt.subcategoria, tt.name, placed, tt.placed)
		}
	}
}
