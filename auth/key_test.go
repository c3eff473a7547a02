package auth_test

import (
	"encoding/base64"
	"strings"
	"testing"

	"github.com/ecommerce-moderno/moderno/auth"
)

func TestParseKeys(t *testing.T) {
	k1, k2 := mustKey(t, "k1"), mustKey(t, "k2")
	keys, err := auth.ParseKeys(k2.String() + "," + k1.String())
	if err != nil || len(keys) != 2 || keys[0].ID != "k2" || keys[1].ID != "k1" {
		t.Fatalf("ParseKeys = %v, %v; want k2 then k1", keys, err)
	}
	long := base64.RawURLEncoding.EncodeToString([]byte(strings.Repeat("s", 64)))
	if _, err := auth.ParseKeys("long:" + long); err != nil {
		t.Errorf("ParseKeys(64-byte url-safe key) = %v", err)
	}
	short := base64.StdEncoding.EncodeToString([]byte("too-short-secret-of-31-bytes!!!"))
	bad := map[string]string{
		"":                              "no keys",
		"k1":                            "id:base64",
		"k1:***":                        "base64",
		"k1:" + short:                   "at least 32",
		"b@d:" + long:                   "key id",
		k1.String() + "," + k1.String(): "twice",
	}
	for spec, mention := range bad {
		_, err := auth.ParseKeys(spec)
		if err == nil || !strings.Contains(err.Error(), mention) {
			t.Errorf("ParseKeys(%q) = %v; want an error mentioning %q", spec, err, mention)
		}
		if err != nil && strings.Contains(err.Error(), short[:10]) {
			t.Errorf("error %q shows the secret", err)
		}
	}
}
