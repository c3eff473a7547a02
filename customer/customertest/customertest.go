package customertest

import (
	"context"
	"crypto/rand"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ecommerce-moderno/moderno/commerce"
	"github.com/ecommerce-moderno/moderno/customer"
)

// Run checks that stores made by newStore keep the customer.Store
// contract. newStore is called once per subtest and may return a store
// that already holds other data: the suite's e-mails and names are random
// and it only looks at what it wrote. Times are whole seconds in UTC, so
// adapters may store them at that precision.
func Run(t *testing.T, newStore func(t *testing.T) customer.Store) {
	t.Helper()
	tests := []struct {
		name string
		run  func(t *testing.T, s customer.Store)
	}{
		{"Users", testUsers},
		{"ListUsers", testListUsers},
		{"Passwords", testPasswords},
		{"LoginFailures", testLoginFailures},
		{"Tokens", testTokens},
		{"ConcurrentTokenUse", testConcurrentTokenUse},
		{"Addresses", testAddresses},
		{"EraseUser", testErase},
		{"Audit", testAudit},
		{"ConcurrentFailures", testConcurrentFailures},
		{"ConcurrentCreate", testConcurrentCreate},
		{"ConcurrentRegistration", testConcurrentRegistration},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { tt.run(t, newStore(t)) })
	}
}

var (
	ctx  = context.Background()
	base = time.Date(2031, 7, 8, 9, 10, 11, 0, time.UTC)
)

// word returns a random lower-case word, to keep the suite's rows apart
// from whatever else the store holds.
func word() string { return strings.ToLower(rand.Text()[:12]) }

func newUser(t *testing.T, s customer.Store, name string, role commerce.Role) customer.User {
	t.Helper()
	u := customer.User{Email: word() + "@example.cl", Name: name, Phone: "v1.k.sealed",
		Role: role, Active: true, PasswordChangedAt: base, CreatedAt: base, UpdatedAt: base}
	if err := s.CreateUser(ctx, &u, "$argon2id$hash-"+word()); err != nil {
		t.Fatalf("CreateUser = %v", err)
	}
	if u.ID <= 0 {
		t.Fatalf("CreateUser set id %d; want a positive one", u.ID)
	}
	return u
}

func wantKind(t *testing.T, what string, err error, kind commerce.Kind) {
	t.Helper()
	if commerce.ErrorKind(err) != kind || err == nil {
		t.Errorf("%s = %v; want %v", what, err, kind)
	}
}

func testUsers(t *testing.T, s customer.Store) {
	u := newUser(t, s, "Ana "+word(), commerce.RoleCustomer)
	got, err := s.User(ctx, u.ID)
	if err != nil || got != u {
		t.Errorf("User = %+v, %v; want %+v", got, err, u)
	}
	if got, err := s.UserByEmail(ctx, u.Email); err != nil || got.ID != u.ID {
		t.Errorf("UserByEmail = %+v, %v; want user %d", got, err, u.ID)
	}
	dup := customer.User{Email: u.Email, Name: "x", Role: commerce.RoleCustomer}
	wantKind(t, "CreateUser(taken e-mail)", s.CreateUser(ctx, &dup, "h"), commerce.KindConflict)
	_, err = s.User(ctx, u.ID+1_000_000)
	wantKind(t, "User(missing)", err, commerce.KindNotFound)
	_, err = s.UserByEmail(ctx, word()+"@example.cl")
	wantKind(t, "UserByEmail(missing)", err, commerce.KindNotFound)

	changed := u
	changed.Email, changed.Name, changed.Phone = "other@example.cl", "Ana María", "v1.k.other"
	changed.Role, changed.EmailVerified, changed.Active = commerce.RoleManager, true, false
	changed.PasswordChangedAt, changed.UpdatedAt = base.Add(time.Hour), base.Add(time.Minute)
	changed.CreatedAt = base.Add(time.Hour)
	if err := s.UpdateUser(ctx, &changed, nil); err != nil {
		t.Fatalf("UpdateUser = %v", err)
	}
	want := changed
	want.Email, want.CreatedAt, want.PasswordChangedAt = u.Email, u.CreatedAt, u.PasswordChangedAt
	if got, _ := s.User(ctx, u.ID); got != want {
		t.Errorf("after UpdateUser = %+v; want %+v", got, want)
	}
	missing := customer.User{ID: u.ID + 1_000_000, Role: commerce.RoleCustomer}
	wantKind(t, "UpdateUser(missing)", s.UpdateUser(ctx, &missing, nil), commerce.KindNotFound)
}

