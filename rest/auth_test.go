package rest_test

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"github.com/ecommerce-moderno/moderno/commerce"
	"github.com/ecommerce-moderno/moderno/rest"
)

func testLoginAnswersTheShapeOfTheSpecification(t *testing.T, b backend) {
	a := newAccounts(t, b)
	a.register(t, "Ana@Example.COM")
	rec := a.do(t, req{method: "POST", path: "/auth/login",
		body: `{"email":"ana@example.com","password":"` + password + `"}`})
	if rec.Code != http.StatusOK {
		t.Fatalf("login = %d %s", rec.Code, rec.Body)
	}
	var body map[string]json.RawMessage
	must(t, json.Unmarshal(rec.Body.Bytes(), &body))
	for _, k := range []string{"access_token", "refresh_token", "token_type", "expires_in",
		"user"} {
		if _, ok := body[k]; !ok {
			t.Errorf("login body lacks %q: %s", k, rec.Body)
		}
	}
	var user map[string]any
	must(t, json.Unmarshal(body["user"], &user))
	for _, k := range []string{"id", "email", "name", "phone", "role", "email_verified"} {
		if _, ok := user[k]; !ok {
			t.Errorf("user lacks %q: %s", k, body["user"])
		}
	}
	s := readSession(t, rec)
	if s.TokenType != "Bearer" || s.ExpiresIn != 3600 || s.User.Email != "ana@example.com" ||
		s.User.Phone != "+56912345678" || s.User.Role != "customer" {
		t.Errorf("session = %+v", s)
	}
	if cc := rec.Header().Get("Cache-Control"); cc != "no-store" {
		t.Errorf("Cache-Control = %q; want no-store", cc)
	}
	me := a.do(t, req{method: "GET", path: "/me", token: s.AccessToken})
	if me.Code != http.StatusOK || !strings.Contains(me.Body.String(), `"ana@example.com"`) {
		t.Errorf("GET /me = %d %s", me.Code, me.Body)
	}
}

func testReusedRefreshTokenKillsItsFamily(t *testing.T, b backend) {
	a := newAccounts(t, b)
	first := a.register(t, "ana@example.com")
	refresh := func(token string) (int, session) {
		rec := a.do(t, req{method: "POST", path: "/auth/refresh",
			body: `{"refresh_token":"` + token + `"}`})
		if rec.Code != http.StatusOK {
			return rec.Code, session{}
		}
		return rec.Code, readSession(t, rec)
	}
	code, second := refresh(first.RefreshToken)
	if code != http.StatusOK || second.RefreshToken == first.RefreshToken {
		t.Fatalf("first refresh = %d; want 200 and a new token", code)
	}
	if code, _ := refresh(first.RefreshToken); code != http.StatusUnauthorized {
		t.Errorf("reused refresh token = %d; want 401", code)
	}
	if code, _ := refresh(second.RefreshToken); code != http.StatusUnauthorized {
		t.Errorf("the family's newest refresh token after a reuse = %d; want 401", code)
	}
	for _, tok := range []string{first.AccessToken, second.AccessToken} {
		if rec := a.do(t, req{method: "GET", path: "/me", token: tok}); rec.Code != 401 {
			t.Errorf("access token of the revoked family = %d; want 401", rec.Code)
		}
	}
	if !a.sawEvent("security.token.reused") {
		t.Error("no security.token.reused event")
	}
}

func (a *accounts) sawEvent(name string) bool {
	a.mu.Lock()
	defer a.mu.Unlock()
	for _, e := range *a.events {
		if e.Name == name {
			return true
		}
	}
	return false
}

// forge signs claims like the server's with another method or key.
func forge(t *testing.T, method jwt.SigningMethod, key any, claims jwt.MapClaims) string {
	t.Helper()
	tok := jwt.NewWithClaims(method, claims)
	tok.Header["kid"] = "k1"
	s, err := tok.SignedString(key)
	must(t, err)
	return s
}

