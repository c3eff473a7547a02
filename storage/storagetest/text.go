package storagetest

import (
	"fmt"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/ecommerce-moderno/moderno/catalog"
	"github.com/ecommerce-moderno/moderno/commerce"
)

// The helpers below print values so that exact decimals compare by value,
// not by their internal form.

func moneyText(m *commerce.Money) string {
	if m == nil {
		return "nil"
	}
	return m.String()
}

func decText(d *decimal.Decimal) string {
	if d == nil {
		return "nil"
	}
	return d.String()
}

func dimText(d *catalog.Dimensions) string {
	if d == nil {
		return "nil"
	}
	return d.Length.String() + "x" + d.Width.String() + "x" + d.Height.String()
}

func variantsText(vs []catalog.Variant) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = fmt.Sprintf("%d %s %s %s %s %s %s %v %v", v.ID, v.SKU, v.Name,
			moneyText(v.Price), moneyText(v.ComparePrice), decText(v.Weight), v.Barcode,
			v.Active, v.Options)
	}
	return out
}

func sprint(v any) string { return fmt.Sprintf("%+v", v) }

func zeroTime() time.Time { return time.Time{} }

func zeroTimes() (a, b, c, d time.Time) { return }

// compareFold compares ASCII names without regard to case, as both
// engines' name orders do.
func compareFold(a, b string) int {
	return strings.Compare(strings.ToLower(a), strings.ToLower(b))
}