func testListUsers(t *testing.T, s customer.Store) {
	tag := word()
	var ids []commerce.UserID
	for i, role := range []commerce.Role{commerce.RoleCustomer, commerce.RoleManager,
		commerce.RoleCustomer, commerce.RoleAdmin, commerce.RoleCustomer} {
		u := newUser(t, s, "Cliente "+strings.ToUpper(tag)+" "+string(rune('a'+i)), role)
		ids = append(ids, u.ID)
	}
	off := newUser(t, s, "Cliente "+tag+" off", commerce.RoleCustomer)
	off.Active = false
	if err := s.UpdateUser(ctx, &off, nil); err != nil {
		t.Fatal(err)
	}

	list := func(q customer.UserQuery) ([]commerce.UserID, int) {
		t.Helper()
		us, total, err := s.ListUsers(ctx, q)
		if err != nil {
			t.Fatalf("ListUsers(%+v) = %v", q, err)
		}
		var got []commerce.UserID
		for _, u := range us {
			got = append(got, u.ID)
		}
		return got, total
	}
	if got, total := list(customer.UserQuery{Search: tag, Limit: 2, Offset: 1}); total != 6 ||
		!equal(got, ids[1:3]) {
		t.Errorf("page 2 of search = %v of %d; want %v of 6", got, total, ids[1:3])
	}
	customerRole := commerce.RoleCustomer
	active := true
	if got, total := list(customer.UserQuery{Search: tag, Role: customerRole, Active: &active,
		Limit: 10}); total != 3 || !equal(got, []commerce.UserID{ids[0], ids[2], ids[4]}) {
		t.Errorf("active customers = %v of %d; want 3", got, total)
	}
	u, _ := s.User(ctx, ids[0])
	local, _, _ := strings.Cut(u.Email, "@")
	if got, total := list(customer.UserQuery{Search: local, Limit: 10}); total != 1 ||
		!equal(got, ids[:1]) {
		t.Errorf("search by e-mail = %v of %d; want %v", got, total, ids[:1])
	}
}

func equal(a, b []commerce.UserID) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func testPasswords(t *testing.T, s customer.Store) {
	u := newUser(t, s, "Pablo", commerce.RoleCustomer)
	first, err := s.Credentials(ctx, u.ID)
	if err != nil || first.Hash == "" || len(first.History) != 1 || first.History[0] != first.Hash {
		t.Fatalf("Credentials of a new user = %+v, %v; want the hash, in the history", first, err)
	}
	hashes := []string{first.Hash}
	for i := range 6 {
		h := "$argon2id$next-" + word()
		at := base.Add(time.Duration(i+1) * time.Hour)
		if err := s.SetPassword(ctx, u.ID, h, at, 5); err != nil {
			t.Fatalf("SetPassword = %v", err)
		}
		hashes = append([]string{h}, hashes...)
		if got, _ := s.User(ctx, u.ID); !got.PasswordChangedAt.Equal(at) {
			t.Errorf("PasswordChangedAt = %v; want %v", got.PasswordChangedAt, at)
		}
	}
	c, err := s.Credentials(ctx, u.ID)
	if err != nil || c.Hash != hashes[0] || strings.Join(c.History, " ") !=
		strings.Join(hashes[:5], " ") {
		t.Errorf("Credentials = %+v, %v; want the newest five, newest first", c, err)
	}
	_, err = s.Credentials(ctx, u.ID+1_000_000)
	wantKind(t, "Credentials(missing)", err, commerce.KindNotFound)
}

