package main

import (
	"strings"
	"testing"
	"time"
)

func TestReservationTTL(t *testing.T) {
	tests := []struct {
		env, flag string
		want      time.Duration
		err       string
	}{
		{"", "", 30 * time.Minute, ""},
		{"2h", "", 2 * time.Hour, ""},
		{"2h", "45m", 45 * time.Minute, ""},
		{"treinta", "", 0, "want a duration"},
		{"10s", "", 0, "from 1m to 720h"},
		{"-5m", "", 0, "from 1m to 720h"},
	}
	for _, tt := range tests {
		var args []string
		if tt.flag != "" {
			args = []string{"-reservation-ttl", tt.flag}
		}
		c, _, err := ParseConfig(args, env(map[string]string{"COMMERCE_RESERVATION_TTL": tt.env}))
		switch {
		case tt.err != "" && (err == nil || !strings.Contains(err.Error(), tt.err)):
			t.Errorf("%q/%q: err = %v; want %q", tt.env, tt.flag, err, tt.err)
		case tt.err == "" && (err != nil || c.ReservationTTL != tt.want):
			t.Errorf("%q/%q = %v, %v; want %v", tt.env, tt.flag, c.ReservationTTL, err, tt.want)
		}
	}
}
