package customer_test

import (
	"strings"
	"testing"
	"time"

	"github.com/ecommerce-moderno/moderno/auth"
	"github.com/ecommerce-moderno/moderno/commerce"
	"github.com/ecommerce-moderno/moderno/customer"
)

func TestForgotAndResetPassword(t *testing.T) {
	f := newFixture(t)
	sess := f.register(t, "ana@example.cl", "Ana")
	before := f.mail.count()

	// The answer is the same for an unknown address, and nothing is sent.
	if err := f.svc.ForgotPassword(ctx, "nadie@example.cl"); err != nil {
		t.Errorf("ForgotPassword(unknown) = %v; want nil", err)
	}
	if f.mail.count() != before {
		t.Error("a mail went to an unknown address")
	}
	wantKind(t, "ForgotPassword(not an e-mail)", f.svc.ForgotPassword(ctx, "x"),
		commerce.KindInvalid)
	if err := f.svc.ForgotPassword(ctx, "ANA@example.cl"); err != nil {
		t.Fatalf("ForgotPassword = %v", err)
	}
	mail := f.mail.last(t, customer.MailPasswordReset, "ana@example.cl")
	if mail.Token == "" || !mail.ExpiresAt.Equal(start.Add(time.Hour)) {
		t.Fatalf("reset mail = %+v; want a token for an hour", mail)
	}

	// The store keeps only a hash of the token.
	if _, err := f.store.FindToken(ctx, mail.Token, customer.PurposeResetPassword,
		start); commerce.ErrorKind(err) != commerce.KindNotFound {
		t.Errorf("the store knows the token by its value: %v", err)
	}

	err := f.svc.ResetPassword(ctx, mail.Token, "debil")
	wantKind(t, "ResetPassword(weak)", err, commerce.KindInvalid)
	err = f.svc.ResetPassword(ctx, mail.Token, goodPassword)
	wantKind(t, "ResetPassword(current password)", err, commerce.KindInvalid)
	if err := f.svc.ResetPassword(ctx, mail.Token, "NuevaClave2#"); err != nil {
		t.Fatalf("ResetPassword after refusals = %v; want the token still good", err)
	}
	err = f.svc.ResetPassword(ctx, mail.Token, "OtraClave3$")
	wantKind(t, "ResetPassword(used token)", err, commerce.KindInvalid)

	if _, err := f.svc.Login(ctx, "ana@example.cl", "NuevaClave2#"); err != nil {
		t.Errorf("Login(new password) = %v", err)
	}
	_, err = f.svc.Login(ctx, "ana@example.cl", goodPassword)
	wantKind(t, "Login(old password)", err, commerce.KindUnauthenticated)
	_, err = f.tokens.Verify(ctx, sess.AccessToken)
	wantKind(t, "Verify(session from before the reset)", err, commerce.KindUnauthenticated)
	f.mail.last(t, customer.MailPasswordChanged, "ana@example.cl")
	if len(f.published(auth.EventPasswordReset)) != 1 {
		t.Error("no password reset event")
	}
}

func TestResetTokenExpiresAndDiesWithOthers(t *testing.T) {
	f := newFixture(t)
	f.register(t, "ana@example.cl", "Ana")
	if err := f.svc.ForgotPassword(ctx, "ana@example.cl"); err != nil {
		t.Fatal(err)
	}
	old := f.mail.last(t, customer.MailPasswordReset, "ana@example.cl")
	f.clock.Add(time.Hour)
	err := f.svc.ResetPassword(ctx, old.Token, "NuevaClave2#")
	wantKind(t, "ResetPassword(expired)", err, commerce.KindInvalid)

	for range 2 {
		if err := f.svc.ForgotPassword(ctx, "ana@example.cl"); err != nil {
			t.Fatal(err)
		}
	}
	mails := f.mail.mails
	a, b := mails[len(mails)-2].Token, mails[len(mails)-1].Token
	if err := f.svc.ResetPassword(ctx, b, "NuevaClave2#"); err != nil {
		t.Fatal(err)
	}
	err = f.svc.ResetPassword(ctx, a, "OtraClave3$")
	wantKind(t, "ResetPassword(older token after a reset)", err, commerce.KindInvalid)
	wantKind(t, "ResetPassword(garbage)", f.svc.ResetPassword(ctx, "x", "OtraClave3$"),
		commerce.KindInvalid)
}