func testBadAccessTokensAreRefused(t *testing.T, b backend) {
	a := newAccounts(t, b)
	s := a.register(t, "ana@example.com")
	parts := strings.Split(s.AccessToken, ".")
	payload, err := base64.RawURLEncoding.DecodeString(parts[1])
	must(t, err)
	var claims jwt.MapClaims
	must(t, json.Unmarshal(payload, &claims))
	claims["role"] = "super_admin"
	none := forge(t, jwt.SigningMethodNone, jwt.UnsafeAllowNoneSignatureType, claims)
	tests := []struct {
		name, header string
		later        time.Duration
	}{
		{"signed with another key", "Bearer " +
			forge(t, jwt.SigningMethodHS256, []byte(otherSecret), claims), 0},
		{"alg none", "Bearer " + none, 0},
		{"alg none, no signature part", "Bearer " + strings.TrimSuffix(none, "."), 0},
		{"HS512 with the right key", "Bearer " +
			forge(t, jwt.SigningMethodHS512, []byte(jwtSecret), claims), 0},
		{"payload changed", "Bearer " + parts[0] + "." +
			base64.RawURLEncoding.EncodeToString([]byte(`{"sub":"2"}`)) + "." + parts[2], 0},
		{"garbage", "Bearer abc.def.ghi", 0},
		{"another scheme", "Basic " + s.AccessToken, 0},
		{"expired", "Bearer " + s.AccessToken, 2 * time.Hour},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a.clock.Add(tt.later)
			defer a.clock.Add(-tt.later)
			rec := a.do(t, req{method: "GET", path: "/me",
				header: map[string]string{"Authorization": tt.header}})
			if rec.Code != http.StatusUnauthorized {
				t.Fatalf("GET /me = %d %s; want 401", rec.Code, rec.Body)
			}
			if code, _ := errorOf(t, rec); code != "unauthenticated" {
				t.Errorf("code = %q", code)
			}
			if rec.Header().Get("WWW-Authenticate") == "" {
				t.Error("no WWW-Authenticate header")
			}
			if strings.Contains(rec.Body.String(), "ana@example.com") {
				t.Errorf("401 leaks the account: %s", rec.Body)
			}
		})
	}
	if rec := a.do(t, req{method: "GET", path: "/me", token: s.AccessToken}); rec.Code != 200 {
		t.Errorf("the genuine token = %d; want 200", rec.Code)
	}
}

