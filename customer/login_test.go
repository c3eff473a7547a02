package customer_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/ecommerce-moderno/moderno/auth"
	"github.com/ecommerce-moderno/moderno/commerce"
	"github.com/ecommerce-moderno/moderno/customer"
)

func TestRegisterAndLogin(t *testing.T) {
	f := newFixture(t)
	reg := f.register(t, " Ana@Example.CL ", "Ana Pérez")
	if reg.User.Email != "ana@example.cl" || reg.User.Role != commerce.RoleCustomer ||
		reg.TokenType != "Bearer" || reg.ExpiresIn != 3600 || reg.AccessToken == "" ||
		reg.RefreshToken == "" {
		t.Errorf("Register = %+v; want a customer session for ana@example.cl", reg)
	}
	sess, err := f.svc.Login(ctx, "ANA@example.cl", goodPassword)
	if err != nil || sess.User != reg.User {
		t.Fatalf("Login = %+v, %v; want %+v", sess, err, reg.User)
	}
	p, err := f.tokens.Authenticate(ctx, sess.AccessToken)
	if err != nil || p != principal(reg) {
		t.Errorf("the access token speaks for %+v, %v; want %+v", p, err, principal(reg))
	}

	// The phone reaches the store sealed, and comes back opened.
	raw, _ := f.store.User(ctx, reg.User.ID)
	if !strings.HasPrefix(raw.Phone, "v1.k1.") || strings.Contains(raw.Phone, "12345678") {
		t.Errorf("stored phone = %q; want it sealed", raw.Phone)
	}
	u, err := f.svc.Profile(ctx, principal(reg), reg.User.ID)
	if err != nil || u.Phone != "+56912345678" || u.Name != "Ana Pérez" {
		t.Errorf("Profile = %+v, %v; want the phone opened", u, err)
	}
	if len(f.published(auth.EventLoginSucceeded)) != 1 {
		t.Error("no login succeeded event")
	}
}

func TestLoginFailures(t *testing.T) {
	f := newFixture(t)
	f.register(t, "ana@example.cl", "Ana")
	_, wrong := f.svc.Login(ctx, "ana@example.cl", "Contraseña2!")
	_, unknown := f.svc.Login(ctx, "nadie@example.cl", goodPassword)
	_, garbage := f.svc.Login(ctx, "not an e-mail", goodPassword)
	for name, err := range map[string]error{"wrong password": wrong, "unknown e-mail": unknown,
		"garbage": garbage} {
		wantKind(t, "Login("+name+")", err, commerce.KindUnauthenticated)
		if msg := commerce.ErrorMessage(err); msg != "correo electrónico o contraseña incorrectos" {
			t.Errorf("Login(%s) says %q; want the same words whatever failed", name, msg)
		}
	}
	failed := f.published(auth.EventLoginFailed)
	if len(failed) != 3 || failed[0].IP != "198.51.100.7" || failed[0].RequestID != "req-1" ||
		failed[0].Reason != "bad_password" || failed[1].Reason != "unknown_account" {
		t.Errorf("login failed events = %+v; want three with origin and reason", failed)
	}
}

func TestLoginBacksOffPerAccount(t *testing.T) {
	f := newFixture(t)
	f.register(t, "ana@example.cl", "Ana")
	login := func(ip, password string) error {
		c := auth.WithOrigin(ctx, auth.Origin{IP: ip})
		_, err := f.svc.Login(c, "ana@example.cl", password)
		return err
	}
	// Three failures from three IPs pass without delay; the fourth starts
	// the wait of 1 s, the fifth 2 s, the sixth 4 s.
	for _, ip := range []string{"203.0.113.1", "203.0.113.2", "203.0.113.3", "203.0.113.4"} {
		wantKind(t, "Login(wrong) from "+ip, login(ip, "Contraseña2!"),
			commerce.KindUnauthenticated)
	}
	for _, wait := range []time.Duration{time.Second, 2 * time.Second, 4 * time.Second} {
		err := login("203.0.113.99", goodPassword)
		wantKind(t, "Login(right password while backing off)", err, commerce.KindRateLimited)
		if got := commerce.RetryAfter(err); got != wait {
			t.Errorf("RetryAfter = %v; want %v", got, wait)
		}
		f.clock.Add(wait)
		wantKind(t, "Login(wrong) after the wait", login("203.0.113.5", "Contraseña2!"),
			commerce.KindUnauthenticated)
	}
	if len(f.published(auth.EventLoginThrottled)) != 3 {
		t.Errorf("throttled events = %d; want 3", len(f.published(auth.EventLoginThrottled)))
	}
	f.clock.Add(8 * time.Second)
	if err := login("203.0.113.6", goodPassword); err != nil {
		t.Fatalf("Login after the wait = %v", err)
	}
	// Success forgets the failures.
	wantKind(t, "Login(wrong) after success", login("203.0.113.6", "Contraseña2!"),
		commerce.KindUnauthenticated)
	if err := login("203.0.113.6", goodPassword); err != nil {
		t.Errorf("Login after one new failure = %v; want no wait", err)
	}
}

