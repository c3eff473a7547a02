package customer_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/ecommerce-moderno/moderno/auth"
	"github.com/ecommerce-moderno/moderno/commerce"
	"github.com/ecommerce-moderno/moderno/customer"
	"github.com/ecommerce-moderno/moderno/pii"
)

func chileAddress(user commerce.UserID) customer.Address {
	return customer.Address{UserID: user, Label: "Casa", Recipient: "Beto Soto",
		Phone: "+56 9 8765 4321", Street: "Av. Providencia 1234", Details: "depto 56",
		Commune: "Providencia", City: "Santiago", Region: "Metropolitana", PostalCode: "7500000"}
}

func TestStrangersSeeNothing(t *testing.T) {
	f := newFixture(t)
	a := principal(f.register(t, "ana@example.cl", "Ana"))
	bSess := f.register(t, "beto@example.cl", "Beto Soto")
	b := principal(bSess)
	addr := chileAddress(b.UserID)
	if err := f.svc.CreateAddress(ctx, b, &addr); err != nil {
		t.Fatalf("CreateAddress = %v", err)
	}
	manager := f.staff(t, "gerente@example.cl", commerce.RoleManager)

	for _, who := range []struct {
		name string
		p    commerce.Principal
	}{{"another customer", a}, {"a manager", manager}} {
		p := who.p
		calls := map[string]error{}
		_, calls["Profile"] = f.svc.Profile(ctx, p, b.UserID)
		_, calls["UpdateProfile"] = f.svc.UpdateProfile(ctx, p, b.UserID,
			customer.ProfileUpdate{Name: "Hacker"})
		_, calls["Export"] = f.svc.Export(ctx, p, b.UserID)
		calls["Erase"] = f.svc.Erase(ctx, p, b.UserID, goodPassword)
		_, calls["Addresses"] = f.svc.Addresses(ctx, p, b.UserID)
		_, calls["Address"] = f.svc.Address(ctx, p, b.UserID, addr.ID)
		_, calls["Address through own id"] = f.svc.Address(ctx, p, p.UserID, addr.ID)
		evil := chileAddress(b.UserID)
		calls["CreateAddress"] = f.svc.CreateAddress(ctx, p, &evil)
		evil.ID = addr.ID
		calls["UpdateAddress"] = f.svc.UpdateAddress(ctx, p, &evil)
		evil.UserID = p.UserID
		calls["UpdateAddress through own id"] = f.svc.UpdateAddress(ctx, p, &evil)
		calls["DeleteAddress"] = f.svc.DeleteAddress(ctx, p, b.UserID, addr.ID)
		calls["DeleteAddress through own id"] = f.svc.DeleteAddress(ctx, p, p.UserID, addr.ID)
		for call, err := range calls {
			wantKind(t, who.name+": "+call, err, commerce.KindNotFound)
			if err != nil && (strings.Contains(err.Error(), "beto") ||
				strings.Contains(err.Error(), "Providencia")) {
				t.Errorf("%s: %s leaks: %v", who.name, call, err)
			}
		}
	}
	// Nothing changed.
	u, _ := f.svc.Profile(ctx, b, b.UserID)
	as, _ := f.svc.Addresses(ctx, b, b.UserID)
	if u.Name != "Beto Soto" || len(as) != 1 || as[0].Street != "Av. Providencia 1234" {
		t.Errorf("after the attempts: %+v, %+v; want untouched", u, as)
	}
	if n := len(f.published(auth.EventPermissionDenied)); n < 10 {
		t.Errorf("permission denied events = %d; want one per attempt", n)
	}

	_, err := f.svc.Profile(ctx, commerce.Anonymous, b.UserID)
	wantKind(t, "Profile(anonymous)", err, commerce.KindUnauthenticated)

	admin := f.staff(t, "admin@example.cl", commerce.RoleAdmin)
	if u, err := f.svc.Profile(ctx, admin, b.UserID); err != nil || u.ID != b.UserID {
		t.Errorf("Profile(admin) = %+v, %v; want Beto", u, err)
	}
}

