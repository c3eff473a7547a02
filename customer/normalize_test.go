package customer_test

import (
	"strings"
	"testing"

	"github.com/ecommerce-moderno/moderno/customer"
)

func TestNormalizeEmail(t *testing.T) {
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"ana@example.cl", "ana@example.cl", true},
		{"  Ana.Perez+tienda@Example.CL ", "ana.perez+tienda@example.cl", true},
		{"ana@correo.ñandú.cl", "ana@correo.xn--and-6ma2c.cl", true},
		{"ana@xn--and-6ma2c.cl", "ana@xn--and-6ma2c.cl", true},
		{"o'brien@example.com", "o'brien@example.com", true},
		{"", "", false},
		{"ana", "", false},
		{"ana@", "", false},
		{"@example.cl", "", false},
		{"ana@@example.cl", "", false},
		{"ana@b@example.cl", "", false},
		{"ana maria@example.cl", "", false},
		{"ana@exam ple.cl", "", false},
		{"ana\t@example.cl", "", false},
		{"ana\x00@example.cl", "", false},
		{"ana@example.cl\n", "ana@example.cl", true}, // trimmed
		{"ana\u200b@example.cl", "", false},          // zero-width space
		{"ａｎａ@example.cl", "", false},                // full-width local part
		{"ana@ｅｘａｍｐｌｅ.cl", "", false},                // full-width domain
		{"ana@example\uff0ecl", "", false},           // full-width dot
		{"josé@example.cl", "", false},               // non-ASCII local part
		{"ana@pаypal.com", "", false},                // Cyrillic а among Latin
		{"ana@пример.рф", "ana@xn--e1afmkfd.xn--p1ai", true},
		{".ana@example.cl", "", false},
		{"ana.@example.cl", "", false},
		{"an..a@example.cl", "", false},
		{"\"ana\"@example.cl", "", false},
		{"ana@localhost", "", false},
		{"ana@example.123", "", false},
		{"ana@-example.cl", "", false},
		{"ana@exa_mple.cl", "", false},
		{strings.Repeat("a", 65) + "@example.cl", "", false},
		{"ana@" + strings.Repeat("a", 64) + ".cl", "", false},
	}
	for _, tt := range tests {
		got, ok := customer.NormalizeEmail(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("NormalizeEmail(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestNormalizePhone(t *testing.T) {
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"+56912345678", "+56912345678", true},
		{"+56 9 1234 5678", "+56912345678", true},
		{"+56 (2) 2345-6789", "+56223456789", true},
		{"9 1234 5678", "+56912345678", true},
		{"912345678", "+56912345678", true},
		{"+1 415 555 2671", "+14155552671", true},
		{"+34 612 34 56 78", "+34612345678", true},
		{"", "", true},
		{"+5691234567", "", false},   // a Chilean number one digit short
		{"+569123456789", "", false}, // and one too long
		{"12345678", "", false},      // no country code, not nine digits
		{"012345678", "", false},
		{"+0912345678", "", false},
		{"+56 9 1234 567a", "", false},
		{"56+912345678", "", false},
		{"+1234567", "", false},
		{"+1234567890123456", "", false},
	}
	for _, tt := range tests {
		got, ok := customer.NormalizePhone(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("NormalizePhone(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestCheckPassword(t *testing.T) {
	tests := []struct {
		password string
		want     []string
	}{
		{"Contraseña1!", nil},
		{"ÑANDÚ-ñandú-7", nil},
		{"Ab1!", []string{"debe tener al menos 8 caracteres"}},
		{"contraseña1!", []string{"debe incluir una letra mayúscula"}},
		{"CONTRASEÑA1!", []string{"debe incluir una letra minúscula"}},
		{"Contraseña!!", []string{"debe incluir un número"}},
		{"Contraseña11", []string{"debe incluir un símbolo, como ! o #"}},
		{"Contra\x00seña1!", []string{"contiene caracteres no permitidos"}},
		{"Anaperez1!", []string{"no debe contener su correo electrónico"}},
		{strings.Repeat("Aa1!", 33), []string{"debe tener como máximo 128 caracteres"}},
		{"", []string{"debe tener al menos 8 caracteres", "debe incluir una letra mayúscula",
			"debe incluir una letra minúscula", "debe incluir un número",
			"debe incluir un símbolo, como ! o #"}},
	}
	for _, tt := range tests {
		got := customer.CheckPassword("password", tt.password, "anaperez@example.cl")
		var msgs []string
		for _, f := range got {
			if f.Field != "password" {
				t.Errorf("CheckPassword(%q) names field %q", tt.password, f.Field)
			}
			msgs = append(msgs, f.Message)
		}
		if strings.Join(msgs, "|") != strings.Join(tt.want, "|") {
			t.Errorf("CheckPassword(%q) = %q; want %q", tt.password, msgs, tt.want)
		}
	}
}

func TestHasher(t *testing.T) {
	h := fastHasher(t)
	hash, err := h.Hash("Contraseña1!")
	if err != nil || !strings.HasPrefix(hash, "$argon2id$v=19$m=64,t=1,p=1$") {
		t.Fatalf("Hash = %q, %v", hash, err)
	}
	if again, _ := h.Hash("Contraseña1!"); again == hash {
		t.Error("two hashes of one password are equal; want fresh salts")
	}
	// NFKC: a decomposed ñ is the same password as a composed one.
	if !h.Verify(hash, "Contrasen\u0303a1!") {
		t.Error("Verify(decomposed ñ) = false; want true")
	}
	for _, wrong := range []string{"contraseña1!", "Contraseña1", ""} {
		if h.Verify(hash, wrong) {
			t.Errorf("Verify(%q) = true", wrong)
		}
	}
	for _, bad := range []string{"", "!", "$argon2i$v=19$m=64,t=1,p=1$c2FsdHNhbHQ$aGFzaA",
		strings.Replace(hash, "m=64", "m=99999999", 1), strings.Replace(hash, "t=1", "t=0", 1)} {
		if h.Verify(bad, "Contraseña1!") {
			t.Errorf("Verify(malformed %q) = true", bad)
		}
	}
	strong, err := customer.DefaultHasher.Hash("Contraseña1!")
	if err != nil || !strings.HasPrefix(strong, "$argon2id$v=19$m=19456,t=2,p=1$") ||
		!h.Verify(strong, "Contraseña1!") {
		t.Errorf("DefaultHasher.Hash = %q, %v; want OWASP parameters, readable by any Hasher",
			strong, err)
	}
	if _, err := customer.NewHasher(0, 1, 1); err == nil {
		t.Error("NewHasher(no memory) succeeded")
	}
}