func TestPasswordHistory(t *testing.T) {
	f := newFixture(t)
	sess := f.register(t, "ana@example.cl", "Ana")
	passwords := []string{goodPassword, "Segunda2#", "Tercera3#", "Cuarta44#", "Quinta55#",
		"Sexta666#"}
	current := goodPassword
	p := principal(sess)
	for _, next := range passwords[1:] {
		if _, err := f.svc.ChangePassword(ctx, p, current, next); err != nil {
			t.Fatalf("ChangePassword(%s) = %v", next, err)
		}
		current = next
	}
	// The last five, the current one included, are refused; the sixth back
	// is allowed again.
	for _, old := range passwords[1:] {
		_, err := f.svc.ChangePassword(ctx, p, current, old)
		wantKind(t, "ChangePassword(recent "+old+")", err, commerce.KindInvalid)
		if fs := commerce.ErrorFields(err); len(fs) != 1 ||
			!strings.Contains(fs[0].Message, "últimas 5") {
			t.Errorf("ChangePassword(recent) fields = %+v", fs)
		}
	}
	if _, err := f.svc.ChangePassword(ctx, p, current, goodPassword); err != nil {
		t.Errorf("ChangePassword(sixth back) = %v; want allowed", err)
	}
}

func TestChangePassword(t *testing.T) {
	f := newFixture(t)
	sess := f.register(t, "ana@example.cl", "Ana")
	_, err := f.svc.ChangePassword(ctx, commerce.Anonymous, goodPassword, "NuevaClave2#")
	wantKind(t, "ChangePassword(anonymous)", err, commerce.KindUnauthenticated)
	_, err = f.svc.ChangePassword(ctx, principal(sess), "wrong", "NuevaClave2#")
	wantKind(t, "ChangePassword(wrong current)", err, commerce.KindInvalid)
	if fs := commerce.ErrorFields(err); len(fs) != 1 || fs[0].Field != "current_password" {
		t.Errorf("fields = %+v; want current_password", fs)
	}
	fresh, err := f.svc.ChangePassword(ctx, principal(sess), goodPassword, "NuevaClave2#")
	if err != nil {
		t.Fatalf("ChangePassword = %v", err)
	}
	_, err = f.tokens.Verify(ctx, sess.AccessToken)
	wantKind(t, "Verify(session before the change)", err, commerce.KindUnauthenticated)
	if _, err := f.tokens.Verify(ctx, fresh.AccessToken); err != nil {
		t.Errorf("Verify(session from the change) = %v", err)
	}
}

func TestVerifyEmail(t *testing.T) {
	f := newFixture(t)
	sess := f.register(t, "ana@example.cl", "Ana")
	mail := f.mail.last(t, customer.MailVerifyEmail, "ana@example.cl")
	if !mail.ExpiresAt.Equal(start.Add(48 * time.Hour)) {
		t.Errorf("verification expires %v; want in 48 hours", mail.ExpiresAt)
	}
	if err := f.svc.VerifyEmail(ctx, mail.Token); err != nil {
		t.Fatalf("VerifyEmail = %v", err)
	}
	u, _ := f.svc.Profile(ctx, principal(sess), sess.User.ID)
	if !u.EmailVerified {
		t.Error("EmailVerified = false after VerifyEmail")
	}
	wantKind(t, "VerifyEmail(used)", f.svc.VerifyEmail(ctx, mail.Token), commerce.KindInvalid)
	wantKind(t, "VerifyEmail(reset token)", f.svc.VerifyEmail(ctx, "nada"), commerce.KindInvalid)

	other := f.register(t, "beto@example.cl", "Beto")
	if err := f.svc.RequestVerification(ctx, principal(other)); err != nil {
		t.Fatal(err)
	}
	late := f.mail.last(t, customer.MailVerifyEmail, "beto@example.cl")
	f.clock.Add(49 * time.Hour)
	wantKind(t, "VerifyEmail(expired)", f.svc.VerifyEmail(ctx, late.Token), commerce.KindInvalid)
}