func TestCustomersCannotAdminister(t *testing.T) {
	f := newFixture(t)
	c := principal(f.register(t, "ana@example.cl", "Ana"))
	other := principal(f.register(t, "beto@example.cl", "Beto"))
	manager := f.staff(t, "gerente@example.cl", commerce.RoleManager)
	for _, p := range []commerce.Principal{c, manager} {
		calls := map[string]error{}
		_, calls["ListUsers"] = f.svc.ListUsers(ctx, p, customer.UserQuery{})
		_, calls["SetRole"] = f.svc.SetRole(ctx, p, other.UserID, commerce.RoleAdmin)
		_, calls["SetRole(self)"] = f.svc.SetRole(ctx, p, p.UserID, commerce.RoleSuperAdmin)
		_, calls["SetActive"] = f.svc.SetActive(ctx, p, other.UserID, false)
		_, calls["AuditLog"] = f.svc.AuditLog(ctx, p, customer.AuditQuery{})
		for call, err := range calls {
			wantKind(t, string(p.Role)+": "+call, err, commerce.KindForbidden)
		}
	}
	_, err := f.svc.ListUsers(ctx, commerce.Anonymous, customer.UserQuery{})
	wantKind(t, "ListUsers(anonymous)", err, commerce.KindUnauthenticated)
	denied := f.published(auth.EventPermissionDenied)
	if len(denied) == 0 || denied[0].ActorID != c.UserID || denied[0].IP == "" {
		t.Errorf("permission denied events = %+v; want the actor and origin", denied)
	}
}

func TestAdministration(t *testing.T) {
	f := newFixture(t)
	ana := f.register(t, "ana@example.cl", "Ana Pérez")
	f.register(t, "beto@example.cl", "Beto")
	admin := f.staff(t, "admin@example.cl", commerce.RoleAdmin)
	if _, err := f.svc.Bootstrap(ctx, "jefa@example.cl", goodPassword); err != nil {
		t.Fatal(err)
	}
	superSess, err := f.svc.Login(ctx, "jefa@example.cl", goodPassword)
	if err != nil {
		t.Fatal(err)
	}
	super := principal(superSess)

	page, err := f.svc.ListUsers(ctx, admin, customer.UserQuery{Search: "PÉREZ"})
	if err != nil || page.Total != 1 || page.Items[0].ID != ana.User.ID ||
		page.Items[0].Phone != "+56912345678" || page.Limit != customer.DefaultPageSize {
		t.Errorf("ListUsers(search) = %+v, %v; want Ana with her phone opened", page, err)
	}
	page, err = f.svc.ListUsers(ctx, admin, customer.UserQuery{Role: commerce.RoleCustomer,
		Limit: 1, Offset: 1})
	if err != nil || page.Total != 2 || len(page.Items) != 1 {
		t.Errorf("ListUsers(customers, page 2) = %+v, %v; want 1 of 2", page, err)
	}
	_, err = f.svc.ListUsers(ctx, admin, customer.UserQuery{Role: "root", Limit: 1000})
	wantKind(t, "ListUsers(bad query)", err, commerce.KindInvalid)

	// Roles: only the super admin grants them; the change is audited and
	// the old tokens die.
	_, err = f.svc.SetRole(ctx, admin, ana.User.ID, commerce.RoleManager)
	wantKind(t, "SetRole(admin)", err, commerce.KindForbidden)
	u, err := f.svc.SetRole(ctx, super, ana.User.ID, commerce.RoleManager)
	if err != nil || u.Role != commerce.RoleManager {
		t.Fatalf("SetRole(super admin) = %+v, %v", u, err)
	}
	_, err = f.tokens.Verify(ctx, ana.AccessToken)
	wantKind(t, "Verify(token with the old role)", err, commerce.KindUnauthenticated)
	_, err = f.svc.SetRole(ctx, super, ana.User.ID, "root")
	wantKind(t, "SetRole(unknown role)", err, commerce.KindInvalid)
	_, err = f.svc.SetRole(ctx, super, super.UserID, commerce.RoleCustomer)
	wantKind(t, "SetRole(own)", err, commerce.KindConflict)

	// Deactivation: admins manage those below them, never a super admin.
	if _, err := f.svc.SetActive(ctx, admin, ana.User.ID, false); err != nil {
		t.Errorf("SetActive(admin on a manager) = %v", err)
	}
	_, err = f.svc.SetActive(ctx, admin, super.UserID, false)
	wantKind(t, "SetActive(admin on the super admin)", err, commerce.KindForbidden)
	_, err = f.svc.SetActive(ctx, admin, admin.UserID, false)
	wantKind(t, "SetActive(own)", err, commerce.KindConflict)
	_, err = f.svc.UpdateProfile(ctx, admin, super.UserID, customer.ProfileUpdate{Name: "X"})
	wantKind(t, "UpdateProfile(admin on the super admin)", err, commerce.KindForbidden)

	log, err := f.svc.AuditLog(ctx, admin, customer.AuditQuery{SubjectID: ana.User.ID})
	if err != nil || log.Total != 2 || log.Items[0].Action != customer.AuditDeactivated ||
		log.Items[0].ActorID != admin.UserID || log.Items[0].IP != "198.51.100.7" ||
		log.Items[0].RequestID != "req-1" || log.Items[1].Action != customer.AuditRoleChanged ||
		log.Items[1].Detail != "customer -> manager" {
		t.Errorf("AuditLog = %+v, %v; want the deactivation then the role change", log, err)
	}
}

