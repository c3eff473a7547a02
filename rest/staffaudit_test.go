package rest_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"testing"
)

// TestStaffAuditShowsAManagersProductUpdate checks that a manager's product
// update is in GET /admin/audit?kind=staff for an admin, with its actor,
// request id and address, filtered by target; that a refused update leaves
// nothing; and that customers and managers may not read the trail.
func TestStaffAuditShowsAManagersProductUpdate(t *testing.T) {
	a := newAccounts(t, sqliteBackend)
	manager := a.staff(t, "gerente@example.com", "manager")
	admin := a.staff(t, "admin@example.com", "admin")
	customer := a.register(t, "ana@example.com")
	id := strconv.FormatInt(a.ids["mouse-optico"], 10)
	update := func(price string) int {
		t.Helper()
		return a.do(t, req{method: "PUT", path: "/products/" + id, token: manager.AccessToken,
			ip: "203.0.113.5", header: map[string]string{"X-Request-ID": "req-upd-" + price},
			body: fmt.Sprintf(`{"name":"Mouse","slug":"mouse-optico","sku":"MO-1","price":%s,`+
				`"category_id":%d}`, price, a.ids["computacion"])}).Code
	}
	if code := update("-5"); code != http.StatusUnprocessableEntity {
		t.Fatalf("update with price -5 = %d; want 422", code)
	}
	if code := update("899990"); code != http.StatusOK {
		t.Fatalf("update = %d; want 200", code)
	}
	path := "/admin/audit?kind=staff&action=product.update&target_type=product&target_id=" + id
	rec := a.do(t, req{method: "GET", path: path, token: admin.AccessToken})
	if rec.Code != http.StatusOK {
		t.Fatalf("GET %s = %d %s", path, rec.Code, rec.Body)
	}
	var page struct {
		Data []struct {
			ActorID    int64           `json:"actor_id"`
			Action     string          `json:"action"`
			TargetType string          `json:"target_type"`
			TargetID   int64           `json:"target_id"`
			Summary    json.RawMessage `json:"summary"`
			RequestID  string          `json:"request_id"`
			IP         string          `json:"ip"`
		} `json:"data"`
		Pagination struct {
			Total int `json:"total"`
		} `json:"pagination"`
	}
	must(t, json.Unmarshal(rec.Body.Bytes(), &page))
	if page.Pagination.Total != 1 || len(page.Data) != 1 {
		t.Fatalf("staff audit of product %s = %s; want one entry", id, rec.Body)
	}
	e := page.Data[0]
	if e.ActorID != manager.User.ID || e.Action != "product.update" ||
		e.TargetType != "product" || strconv.FormatInt(e.TargetID, 10) != id ||
		e.RequestID != "req-upd-899990" || e.IP != "203.0.113.5" {
		t.Errorf("entry = %+v; want product.update of %s by %d from 203.0.113.5", e, id,
			manager.User.ID)
	}
	var summary struct {
		SKU   string `json:"sku"`
		Price string `json:"price"`
	}
	if err := json.Unmarshal(e.Summary, &summary); err != nil || summary.SKU != "MO-1" ||
		summary.Price != "899990" {
		t.Errorf("summary = %s (%v); want sku MO-1, price 899990", e.Summary, err)
	}
	for _, tc := range []struct {
		name, path, token string
		want              int
	}{
		{"customer", path, customer.AccessToken, http.StatusForbidden},
		{"manager", path, manager.AccessToken, http.StatusForbidden},
		{"unknown kind", "/admin/audit?kind=x", admin.AccessToken, http.StatusBadRequest},
		{"bad date", "/admin/audit?kind=staff&from=ayer", admin.AccessToken,
			http.StatusBadRequest},
		{"other actor", "/admin/audit?kind=staff&actor_id=" +
			strconv.FormatInt(admin.User.ID, 10), admin.AccessToken, http.StatusOK},
	} {
		rec := a.do(t, req{method: "GET", path: tc.path, token: tc.token})
		if rec.Code != tc.want {
			t.Errorf("%s: GET %s = %d %s; want %d", tc.name, tc.path, rec.Code, rec.Body,
				tc.want)
		}
		if tc.name == "other actor" {
			must(t, json.Unmarshal(rec.Body.Bytes(), &page))
			if page.Pagination.Total != 0 {
				t.Errorf("entries of the admin = %s; want none", rec.Body)
			}
		}
	}
}