func testUsersCannotReachEachOthersData(t *testing.T, b backend) {
	a := newAccounts(t, b)
	ana := a.register(t, "ana@example.com")
	bob := a.register(t, "bob@example.com")
	rec := a.do(t, req{method: "POST", path: "/me/addresses", token: ana.AccessToken,
		body: `{"label":"Casa","recipient":"Ana Pérez","street":"Calle Secreta 123",
			"commune":"Providencia","region":"Metropolitana"}`})
	if rec.Code != http.StatusCreated {
		t.Fatalf("create address = %d %s", rec.Code, rec.Body)
	}
	var addr struct{ ID int64 }
	must(t, json.Unmarshal(rec.Body.Bytes(), &addr))
	path := "/me/addresses/" + strconv.FormatInt(addr.ID, 10)
	tests := []struct {
		method, path, body string
		want               int
	}{
		{"GET", path, "", http.StatusNotFound},
		{"PUT", path, `{"recipient":"Bob","street":"Otra 1","commune":"Ñuñoa",
			"region":"Metropolitana"}`, http.StatusNotFound},
		{"DELETE", path, "", http.StatusNotFound},
		{"GET", "/admin/users/" + strconv.FormatInt(ana.User.ID, 10), "", http.StatusForbidden},
		{"PUT", "/admin/users/" + strconv.FormatInt(ana.User.ID, 10) + "/active",
			`{"active":false}`, http.StatusForbidden},
		{"GET", "/admin/audit?user_id=" + strconv.FormatInt(ana.User.ID, 10), "",
			http.StatusForbidden},
	}
	for _, tt := range tests {
		t.Run(tt.method+" "+tt.path, func(t *testing.T) {
			rec := a.do(t, req{method: tt.method, path: tt.path, body: tt.body,
				token: bob.AccessToken})
			if rec.Code != tt.want {
				t.Fatalf("= %d %s; want %d", rec.Code, rec.Body, tt.want)
			}
			for _, secret := range []string{"Secreta", "ana@example.com", "Providencia"} {
				if strings.Contains(rec.Body.String(), secret) {
					t.Errorf("answer leaks %q: %s", secret, rec.Body)
				}
			}
		})
	}
	for _, p := range []string{"/me", "/me/addresses", "/me/export"} {
		rec := a.do(t, req{method: "GET", path: p, token: bob.AccessToken})
		if rec.Code != 200 || strings.Contains(rec.Body.String(), "Secreta") ||
			strings.Contains(rec.Body.String(), "ana@example.com") {
			t.Errorf("bob's %s = %d %s; want his own data only", p, rec.Code, rec.Body)
		}
	}
	rec = a.do(t, req{method: "GET", path: path, token: ana.AccessToken})
	if rec.Code != 200 || !strings.Contains(rec.Body.String(), "Calle Secreta 123") {
		t.Errorf("ana's own address = %d %s", rec.Code, rec.Body)
	}
	rec = a.do(t, req{method: "GET", path: "/me/export", token: ana.AccessToken})
	if rec.Code != 200 || !strings.Contains(rec.Body.String(), "Calle Secreta 123") ||
		!strings.Contains(rec.Body.String(), "+56912345678") {
		t.Errorf("ana's export = %d %s; want her address and phone", rec.Code, rec.Body)
	}
}

// staffRoutes are every route of staff and administration with a body
// that would be valid, so that only the permission can refuse it.
var staffRoutes = []struct{ method, path, body string }{
	{"GET", "/admin/users", ""},
	{"GET", "/admin/users/1", ""},
	{"PUT", "/admin/users/1/role", `{"role":"super_admin"}`},
	{"PUT", "/admin/users/1/active", `{"active":false}`},
	{"GET", "/admin/audit", ""},
	{"POST", "/products", `{"name":"X","sku":"X-1","price":1000,"category_id":1}`},
	{"PUT", "/products/1", `{"name":"X","sku":"X-1","price":1000,"category_id":1}`},
	{"DELETE", "/products/1", ""},
	{"POST", "/products/1/variants", `{"name":"V","sku":"V-1"}`},
	{"PUT", "/products/1/variants/1", `{"name":"V","sku":"V-1"}`},
	{"DELETE", "/products/1/variants/1", ""},
	{"POST", "/categories", `{"name":"C"}`},
	{"PUT", "/categories/1", `{"name":"C","slug":"c"}`},
	{"DELETE", "/categories/1", ""},
	{"POST", "/brands", `{"name":"B"}`},
	{"PUT", "/brands/1", `{"name":"B","slug":"b"}`},
	{"DELETE", "/brands/1", ""},
	{"GET", "/warehouses", ""},
	{"POST", "/warehouses", `{"code":"W","name":"W"}`},
	{"PUT", "/warehouses/1", `{"code":"W","name":"W"}`},
	{"DELETE", "/warehouses/1", ""},
	{"GET", "/inventory/1", ""},
	{"POST", "/inventory/adjustments",
		`{"product_id":1,"warehouse_id":1,"delta":5,"reason":"restock"}`},
}