func testLoginFailures(t *testing.T, s customer.Store) {
	key := "login:" + word()
	if f, err := s.LoginFailures(ctx, key); err != nil || f.Count != 0 {
		t.Fatalf("LoginFailures(new key) = %+v, %v; want zero", f, err)
	}
	for i := range 3 {
		f, err := s.RecordLoginFailure(ctx, key, base.Add(time.Duration(i)*time.Minute),
			base.Add(-time.Hour))
		if err != nil || f.Count != i+1 {
			t.Fatalf("RecordLoginFailure #%d = %+v, %v", i+1, f, err)
		}
	}
	f, err := s.LoginFailures(ctx, key)
	if err != nil || f.Count != 3 || !f.Last.Equal(base.Add(2*time.Minute)) {
		t.Errorf("LoginFailures = %+v, %v; want 3, last at +2m", f, err)
	}
	f, err = s.RecordLoginFailure(ctx, key, base.Add(48*time.Hour), base.Add(24*time.Hour))
	if err != nil || f.Count != 1 {
		t.Errorf("RecordLoginFailure after the old ones expired = %+v, %v; want 1", f, err)
	}
	if err := s.ClearLoginFailures(ctx, key); err != nil {
		t.Fatal(err)
	}
	if f, _ := s.LoginFailures(ctx, key); f.Count != 0 {
		t.Errorf("after ClearLoginFailures: %+v; want zero", f)
	}
}

func newToken(t *testing.T, s customer.Store, u customer.User,
	p customer.Purpose) customer.Token {
	t.Helper()
	tok := customer.Token{Hash: word() + word(), Purpose: p, UserID: u.ID, Email: u.Email,
		CreatedAt: base, ExpiresAt: base.Add(time.Hour)}
	if err := s.SaveToken(ctx, tok); err != nil {
		t.Fatalf("SaveToken = %v", err)
	}
	return tok
}

func testTokens(t *testing.T, s customer.Store) {
	u := newUser(t, s, "Tomás", commerce.RoleCustomer)
	tok := newToken(t, s, u, customer.PurposeResetPassword)
	wantKind(t, "SaveToken(taken hash)", s.SaveToken(ctx, tok), commerce.KindConflict)

	if got, err := s.FindToken(ctx, tok.Hash, tok.Purpose, base); err != nil ||
		got.UserID != u.ID || got.Email != u.Email || !got.ExpiresAt.Equal(tok.ExpiresAt) {
		t.Errorf("FindToken = %+v, %v; want %+v", got, err, tok)
	}
	_, err := s.FindToken(ctx, tok.Hash, customer.PurposeVerifyEmail, base)
	wantKind(t, "FindToken(other purpose)", err, commerce.KindNotFound)
	_, err = s.FindToken(ctx, tok.Hash, tok.Purpose, tok.ExpiresAt)
	wantKind(t, "FindToken(at expiry)", err, commerce.KindNotFound)
	_, err = s.UseToken(ctx, tok.Hash, tok.Purpose, tok.ExpiresAt)
	wantKind(t, "UseToken(at expiry)", err, commerce.KindNotFound)

	if _, err := s.UseToken(ctx, tok.Hash, tok.Purpose, base); err != nil {
		t.Fatalf("UseToken = %v", err)
	}
	_, err = s.UseToken(ctx, tok.Hash, tok.Purpose, base)
	wantKind(t, "UseToken(used)", err, commerce.KindNotFound)
	_, err = s.FindToken(ctx, tok.Hash, tok.Purpose, base)
	wantKind(t, "FindToken(used)", err, commerce.KindNotFound)

	a, b := newToken(t, s, u, customer.PurposeResetPassword),
		newToken(t, s, u, customer.PurposeVerifyEmail)
	if err := s.DeleteTokens(ctx, u.ID, customer.PurposeResetPassword); err != nil {
		t.Fatal(err)
	}
	_, err = s.FindToken(ctx, a.Hash, a.Purpose, base)
	wantKind(t, "FindToken(deleted)", err, commerce.KindNotFound)
	if _, err := s.FindToken(ctx, b.Hash, b.Purpose, base); err != nil {
		t.Errorf("DeleteTokens deleted a token of another purpose: %v", err)
	}
}

