package host

import (
	"slices"
	"testing"
)

func TestPluginSeesOnlyItsEnvironment(t *testing.T) {
	env := []string{"PATH=/usr/bin", "HOME=/root", "COMMERCE_STRIPE_SECRET_KEY=sk_test_1",
		"COMMERCE_STRIPEX_KEY=other", "COMMERCE_JWT_SECRET=signing", "COMMERCE_DB_DSN=root@/x",
		"LC_ALL=es_CL.UTF-8", "AWS_SECRET_ACCESS_KEY=x"}
	got := pluginEnv("stripe", env)
	want := []string{"PATH=/usr/bin", "HOME=/root", "COMMERCE_STRIPE_SECRET_KEY=sk_test_1",
		"LC_ALL=es_CL.UTF-8"}
	if !slices.Equal(got, want) {
		t.Errorf("pluginEnv(stripe) = %v; want %v", got, want)
	}
}
