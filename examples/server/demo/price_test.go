package demo

import (
	"testing"

	"github.com/shopspring/decimal"
)

func TestToCLP(t *testing.T) {
	tests := []struct {
		amount string
		rate   int64
		want   int64 // pesos; 0 when the conversion must fail
	}{
		{"5.49", USDToCLP, 3730},       // 3,733.2 → nearest 10
		{"3999.99", USDToCLP, 2719990}, // 2,719,993.2
		{"0.125", USDToCLP, 90},        // exactly 85: half away from zero
		{"109", ARSToCLP, 1420},        // the median product: 1,417
		{"29.90", ARSToCLP, 390},       // 388.7
		{"33443.07", ARSToCLP, 434760},
		{"0.12", ARSToCLP, 0}, // 1.56 rounds to $0
		{"0", USDToCLP, 0},
		{"-5", USDToCLP, 0},
	}
	for _, tt := range tests {
		got, err := toCLP(decimal.RequireFromString(tt.amount), tt.rate)
		if tt.want == 0 {
			if err == nil {
				t.Errorf("toCLP(%s, %d) = %s; want an error", tt.amount, tt.rate, got)
			}
			continue
		}
		if err != nil || got.Minor() != tt.want || got.Currency() != "CLP" {
			t.Errorf("toCLP(%s, %d) = %v, %v; want %d CLP", tt.amount, tt.rate, got, err, tt.want)
		}
		if !got.Round().Equal(got) {
			t.Errorf("toCLP(%s, %d) = %s; has decimals", tt.amount, tt.rate, got)
		}
	}
}

func TestSetMedian(t *testing.T) {
	src := &source{rate: ARSToCLP}
	tests := []struct {
		text string
		want int64 // 0: rejected
	}{
		{"109.00", 1420},
		{"1.00", 10},
		{"0.99", 0}, // below the plausible minimum
		{"0.12", 0},
		{"0", 0},
		{"-3", 0},
		{"", 0},
		{"abc", 0},
	}
	for _, tt := range tests {
		it := item{src: src}
		err := it.setMedian(tt.text)
		if tt.want == 0 {
			if err == nil {
				t.Errorf("setMedian(%q) = %s; want an error", tt.text, it.price)
			}
			continue
		}
		if err != nil || it.price.Minor() != tt.want {
			t.Errorf("setMedian(%q) = %s, %v; want %d", tt.text, it.price, err, tt.want)
		}
	}
}