func testConcurrentTokenUse(t *testing.T, s customer.Store) {
	u := newUser(t, s, "Carla", commerce.RoleCustomer)
	tok := newToken(t, s, u, customer.PurposeResetPassword)
	var wg sync.WaitGroup
	var mu sync.Mutex
	won := 0
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, err := s.UseToken(ctx, tok.Hash, tok.Purpose, base)
			mu.Lock()
			defer mu.Unlock()
			if err == nil {
				won++
			} else if commerce.ErrorKind(err) != commerce.KindNotFound {
				t.Errorf("UseToken = %v", err)
			}
		}()
	}
	wg.Wait()
	if won != 1 {
		t.Errorf("8 concurrent uses of one token: %d succeeded; want 1", won)
	}
}

func address(u customer.User, street string, def bool) customer.Address {
	return customer.Address{UserID: u.ID, Label: "Casa", Recipient: "v1.k.r", Street: street,
		Commune: "Providencia", Region: "Metropolitana", Country: "CL", Default: def,
		CreatedAt: base, UpdatedAt: base}
}

func testAddresses(t *testing.T, s customer.Store) {
	u, other := newUser(t, s, "Dora", commerce.RoleCustomer),
		newUser(t, s, "Eva", commerce.RoleCustomer)
	a, b := address(u, "v1.k.a", true), address(u, "v1.k.b", false)
	for _, x := range []*customer.Address{&a, &b} {
		if err := s.CreateAddress(ctx, x); err != nil || x.ID == 0 {
			t.Fatalf("CreateAddress = %v, id %d", err, x.ID)
		}
	}
	if got, err := s.Address(ctx, u.ID, a.ID); err != nil || got != a {
		t.Errorf("Address = %+v, %v; want %+v", got, err, a)
	}

	b.Default, b.Street, b.UpdatedAt = true, "v1.k.b2", base.Add(time.Hour)
	if err := s.UpdateAddress(ctx, &b); err != nil {
		t.Fatalf("UpdateAddress = %v", err)
	}
	as, err := s.Addresses(ctx, u.ID)
	if err != nil || len(as) != 2 || as[0].ID != a.ID || as[0].Default || !as[1].Default ||
		as[1].Street != "v1.k.b2" {
		t.Errorf("Addresses = %+v, %v; want a then b, b alone the default", as, err)
	}

	// Nobody reaches an address through another owner's id.
	_, err = s.Address(ctx, other.ID, a.ID)
	wantKind(t, "Address(another owner)", err, commerce.KindNotFound)
	stolen := a
	stolen.UserID = other.ID
	wantKind(t, "UpdateAddress(another owner)", s.UpdateAddress(ctx, &stolen),
		commerce.KindNotFound)
	wantKind(t, "DeleteAddress(another owner)", s.DeleteAddress(ctx, other.ID, a.ID),
		commerce.KindNotFound)
	if as, _ := s.Addresses(ctx, other.ID); len(as) != 0 {
		t.Errorf("Addresses(other) = %+v; want none", as)
	}

	if err := s.DeleteAddress(ctx, u.ID, a.ID); err != nil {
		t.Fatalf("DeleteAddress = %v", err)
	}
	_, err = s.Address(ctx, u.ID, a.ID)
	wantKind(t, "Address(deleted)", err, commerce.KindNotFound)
}