func TestLastSuperAdminStays(t *testing.T) {
	f := newFixture(t)
	if _, err := f.svc.Bootstrap(ctx, "jefa@example.cl", goodPassword); err != nil {
		t.Fatal(err)
	}
	sess, _ := f.svc.Login(ctx, "jefa@example.cl", goodPassword)
	jefa := principal(sess)
	other := f.staff(t, "otra@example.cl", commerce.RoleSuperAdmin)

	if _, err := f.svc.SetRole(ctx, other, jefa.UserID, commerce.RoleAdmin); err != nil {
		t.Fatalf("SetRole(one of two super admins) = %v", err)
	}
	_, err := f.svc.SetActive(ctx, commerce.System, other.UserID, false)
	wantKind(t, "SetActive(last super admin)", err, commerce.KindConflict)
	err = f.svc.Erase(ctx, other, other.UserID, goodPassword)
	wantKind(t, "Erase(last super admin)", err, commerce.KindConflict)
}

func TestExportAndErase(t *testing.T) {
	f := newFixture(t)
	sess := f.register(t, "ana@example.cl", "Ana")
	ana := principal(sess)
	addr := chileAddress(ana.UserID)
	if err := f.svc.CreateAddress(ctx, ana, &addr); err != nil {
		t.Fatal(err)
	}

	ex, err := f.svc.Export(ctx, ana, ana.UserID)
	if err != nil {
		t.Fatalf("Export = %v", err)
	}
	data, _ := json.Marshal(ex)
	for _, want := range []string{"ana@example.cl", "+56912345678", "Av. Providencia 1234",
		"depto 56", "+56987654321", "7500000", `"exported_at"`} {
		if !strings.Contains(string(data), want) {
			t.Errorf("export lacks %q: %s", want, data)
		}
	}
	if strings.Contains(string(data), "argon2") {
		t.Error("export holds a password hash")
	}

	err = f.svc.Erase(ctx, ana, ana.UserID, "wrong")
	wantKind(t, "Erase(wrong password)", err, commerce.KindInvalid)
	if err := f.svc.Erase(ctx, ana, ana.UserID, goodPassword); err != nil {
		t.Fatalf("Erase = %v", err)
	}
	raw, _ := f.store.User(ctx, ana.UserID)
	if raw.Email == "ana@example.cl" || raw.Name != "Usuario eliminado" || raw.Phone != "" ||
		raw.Active || !raw.Erased() {
		t.Errorf("erased user = %+v; want anonymised", raw)
	}
	if as, _ := f.store.Addresses(ctx, ana.UserID); len(as) != 0 {
		t.Errorf("erased user keeps addresses: %+v", as)
	}
	_, err = f.tokens.Verify(ctx, sess.AccessToken)
	wantKind(t, "Verify(token of an erased user)", err, commerce.KindUnauthenticated)
	_, err = f.svc.Login(ctx, "ana@example.cl", goodPassword)
	wantKind(t, "Login(erased)", err, commerce.KindUnauthenticated)
	again := f.register(t, "ana@example.cl", "Ana otra vez")
	if again.User.ID == ana.UserID {
		t.Error("a new account reused the erased account's id")
	}
	admin := f.staff(t, "admin@example.cl", commerce.RoleAdmin)
	log, _ := f.svc.AuditLog(ctx, admin, customer.AuditQuery{SubjectID: ana.UserID})
	if log.Total != 1 || log.Items[0].Action != customer.AuditErased {
		t.Errorf("audit of the erased account = %+v; want the erasure", log)
	}
}