func TestBackoffDelay(t *testing.T) {
	b := customer.DefaultBackoff
	want := map[int]time.Duration{0: 0, 3: 0, 4: time.Second, 5: 2 * time.Second,
		6: 4 * time.Second, 13: 512 * time.Second, 14: 15 * time.Minute, 100: 15 * time.Minute}
	for n, d := range want {
		if got := b.Delay(n); got != d {
			t.Errorf("Delay(%d) = %v; want %v", n, got, d)
		}
	}
}

func TestUnknownAccountsBackOffToo(t *testing.T) {
	f := newFixture(t)
	for range 4 {
		_, _ = f.svc.Login(ctx, "nadie@example.cl", goodPassword)
	}
	_, err := f.svc.Login(ctx, "nadie@example.cl", goodPassword)
	wantKind(t, "Login(unknown, backing off)", err, commerce.KindRateLimited)
}

func TestRefreshAndReuse(t *testing.T) {
	f := newFixture(t)
	first := f.register(t, "ana@example.cl", "Ana")
	second, err := f.svc.Refresh(ctx, first.RefreshToken)
	if err != nil || second.User != first.User || second.RefreshToken == first.RefreshToken {
		t.Fatalf("Refresh = %+v, %v", second, err)
	}
	_, err = f.svc.Refresh(ctx, first.RefreshToken)
	wantKind(t, "Refresh(reused)", err, commerce.KindUnauthenticated)
	_, err = f.svc.Refresh(ctx, second.RefreshToken)
	wantKind(t, "Refresh(rotated token of a killed family)", err, commerce.KindUnauthenticated)
	_, err = f.tokens.Verify(ctx, second.AccessToken)
	wantKind(t, "Verify(access token of a killed family)", err, commerce.KindUnauthenticated)
	if se := f.published(auth.EventTokenReused); len(se) != 1 || se[0].UserID != first.User.ID {
		t.Errorf("token reused events = %+v; want one about the user", se)
	}
}

func TestLogout(t *testing.T) {
	f := newFixture(t)
	sess := f.register(t, "ana@example.cl", "Ana")
	other, err := f.svc.Login(ctx, "ana@example.cl", goodPassword)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.svc.Logout(ctx, sess.AccessToken, sess.RefreshToken); err != nil {
		t.Fatalf("Logout = %v", err)
	}
	_, err = f.tokens.Verify(ctx, sess.AccessToken)
	wantKind(t, "Verify after logout", err, commerce.KindUnauthenticated)
	if _, err := f.tokens.Verify(ctx, other.AccessToken); err != nil {
		t.Errorf("another device after logout = %v; want signed in", err)
	}
	if err := f.svc.LogoutEverywhere(ctx, principal(other)); err != nil {
		t.Fatal(err)
	}
	_, err = f.svc.Refresh(ctx, other.RefreshToken)
	wantKind(t, "Refresh after logging out everywhere", err, commerce.KindUnauthenticated)
}

