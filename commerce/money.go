package commerce

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/shopspring/decimal"
)

// Money is an exact amount in one currency. The zero value is an amount of
// zero in no currency; use Zero or NewMoney to make one.
//
// Arithmetic between two amounts of different currencies is a programming
// error and panics, as indexing out of range does: a store prices in one
// currency, and conversion is always explicit.
type Money struct {
	amount   decimal.Decimal
	currency Currency
}

// NewMoney returns the amount in the currency, exactly as given. Use Round to
// bring it to the currency's minor units.
func NewMoney(amount decimal.Decimal, c Currency) Money {
	return Money{amount: amount, currency: c}
}

// Zero returns no money in the currency.
func Zero(c Currency) Money { return Money{amount: decimal.Zero, currency: c} }

// ParseMoney reads a decimal amount such as "12990" or "19.99". It returns an
// error of kind KindInvalid when the text is not a plain decimal number or has
// more decimals than the currency allows.
func ParseMoney(s string, c Currency) (Money, error) {
	d, err := decimal.NewFromString(strings.TrimSpace(s))
	if err != nil {
		return Money{}, Errorf(KindInvalid, "parse money", "monto no válido: %q", s)
	}
	m := Money{amount: d, currency: c}
	if !m.Round().amount.Equal(d) {
		return Money{}, Errorf(KindInvalid, "parse money",
			"%s admite %d decimales: %q", c, c.MinorUnits(), s)
	}
	return m, nil
}

// FromMinor returns the money worth n minor units (cents, or pesos for CLP).
func FromMinor(n int64, c Currency) Money {
	return Money{amount: decimal.New(n, -c.MinorUnits()), currency: c}
}

// Amount returns the exact decimal amount.
func (m Money) Amount() decimal.Decimal { return m.amount }

// Currency returns the money's currency.
func (m Money) Currency() Currency { return m.currency }

// Minor returns the amount in minor units, rounded first; that is what
// payment gateways such as Stripe expect (whole pesos for CLP).
func (m Money) Minor() int64 {
	return m.Round().amount.Shift(m.currency.MinorUnits()).IntPart()
}

// Round rounds half away from zero to the currency's minor units.
func (m Money) Round() Money {
	return Money{amount: m.amount.Round(m.currency.MinorUnits()), currency: m.currency}
}

// Add returns m + o. It panics when the currencies differ.
func (m Money) Add(o Money) Money {
	m.mustMatch(o, "+")
	return Money{amount: m.amount.Add(o.amount), currency: m.currency}
}

// Sub returns m - o. It panics when the currencies differ.
func (m Money) Sub(o Money) Money {
	m.mustMatch(o, "-")
	return Money{amount: m.amount.Sub(o.amount), currency: m.currency}
}

// Mul returns m times a whole quantity.
func (m Money) Mul(qty int64) Money {
	return Money{amount: m.amount.Mul(decimal.NewFromInt(qty)), currency: m.currency}
}

// MulRate returns m times a rate such as a tax of 0.19, not rounded.
func (m Money) MulRate(rate decimal.Decimal) Money {
	return Money{amount: m.amount.Mul(rate), currency: m.currency}
}

// Cmp compares two amounts of one currency: -1, 0 or +1.
func (m Money) Cmp(o Money) int {
	m.mustMatch(o, "cmp")
	return m.amount.Cmp(o.amount)
}

// Equal reports whether both the amount and the currency are the same.
func (m Money) Equal(o Money) bool {
	return m.currency == o.currency && m.amount.Equal(o.amount)
}

// IsZero reports whether the amount is zero.
func (m Money) IsZero() bool { return m.amount.IsZero() }

// IsNegative reports whether the amount is below zero.
func (m Money) IsNegative() bool { return m.amount.IsNegative() }

// String returns the amount and the currency code, as "12990 CLP".
func (m Money) String() string {
	return m.amount.StringFixed(m.currency.MinorUnits()) + " " + string(m.currency)
}

// Format returns the amount as shoppers in Chile read it: "$12.990" for CLP,
// "US$1.234,50" for USD; rounded to the currency's minor units.
func (m Money) Format() string {
	r := m.Round()
	minor := r.currency.MinorUnits()
	text := r.amount.Abs().StringFixed(minor)
	whole, frac, _ := strings.Cut(text, ".")

	var b strings.Builder
	if r.amount.IsNegative() {
		b.WriteByte('-')
	}
	b.WriteString(r.currency.Symbol())
	for i, d := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(d)
	}
	if minor > 0 {
		b.WriteByte(',')
		b.WriteString(frac)
	}
	return b.String()
}

func (m Money) mustMatch(o Money, op string) {
	if m.currency != o.currency {
		panic(fmt.Sprintf("commerce: %s %s %s: currencies differ", m.currency, op, o.currency))
	}
}

// moneyJSON is the wire form: the amount as a decimal string keeps it exact
// in every JSON reader.
type moneyJSON struct {
	Amount   string   `json:"amount"`
	Currency Currency `json:"currency"`
}

// MarshalJSON encodes {"amount":"12990","currency":"CLP"}.
func (m Money) MarshalJSON() ([]byte, error) {
	return json.Marshal(moneyJSON{
		Amount:   m.amount.StringFixed(m.currency.MinorUnits()),
		Currency: m.currency,
	})
}

// UnmarshalJSON decodes the form MarshalJSON writes.
func (m *Money) UnmarshalJSON(data []byte) error {
	var v moneyJSON
	if err := json.Unmarshal(data, &v); err != nil {
		return err
	}
	c, err := ParseCurrency(string(v.Currency))
	if err != nil {
		return err
	}
	parsed, err := ParseMoney(v.Amount, c)
	if err != nil {
		return err
	}
	*m = parsed
	return nil
}