func TestAddresses(t *testing.T) {
	f := newFixture(t)
	ana := principal(f.register(t, "ana@example.cl", "Ana"))
	first, second := chileAddress(ana.UserID), chileAddress(ana.UserID)
	second.Label, second.Street = "Oficina", "Huérfanos 1000"
	for _, a := range []*customer.Address{&first, &second} {
		if err := f.svc.CreateAddress(ctx, ana, a); err != nil {
			t.Fatal(err)
		}
	}
	if !first.Default || second.Default || first.Country != "CL" || first.Phone != "+56987654321" {
		t.Errorf("created %+v and %+v; want the first the default, normalised", first, second)
	}
	raw, _ := f.store.Address(ctx, ana.UserID, first.ID)
	for name, v := range map[string]string{"recipient": raw.Recipient, "street": raw.Street,
		"details": raw.Details, "phone": raw.Phone, "postal code": raw.PostalCode} {
		if !strings.HasPrefix(v, "v1.k1.") {
			t.Errorf("stored %s = %q; want it sealed", name, v)
		}
	}
	if raw.Commune != "Providencia" || raw.Region != "Metropolitana" {
		t.Errorf("stored commune and region = %q, %q; want them clear", raw.Commune, raw.Region)
	}

	second.Default = true
	if err := f.svc.UpdateAddress(ctx, ana, &second); err != nil {
		t.Fatal(err)
	}
	as, _ := f.svc.Addresses(ctx, ana, ana.UserID)
	if len(as) != 2 || as[0].Default || !as[1].Default || as[1].Street != "Huérfanos 1000" {
		t.Errorf("Addresses = %+v; want the second alone the default", as)
	}

	bad := customer.Address{UserID: ana.UserID, Phone: "123", Country: "Chile"}
	err := f.svc.CreateAddress(ctx, ana, &bad)
	wantKind(t, "CreateAddress(bad)", err, commerce.KindInvalid)
	fields := map[string]bool{}
	for _, fe := range commerce.ErrorFields(err) {
		fields[fe.Field] = true
	}
	for _, want := range []string{"recipient", "street", "commune", "region", "phone", "country"} {
		if !fields[want] {
			t.Errorf("CreateAddress(bad) does not name %s: %v", want, commerce.ErrorFields(err))
		}
	}
	if err := f.svc.DeleteAddress(ctx, ana, ana.UserID, first.ID); err != nil {
		t.Fatal(err)
	}
	_, err = f.svc.Address(ctx, ana, ana.UserID, first.ID)
	wantKind(t, "Address(deleted)", err, commerce.KindNotFound)
}

func TestPIIKeyRotation(t *testing.T) {
	f := newFixture(t)
	ana := principal(f.register(t, "ana@example.cl", "Ana"))

	// A new key arrives first in the ring; the old one stays to open.
	newKey, err := pii.GenerateKey("k2")
	if err != nil {
		t.Fatal(err)
	}
	f.keys = append([]pii.Key{newKey}, f.keys...)
	f.build(t)
	u, err := f.svc.Profile(ctx, ana, ana.UserID)
	if err != nil || u.Phone != "+56912345678" {
		t.Fatalf("Profile after rotation = %+v, %v; want the old phone readable", u, err)
	}
	if _, err := f.svc.UpdateProfile(ctx, ana, ana.UserID,
		customer.ProfileUpdate{Name: "Ana", Phone: u.Phone}); err != nil {
		t.Fatal(err)
	}
	raw, _ := f.store.User(ctx, ana.UserID)
	if !strings.HasPrefix(raw.Phone, "v1.k2.") {
		t.Errorf("phone after a write = %q; want it sealed again under k2", raw.Phone)
	}

	// Once every text is resealed, the old key can leave the ring.
	f.keys = f.keys[:1]
	f.build(t)
	if u, err := f.svc.Profile(ctx, ana, ana.UserID); err != nil || u.Phone != "+56912345678" {
		t.Errorf("Profile after retiring k1 = %+v, %v", u, err)
	}
}

func TestRegisterValidation(t *testing.T) {
	f := newFixture(t)
	_, err := f.svc.Register(ctx, customer.Registration{Email: "ana", Password: "corta",
		Name: " ", Phone: "12"})
	wantKind(t, "Register(bad)", err, commerce.KindInvalid)
	fields := map[string]int{}
	for _, fe := range commerce.ErrorFields(err) {
		fields[fe.Field]++
	}
	if fields["email"] != 1 || fields["name"] != 1 || fields["phone"] != 1 ||
		fields["password"] < 3 {
		t.Errorf("Register(bad) fields = %v; want each one named", commerce.ErrorFields(err))
	}
	f.register(t, "ana@example.cl", "Ana")
	_, err = f.svc.Register(ctx, customer.Registration{Email: "ANA@EXAMPLE.CL",
		Password: goodPassword, Name: "Otra Ana"})
	wantKind(t, "Register(taken e-mail in another case)", err, commerce.KindConflict)
}

func TestEventsHoldNoSecrets(t *testing.T) {
	f := newFixture(t)
	sess := f.register(t, "ana@example.cl", "Ana")
	_, _ = f.svc.Login(ctx, "ana@example.cl", "Equivocada1!")
	_, _ = f.svc.Login(ctx, "nadie@example.cl", "Equivocada1!")
	_ = f.svc.ForgotPassword(ctx, "ana@example.cl")
	_, _ = f.svc.Refresh(ctx, sess.RefreshToken)
	_, _ = f.svc.Refresh(ctx, sess.RefreshToken)
	data, err := json.Marshal(*f.events)
	if err != nil {
		t.Fatal(err)
	}
	for _, secret := range []string{goodPassword, "Equivocada1!", sess.RefreshToken,
		sess.AccessToken, "ana@example.cl", "nadie@example.cl",
		f.mail.last(t, customer.MailPasswordReset, "ana@example.cl").Token} {
		if strings.Contains(string(data), secret) {
			t.Errorf("events hold %q", secret)
		}
	}
	_ = auth.SecurityEvents
}