func testCustomersCannotReachStaffRoutes(t *testing.T, b backend) {
	a := newAccounts(t, b)
	ana := a.register(t, "ana@example.com")
	for _, rt := range staffRoutes {
		t.Run(rt.method+" "+rt.path, func(t *testing.T) {
			for _, who := range []struct {
				token string
				want  int
			}{{ana.AccessToken, http.StatusForbidden}, {"", http.StatusUnauthorized}} {
				rec := a.do(t, req{method: rt.method, path: rt.path, body: rt.body,
					token: who.token})
				if rec.Code != who.want {
					t.Errorf("token %t: = %d %s; want %d", who.token != "", rec.Code, rec.Body,
						who.want)
				}
			}
		})
	}
	if !a.sawEvent("security.permission.denied") {
		t.Error("no security.permission.denied event")
	}
	// Nothing changed: the product, the brand and the stock are as loaded.
	if rec := a.get(t, "/products/1"); rec.Code != 200 {
		t.Errorf("product 1 after the attempts = %d", rec.Code)
	}
}

func testStaffPermissions(t *testing.T, b backend) {
	a := newAccounts(t, b)
	manager := a.staff(t, "gerente@example.com", "manager")
	admin := a.staff(t, "admin@example.com", "admin")
	ana := a.register(t, "ana@example.com")
	anaID := strconv.FormatInt(ana.User.ID, 10)
	tests := []struct {
		name  string
		token string
		r     req
		want  int
	}{
		{"manager creates a brand", manager.AccessToken,
			req{method: "POST", path: "/brands", body: `{"name":"Nueva Marca"}`}, 201},
		{"manager adjusts stock", manager.AccessToken, req{method: "POST",
			path: "/inventory/adjustments", body: fmt.Sprintf(
				`{"product_id":%d,"warehouse_id":1,"delta":7,"reason":"restock","note":"OC-1"}`,
				a.ids["monitor-27"])}, 201},
		{"manager may not list users", manager.AccessToken,
			req{method: "GET", path: "/admin/users"}, 403},
		{"admin lists users", admin.AccessToken,
			req{method: "GET", path: "/admin/users?q=ana&role=customer&limit=5"}, 200},
		{"admin deactivates a customer", admin.AccessToken, req{method: "PUT",
			path: "/admin/users/" + anaID + "/active", body: `{"active":false}`}, 200},
		{"admin may not grant roles", admin.AccessToken, req{method: "PUT",
			path: "/admin/users/" + anaID + "/role", body: `{"role":"manager"}`}, 403},
		{"admin reads the audit log", admin.AccessToken,
			req{method: "GET", path: "/admin/audit?user_id=" + anaID}, 200},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.r.token = tt.token
			rec := a.do(t, tt.r)
			if rec.Code != tt.want {
				t.Fatalf("= %d %s; want %d", rec.Code, rec.Body, tt.want)
			}
		})
	}
	writes := a.staffWrites()
	if len(writes) != 3 { // the brand, the adjustment, the deactivation
		t.Errorf("staff writes = %+v; want the 3 that succeeded", writes)
	}
	for _, w := range writes {
		if w.Route == "/brands" && (w.ActorID != commerce.UserID(manager.User.ID) ||
			w.Status != 201 || w.Role != "manager" || w.RequestID == "") {
			t.Errorf("brand write = %+v; want the manager's 201 with a request id", w)
		}
		if w.Route == "/admin/users/{id}/active" && w.Params["id"] != anaID {
			t.Errorf("deactivation write = %+v; want ana's id", w)
		}
	}
	rec := a.do(t, req{method: "GET", path: "/admin/audit?user_id=" + anaID,
		token: admin.AccessToken})
	if !strings.Contains(rec.Body.String(), `"user.deactivated"`) {
		t.Errorf("audit log = %s; want the deactivation", rec.Body)
	}
	if rec := a.do(t, req{method: "GET", path: "/me", token: ana.AccessToken}); rec.Code != 401 {
		t.Errorf("deactivated customer's token = %d; want 401", rec.Code)
	}
	rec = a.do(t, req{method: "GET", path: "/inventory/" +
		strconv.FormatInt(a.ids["monitor-27"], 10), token: manager.AccessToken})
	if !strings.Contains(rec.Body.String(), `"quantity":10`) {
		t.Errorf("levels after +7 on 3 = %s; want quantity 10", rec.Body)
	}
}