func TestStaffPasswordExpires(t *testing.T) {
	f := newFixture(t)
	created, err := f.svc.Bootstrap(ctx, "jefa@example.cl", goodPassword)
	if err != nil || !created {
		t.Fatalf("Bootstrap = %v, %v", created, err)
	}
	f.clock.Add(89 * 24 * time.Hour)
	sess, err := f.svc.Login(ctx, "jefa@example.cl", goodPassword)
	if err != nil {
		t.Fatalf("Login on day 89 = %v", err)
	}
	f.clock.Add(2 * 24 * time.Hour)
	_, err = f.svc.Login(ctx, "jefa@example.cl", goodPassword)
	wantKind(t, "Login(expired staff password)", err, commerce.KindForbidden)
	if !errors.Is(err, customer.ErrPasswordExpired) {
		t.Errorf("Login error %v does not wrap ErrPasswordExpired", err)
	}
	_, err = f.svc.Refresh(ctx, sess.RefreshToken)
	wantKind(t, "Refresh(live token, expired staff password)", err, commerce.KindForbidden)
	if !errors.Is(err, customer.ErrPasswordExpired) {
		t.Errorf("Refresh error %v does not wrap ErrPasswordExpired", err)
	}

	_, err = f.svc.ChangeExpiredPassword(ctx, "jefa@example.cl", goodPassword, goodPassword)
	wantKind(t, "ChangeExpiredPassword(same password)", err, commerce.KindInvalid)
	fresh, err := f.svc.ChangeExpiredPassword(ctx, "jefa@example.cl", goodPassword,
		"NuevaClave2#")
	if err != nil || fresh.User.Role != commerce.RoleSuperAdmin {
		t.Fatalf("ChangeExpiredPassword = %+v, %v", fresh, err)
	}
	if _, err := f.svc.Login(ctx, "jefa@example.cl", "NuevaClave2#"); err != nil {
		t.Errorf("Login with the new password = %v", err)
	}

	// A customer's password never expires.
	f.register(t, "ana@example.cl", "Ana")
	f.clock.Add(400 * 24 * time.Hour)
	if _, err := f.svc.Login(ctx, "ana@example.cl", goodPassword); err != nil {
		t.Errorf("Login(old customer password) = %v", err)
	}
}

func TestDeactivatedCannotSignIn(t *testing.T) {
	f := newFixture(t)
	sess := f.register(t, "ana@example.cl", "Ana")
	if _, err := f.svc.SetActive(ctx, commerce.System, sess.User.ID, false); err != nil {
		t.Fatal(err)
	}
	_, err := f.svc.Login(ctx, "ana@example.cl", goodPassword)
	wantKind(t, "Login(deactivated)", err, commerce.KindForbidden)
	_, err = f.svc.Login(ctx, "ana@example.cl", "wrong")
	wantKind(t, "Login(deactivated, wrong password)", err, commerce.KindUnauthenticated)
	_, err = f.tokens.Verify(ctx, sess.AccessToken)
	wantKind(t, "Verify(token of a deactivated user)", err, commerce.KindUnauthenticated)
	_, err = f.svc.Refresh(ctx, sess.RefreshToken)
	wantKind(t, "Refresh(deactivated)", err, commerce.KindUnauthenticated)
}

func TestBootstrap(t *testing.T) {
	f := newFixture(t)
	for _, pw := range []string{"", "corta", "sinmayusculas1!"} {
		_, err := f.svc.Bootstrap(ctx, "jefa@example.cl", pw)
		wantKind(t, "Bootstrap(weak password)", err, commerce.KindInvalid)
	}
	_, err := f.svc.Bootstrap(ctx, "no-email", goodPassword)
	wantKind(t, "Bootstrap(bad e-mail)", err, commerce.KindInvalid)

	if created, err := f.svc.Bootstrap(ctx, "jefa@example.cl", goodPassword); !created ||
		err != nil {
		t.Fatalf("Bootstrap = %v, %v; want created", created, err)
	}
	if created, err := f.svc.Bootstrap(ctx, "JEFA@example.cl", "OtraClave9$"); created ||
		err != nil {
		t.Errorf("second Bootstrap = %v, %v; want nothing done", created, err)
	}
	sess, err := f.svc.Login(ctx, "jefa@example.cl", goodPassword)
	if err != nil || sess.User.Role != commerce.RoleSuperAdmin {
		t.Errorf("Login(first password) = %+v, %v; want the super admin, not overwritten",
			sess.User, err)
	}
}
