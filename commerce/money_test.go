package commerce_test

import (
	"encoding/json"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/ecommerce-moderno/moderno/commerce"
)

func mustMoney(t *testing.T, s string, c commerce.Currency) commerce.Money {
	t.Helper()
	m, err := commerce.ParseMoney(s, c)
	if err != nil {
		t.Fatalf("ParseMoney(%q, %s): %v", s, c, err)
	}
	return m
}

func TestFormat(t *testing.T) {
	tests := []struct {
		amount string
		cur    commerce.Currency
		want   string
	}{
		{"0", commerce.CLP, "$0"},
		{"990", commerce.CLP, "$990"},
		{"12990", commerce.CLP, "$12.990"},
		{"1234567", commerce.CLP, "$1.234.567"},
		{"-12990", commerce.CLP, "-$12.990"},
		{"1234.5", commerce.USD, "US$1.234,50"},
		{"0.05", commerce.USD, "US$0,05"},
		{"1000000.99", commerce.EUR, "€1.000.000,99"},
	}
	for _, tt := range tests {
		m := commerce.NewMoney(decimal.RequireFromString(tt.amount), tt.cur)
		if got := m.Format(); got != tt.want {
			t.Errorf("Format(%s %s) = %q; want %q", tt.amount, tt.cur, got, tt.want)
		}
	}
}

func TestParseMoney(t *testing.T) {
	tests := []struct {
		in      string
		cur     commerce.Currency
		wantErr bool
	}{
		{"12990", commerce.CLP, false},
		{"12990.00", commerce.CLP, false},
		{"12990.5", commerce.CLP, true}, // CLP has no minor units
		{"19.99", commerce.USD, false},
		{"19.999", commerce.USD, true},
		{"abc", commerce.USD, true},
		{"", commerce.CLP, true},
		{"1e3", commerce.CLP, false},
	}
	for _, tt := range tests {
		_, err := commerce.ParseMoney(tt.in, tt.cur)
		if (err != nil) != tt.wantErr {
			t.Errorf("ParseMoney(%q, %s) error = %v; want error %v", tt.in, tt.cur, err, tt.wantErr)
		}
		if err != nil && commerce.ErrorKind(err) != commerce.KindInvalid {
			t.Errorf("ParseMoney(%q) kind = %v; want invalid", tt.in, commerce.ErrorKind(err))
		}
	}
}

func TestRoundAndMinor(t *testing.T) {
	tests := []struct {
		amount string
		cur    commerce.Currency
		round  string
		minor  int64
	}{
		{"12990.5", commerce.CLP, "12991", 12991},
		{"12990.49", commerce.CLP, "12990", 12990},
		{"-0.5", commerce.CLP, "-1", -1},
		{"19.995", commerce.USD, "20", 2000},
		{"19.994", commerce.USD, "19.99", 1999},
	}
	for _, tt := range tests {
		m := commerce.NewMoney(decimal.RequireFromString(tt.amount), tt.cur)
		if got := m.Round().Amount(); !got.Equal(decimal.RequireFromString(tt.round)) {
			t.Errorf("Round(%s %s) = %s; want %s", tt.amount, tt.cur, got, tt.round)
		}
		if got := m.Minor(); got != tt.minor {
			t.Errorf("Minor(%s %s) = %d; want %d", tt.amount, tt.cur, got, tt.minor)
		}
	}
}

func TestArithmetic(t *testing.T) {
	a := mustMoney(t, "0.10", commerce.USD)
	b := mustMoney(t, "0.20", commerce.USD)
	if got, want := a.Add(b), mustMoney(t, "0.30", commerce.USD); !got.Equal(want) {
		t.Errorf("0.10 + 0.20 = %s; want %s", got, want)
	}
	if got, want := b.Sub(a).Mul(3), mustMoney(t, "0.30", commerce.USD); !got.Equal(want) {
		t.Errorf("(0.20 - 0.10) * 3 = %s; want %s", got, want)
	}
	iva := mustMoney(t, "10000", commerce.CLP).MulRate(decimal.RequireFromString("0.19"))
	if got := iva.Round().Minor(); got != 1900 {
		t.Errorf("10000 * 0.19 = %d; want 1900", got)
	}
}

func TestMixedCurrenciesPanic(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("CLP + USD did not panic")
		}
	}()
	commerce.Zero(commerce.CLP).Add(commerce.Zero(commerce.USD))
}

func TestMoneyJSON(t *testing.T) {
	m := mustMoney(t, "12990", commerce.CLP)
	data, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := string(data), `{"amount":"12990","currency":"CLP"}`; got != want {
		t.Errorf("json.Marshal = %s; want %s", got, want)
	}
	var back commerce.Money
	if err := json.Unmarshal(data, &back); err != nil || !back.Equal(m) {
		t.Errorf("json.Unmarshal(%s) = %v, %v; want %v", data, back, err, m)
	}
	for _, bad := range []string{
		`{"amount":"1.5","currency":"CLP"}`, `{"amount":"1","currency":"XXX"}`,
		`{"amount":"x","currency":"USD"}`, `[]`} {
		if err := json.Unmarshal([]byte(bad), &back); err == nil {
			t.Errorf("json.Unmarshal(%s) succeeded; want error", bad)
		}
	}
}

func TestAllocate(t *testing.T) {
	d := decimal.RequireFromString
	tests := []struct {
		name    string
		amount  string
		cur     commerce.Currency
		weights []string
		want    []int64
	}{
		{"even thirds", "100", commerce.CLP, []string{"1", "1", "1"}, []int64{34, 33, 33}},
		{"proportional", "1000", commerce.CLP, []string{"1", "3"}, []int64{250, 750}},
		{"remainders", "10", commerce.CLP, []string{"3333", "3333", "3334"}, []int64{3, 3, 4}},
		{"cents", "0.05", commerce.USD, []string{"1", "1"}, []int64{3, 2}},
		{"negative", "-100", commerce.CLP, []string{"1", "1", "1"}, []int64{-34, -33, -33}},
		{"zero weights", "7", commerce.CLP, []string{"0", "0"}, []int64{4, 3}},
		{"one part", "12990", commerce.CLP, []string{"5"}, []int64{12990}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ws := make([]decimal.Decimal, len(tt.weights))
			for i, w := range tt.weights {
				ws[i] = d(w)
			}
			m := commerce.NewMoney(d(tt.amount), tt.cur)
			parts := commerce.Allocate(m, ws)
			sum := commerce.Zero(tt.cur)
			for i, p := range parts {
				if p.Minor() != tt.want[i] {
					t.Errorf("part %d = %d; want %d", i, p.Minor(), tt.want[i])
				}
				sum = sum.Add(p)
			}
			if !sum.Equal(m.Round()) {
				t.Errorf("parts add up to %s; want %s", sum, m)
			}
		})
	}
}

// FuzzAllocate checks that a split never loses or invents a minor unit.
func FuzzAllocate(f *testing.F) {
	f.Add(int64(12990), uint16(3), uint16(7), uint16(1))
	f.Fuzz(func(t *testing.T, units int64, a, b, c uint16) {
		m := commerce.FromMinor(units%1_000_000_000_000, commerce.CLP)
		ws := []decimal.Decimal{decimal.NewFromInt(int64(a)), decimal.NewFromInt(int64(b)),
			decimal.NewFromInt(int64(c))}
		sum := commerce.Zero(commerce.CLP)
		for _, p := range commerce.Allocate(m, ws) {
			sum = sum.Add(p)
		}
		if !sum.Equal(m) {
			t.Fatalf("Allocate(%s, %v) adds up to %s", m, ws, sum)
		}
	})
}