func testStaffWritesTheCatalog(t *testing.T, b backend) {
	a := newAccounts(t, b)
	m := a.staff(t, "gerente@example.com", "manager").AccessToken
	rec := a.do(t, req{method: "POST", path: "/products", token: m, body: fmt.Sprintf(
		`{"name":"Teclado Mecánico","sku":"TK-1","price":49990,"compare_price":59990,
		"category_id":%d,"variants":[{"name":"Rojo","sku":"TK-1-R"}]}`, a.ids["computacion"])})
	if rec.Code != http.StatusCreated {
		t.Fatalf("create product = %d %s", rec.Code, rec.Body)
	}
	var p struct {
		Data struct {
			ID       int64  `json:"id"`
			Slug     string `json:"slug"`
			Price    int    `json:"price"`
			Variants []struct {
				ID  int64  `json:"id"`
				SKU string `json:"sku"`
			} `json:"variants"`
		} `json:"data"`
	}
	must(t, json.Unmarshal(rec.Body.Bytes(), &p))
	if p.Data.Slug != "teclado-mecanico" || p.Data.Price != 49990 || len(p.Data.Variants) != 1 {
		t.Fatalf("created = %s", rec.Body)
	}
	id := strconv.FormatInt(p.Data.ID, 10)
	rec = a.do(t, req{method: "POST", path: "/products/" + id + "/variants", token: m,
		body: `{"name":"Azul","sku":"TK-1-A","price":52990}`})
	if rec.Code != http.StatusCreated || !strings.Contains(rec.Body.String(), `"TK-1-A"`) {
		t.Fatalf("create variant = %d %s", rec.Code, rec.Body)
	}
	vid := strconv.FormatInt(p.Data.Variants[0].ID, 10)
	rec = a.do(t, req{method: "DELETE", path: "/products/" + id + "/variants/" + vid, token: m})
	if rec.Code != http.StatusNoContent {
		t.Fatalf("delete variant = %d %s", rec.Code, rec.Body)
	}
	if rec := a.get(t, "/products/"+id); strings.Contains(rec.Body.String(), "TK-1-R") {
		t.Errorf("deleted variant still shown: %s", rec.Body)
	}
	rec = a.do(t, req{method: "PUT", path: "/products/" + id, token: m, body: fmt.Sprintf(
		`{"name":"Teclado","sku":"TK-1","price":"abc","category_id":%d}`, a.ids["computacion"])})
	if _, fields := errorOf(t, rec); rec.Code != http.StatusBadRequest ||
		strings.Join(fields, ",") != "price" {
		t.Errorf("price abc = %d %v; want 400 naming price", rec.Code, fields)
	}
	rec = a.do(t, req{method: "PUT", path: "/products/" + id, token: m, body: fmt.Sprintf(
		`{"name":"Teclado","sku":"TK-1","price":-5,"category_id":%d}`, a.ids["computacion"])})
	if _, fields := errorOf(t, rec); rec.Code != http.StatusUnprocessableEntity ||
		!strings.Contains(strings.Join(fields, ","), "price") {
		t.Errorf("price -5 = %d %v; want 422 naming price", rec.Code, fields)
	}
	rec = a.do(t, req{method: "DELETE", path: "/products/" + id, token: m})
	if rec.Code != http.StatusNoContent {
		t.Fatalf("delete product = %d %s", rec.Code, rec.Body)
	}
	if rec := a.get(t, "/products/"+id); rec.Code != http.StatusNotFound {
		t.Errorf("deleted product = %d; want 404", rec.Code)
	}
}

// staffWrites returns the staff writes announced so far.
func (a *accounts) staffWrites() []rest.StaffWrite {
	a.mu.Lock()
	defer a.mu.Unlock()
	var out []rest.StaffWrite
	for _, e := range *a.events {
		if w, ok := e.Data.(rest.StaffWrite); ok && e.Name == rest.EventStaffWrite {
			out = append(out, w)
		}
	}
	return out
}
