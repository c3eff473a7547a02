package customer

import (
	"context"
	"fmt"

	"github.com/ecommerce-moderno/moderno/auth"
	"github.com/ecommerce-moderno/moderno/commerce"
)

// ForgotPassword mails a link that resets the password of the account with
// the e-mail, when there is an active one. Its answer is the same whether
// the account exists or not: it returns KindInvalid only for text that is
// not an e-mail address at all.
func (s *Service) ForgotPassword(ctx context.Context, email string) error {
	const op = "customer.forgot password"
	norm, ok := NormalizeEmail(email)
	if !ok {
		return commerce.Invalid(op, commerce.FieldError{Field: "email",
			Message: "no es un correo electrónico válido"})
	}
	u, err := s.store.UserByEmail(ctx, norm)
	if err != nil || !u.Active || u.Erased() {
		if err != nil && commerce.ErrorKind(err) != commerce.KindNotFound {
			s.log.ErrorContext(ctx, "customer: forgot password lookup", "err", err)
		}
		s.publish(ctx, auth.EventResetRequested, auth.SecurityEvent{Subject: subject(norm),
			Reason: "no_active_account"})
		return nil
	}
	raw, err := s.issueToken(ctx, u, PurposeResetPassword, s.cfg.ResetTTL)
	if err != nil {
		s.log.ErrorContext(ctx, "customer: reset token", "user", u.ID, "err", err)
		return nil
	}
	s.send(ctx, Mail{Template: MailPasswordReset, To: u.Email, Name: u.Name, Token: raw,
		ExpiresAt: s.clock.Now().Add(s.cfg.ResetTTL)})
	s.publish(ctx, auth.EventResetRequested, auth.SecurityEvent{UserID: u.ID})
	return nil
}

// ResetPassword sets a new password with the token of a reset mail. The
// token works once and expires; on success every other reset token of the
// account dies, every session ends, and its failed sign-ins are forgotten.
// It returns KindInvalid for a bad token, or a password that breaks the
// policy or was used recently; the token still works after the latter.
func (s *Service) ResetPassword(ctx context.Context, token, password string) error {
	const op = "customer.reset password"
	badToken := commerce.Invalid(op, commerce.FieldError{Field: "token",
		Message: "el enlace no es válido o expiró"})
	hash := hashToken(token)
	t, err := s.store.FindToken(ctx, hash, PurposeResetPassword, s.clock.Now())
	if commerce.ErrorKind(err) == commerce.KindNotFound {
		return badToken
	} else if err != nil {
		return fmt.Errorf("%s: %w", op, err)
	}
	u, err := s.user(ctx, t.UserID)
	if err != nil {
		return fmt.Errorf("%s: %w", op, err)
	}
	if u.Email != t.Email || !u.Active || u.Erased() {
		return badToken
	}
	newHash, err := s.checkNewPassword(ctx, op, u, password)
	if err != nil {
		return err
	}

	if _, err := s.store.UseToken(ctx, hash, PurposeResetPassword, s.clock.Now()); err != nil {
		if commerce.ErrorKind(err) == commerce.KindNotFound {
			return badToken // used by a concurrent call
		}
		return fmt.Errorf("%s: %w", op, err)
	}
	if err := s.setPassword(ctx, op, u, newHash); err != nil {
		return err
	}
	_ = s.store.DeleteTokens(ctx, u.ID, PurposeResetPassword)
	_ = s.store.ClearLoginFailures(ctx, "login:"+subject(u.Email))
	s.publish(ctx, auth.EventPasswordReset, auth.SecurityEvent{UserID: u.ID})
	return nil
}