func testErase(t *testing.T, s customer.Store) {
	u := newUser(t, s, "Fabián", commerce.RoleManager)
	keep := newUser(t, s, "Gabriela", commerce.RoleCustomer)
	for _, owner := range []customer.User{u, keep} {
		a := address(owner, "v1.k.street", true)
		if err := s.CreateAddress(ctx, &a); err != nil {
			t.Fatal(err)
		}
	}
	tok := newToken(t, s, u, customer.PurposeVerifyEmail)
	if err := s.SetPassword(ctx, u.ID, "$argon2id$second", base, 5); err != nil {
		t.Fatal(err)
	}

	gone := customer.User{ID: u.ID, Email: "borrado-" + word() + "@anonimo.invalid",
		Name: "Usuario eliminado", Role: commerce.RoleCustomer, UpdatedAt: base.Add(time.Hour),
		ErasedAt: base.Add(time.Hour)}
	entry := customer.AuditEntry{At: base.Add(time.Hour), ActorID: keep.ID, SubjectID: u.ID,
		Action: customer.AuditErased}
	if err := s.EraseUser(ctx, gone, entry); err != nil {
		t.Fatalf("EraseUser = %v", err)
	}
	got, err := s.User(ctx, u.ID)
	want := gone
	want.CreatedAt, want.PasswordChangedAt = u.CreatedAt, got.PasswordChangedAt
	if err != nil || got != want {
		t.Errorf("erased user = %+v, %v; want %+v", got, err, want)
	}
	if c, err := s.Credentials(ctx, u.ID); err != nil || c.Hash != "" || len(c.History) != 0 {
		t.Errorf("erased credentials = %+v, %v; want none", c, err)
	}
	if as, _ := s.Addresses(ctx, u.ID); len(as) != 0 {
		t.Errorf("erased user keeps %d addresses", len(as))
	}
	if as, _ := s.Addresses(ctx, keep.ID); len(as) != 1 {
		t.Errorf("another user's addresses: %d; want 1", len(as))
	}
	_, err = s.FindToken(ctx, tok.Hash, tok.Purpose, base)
	wantKind(t, "FindToken(erased user's)", err, commerce.KindNotFound)
	if _, err := s.UserByEmail(ctx, u.Email); commerce.ErrorKind(err) != commerce.KindNotFound {
		t.Errorf("the old e-mail still finds the erased user: %v", err)
	}
	es, n, err := s.Audit(ctx, customer.AuditQuery{SubjectID: u.ID, Limit: 10})
	if err != nil || n != 1 || es[0].Action != customer.AuditErased || es[0].ActorID != keep.ID {
		t.Errorf("Audit after EraseUser = %+v, %d, %v; want the erasure", es, n, err)
	}
}

func testAudit(t *testing.T, s customer.Store) {
	u := newUser(t, s, "Hugo", commerce.RoleCustomer)
	admin := newUser(t, s, "Irene", commerce.RoleAdmin)
	for i, action := range []string{customer.AuditRoleChanged, customer.AuditDeactivated,
		customer.AuditActivated} {
		e := customer.AuditEntry{At: base.Add(time.Duration(i) * time.Minute), ActorID: admin.ID,
			SubjectID: u.ID, Action: action, Detail: "d" + action, IP: "203.0.113.9",
			RequestID: "req-" + action}
		if err := s.UpdateUser(ctx, &u, &e); err != nil {
			t.Fatalf("UpdateUser with audit = %v", err)
		}
	}
	es, n, err := s.Audit(ctx, customer.AuditQuery{SubjectID: u.ID, Offset: 1, Limit: 1})
	if err != nil || n != 3 || len(es) != 1 {
		t.Fatalf("Audit page = %+v, %d, %v; want 1 of 3", es, n, err)
	}
	e := es[0]
	if e.ID == 0 || e.Action != customer.AuditDeactivated || e.ActorID != admin.ID ||
		e.SubjectID != u.ID || !e.At.Equal(base.Add(time.Minute)) || e.IP != "203.0.113.9" ||
		e.RequestID != "req-"+customer.AuditDeactivated || e.Detail != "d"+e.Action {
		t.Errorf("second newest entry = %+v; want the deactivation, every field kept", e)
	}
	if es, _, _ := s.Audit(ctx, customer.AuditQuery{SubjectID: admin.ID, Limit: 10}); len(es) != 0 {
		t.Errorf("Audit(admin) = %+v; want none", es)
	}
}
