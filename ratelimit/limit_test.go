package ratelimit_test

import (
	"strings"
	"testing"
	"time"

	"github.com/ecommerce-moderno/moderno/ratelimit"
)

func TestParse(t *testing.T) {
	tests := []struct {
		in   string
		want ratelimit.Limit
		text string
	}{
		{"5/1m", ratelimit.Limit{Count: 5, Period: time.Minute}, "5/1m"},
		{"1000/1h", ratelimit.Limit{Count: 1000, Period: time.Hour}, "1000/1h"},
		{" 100 / 60s ", ratelimit.Limit{Count: 100, Period: time.Minute}, "100/1m"},
		{"500/h", ratelimit.Limit{Count: 500, Period: time.Hour}, "500/1h"},
		{"10000/1d", ratelimit.Limit{Count: 10000, Period: 24 * time.Hour}, "10000/1d"},
		{"3/90s", ratelimit.Limit{Count: 3, Period: 90 * time.Second}, "3/90s"},
		{"2/1m30s", ratelimit.Limit{Count: 2, Period: 90 * time.Second}, "2/90s"},
		{"off", ratelimit.Limit{}, "off"},
		{"OFF", ratelimit.Limit{}, "off"},
	}
	for _, tt := range tests {
		got, err := ratelimit.Parse(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("Parse(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
			continue
		}
		if got.String() != tt.text {
			t.Errorf("Parse(%q).String() = %q; want %q", tt.in, got.String(), tt.text)
		}
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct{ in, mention string }{
		{"", "count/period"},
		{"5", "count/period"},
		{"five/1m", "count"},
		{"0/1m", "count"},
		{"-1/1m", "count"},
		{"2000000/1m", "count"},
		{"5/", "period"},
		{"5/1x", "period"},
		{"5/100ms", "from 1s"},
		{"5/40d", "to 31d"},
		{"5/-1m", "period"},
	}
	for _, tt := range tests {
		_, err := ratelimit.Parse(tt.in)
		if err == nil || !strings.Contains(err.Error(), tt.mention) {
			t.Errorf("Parse(%q) = %v; want an error mentioning %q", tt.in, err, tt.mention)
		}
	}
}

func TestPolicyFromEnv(t *testing.T) {
	env := map[string]string{ratelimit.EnvAuth: "10/1m", ratelimit.EnvSearch: "off"}
	p, err := ratelimit.PolicyFromEnv(func(k string) string { return env[k] })
	if err != nil {
		t.Fatal(err)
	}
	want := ratelimit.DefaultPolicy()
	want.Auth, want.Search = ratelimit.Limit{Count: 10, Period: time.Minute}, ratelimit.Limit{}
	if p != want {
		t.Errorf("PolicyFromEnv = %+v; want %+v", p, want)
	}
	def := ratelimit.DefaultPolicy()
	if def.Auth.String() != "5/1m" || def.General.String() != "1000/1h" ||
		def.Search.String() != "100/1m" || def.Admin.String() != "500/1h" {
		t.Errorf("DefaultPolicy = %+v; want the limits of section 5.10", def)
	}

	env = map[string]string{ratelimit.EnvGeneral: "lots", ratelimit.EnvAdmin: "1/1y"}
	_, err = ratelimit.PolicyFromEnv(func(k string) string { return env[k] })
	if err == nil || !strings.Contains(err.Error(), ratelimit.EnvGeneral) ||
		!strings.Contains(err.Error(), ratelimit.EnvAdmin) {
		t.Errorf("PolicyFromEnv(bad) = %v; want both variables named", err)
	}
}