// ChangePassword replaces the password of the user p, who must give the
// current one. Every session ends, and a new one starts for the caller. It
// returns KindUnauthenticated for anybody but a signed-in user,
// KindRateLimited while the account backs off, and KindInvalid for a wrong
// current password or a new one that breaks the policy or was used
// recently.
func (s *Service) ChangePassword(ctx context.Context, p commerce.Principal, current,
	password string) (Session, error) {
	const op = "customer.change password"
	if p.UserID == 0 {
		return Session{}, commerce.Errorf(commerce.KindUnauthenticated, op, "debe iniciar sesión")
	}
	u, err := s.user(ctx, p.UserID)
	if err != nil {
		return Session{}, fmt.Errorf("%s: %w", op, err)
	}
	if _, err := s.authenticate(ctx, op, u.Email, current); err != nil {
		if commerce.ErrorKind(err) == commerce.KindUnauthenticated {
			return Session{}, commerce.Invalid(op, commerce.FieldError{Field: "current_password",
				Message: "la contraseña actual no es correcta"})
		}
		return Session{}, err
	}
	return s.replacePassword(ctx, op, u, password)
}

// ChangeExpiredPassword signs in with e-mail and the current password and
// replaces the password, for staff whose password expired and who therefore
// cannot sign in. It returns the errors of Login, but not the expiry, and
// those of ChangePassword for the new password.
func (s *Service) ChangeExpiredPassword(ctx context.Context, email, current,
	password string) (Session, error) {
	const op = "customer.change expired password"
	u, err := s.authenticate(ctx, op, email, current)
	if err != nil {
		return Session{}, err
	}
	return s.replacePassword(ctx, op, u, password)
}

// replacePassword sets a checked new password, ends every session of u and
// starts a new one.
func (s *Service) replacePassword(ctx context.Context, op string, u User,
	password string) (Session, error) {
	hash, err := s.checkNewPassword(ctx, op, u, password)
	if err != nil {
		return Session{}, err
	}
	if err := s.setPassword(ctx, op, u, hash); err != nil {
		return Session{}, err
	}
	s.publish(ctx, auth.EventPasswordChanged, auth.SecurityEvent{UserID: u.ID})
	u.PasswordChangedAt = s.clock.Now()
	return s.start(ctx, op, u)
}

// checkNewPassword checks the policy and the history and returns the hash
// of the new password.
func (s *Service) checkNewPassword(ctx context.Context, op string, u User,
	password string) (string, error) {
	if bad := CheckPassword("password", password, u.Email); len(bad) > 0 {
		return "", commerce.Invalid(op, bad...)
	}
	c, err := s.store.Credentials(ctx, u.ID)
	if err != nil {
		return "", fmt.Errorf("%s: %w", op, err)
	}
	if s.recentlyUsed(c, password) {
		return "", commerce.Invalid(op, commerce.FieldError{Field: "password",
			Message: fmt.Sprintf("no puede repetir ninguna de sus últimas %d contraseñas",
				s.cfg.PasswordHistory)})
	}
	hash, err := s.hasher.Hash(password)
	if err != nil {
		return "", fmt.Errorf("%s: %w", op, err)
	}
	return hash, nil
}

// setPassword stores the hash, ends every session and tells the owner.
func (s *Service) setPassword(ctx context.Context, op string, u User, hash string) error {
	err := s.store.SetPassword(ctx, u.ID, hash, s.clock.Now(), s.cfg.PasswordHistory)
	if err != nil {
		return fmt.Errorf("%s: %w", op, err)
	}
	if err := s.tokens.RevokeUser(ctx, u.ID); err != nil {
		return fmt.Errorf("%s: %w", op, err)
	}
	s.send(ctx, Mail{Template: MailPasswordChanged, To: u.Email, Name: u.Name})
	return nil
}

// recentlyUsed reports whether password matches the current hash or one of
// the history, up to the configured number of distinct hashes.
func (s *Service) recentlyUsed(c Credentials, password string) bool {
	seen := map[string]bool{"": true}
	for _, old := range append([]string{c.Hash}, c.History...) {
		if seen[old] {
			continue
		}
		if len(seen) > s.cfg.PasswordHistory {
			return false
		}
		seen[old] = true
		if s.hasher.Verify(old, password) {
			return true
		}
	}
	return false
}
