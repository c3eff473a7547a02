package customer

import (
	"context"
	"fmt"
	"time"

	"github.com/ecommerce-moderno/moderno/auth"
	"github.com/ecommerce-moderno/moderno/commerce"
)

// sendVerification mails u a link that verifies the address. A failure is
// logged: the account stands, and the user can ask again.
func (s *Service) sendVerification(ctx context.Context, u User) {
	raw, err := s.issueToken(ctx, u, PurposeVerifyEmail, s.cfg.VerifyTTL)
	if err != nil {
		s.log.ErrorContext(ctx, "customer: verification token", "user", u.ID, "err", err)
		return
	}
	s.send(ctx, Mail{Template: MailVerifyEmail, To: u.Email, Name: u.Name, Token: raw,
		ExpiresAt: s.clock.Now().Add(s.cfg.VerifyTTL)})
}

// issueToken stores the hash of a new single-use token for u and returns
// the token.
func (s *Service) issueToken(ctx context.Context, u User, purpose Purpose,
	ttl time.Duration) (string, error) {
	raw, hash := newToken()
	now := s.clock.Now()
	t := Token{Hash: hash, Purpose: purpose, UserID: u.ID, Email: u.Email, CreatedAt: now,
		ExpiresAt: now.Add(ttl)}
	if err := s.store.SaveToken(ctx, t); err != nil {
		return "", err
	}
	return raw, nil
}

// RequestVerification sends the user p a new verification mail, unless the
// address is verified already. It returns KindUnauthenticated for anybody
// but a signed-in user.
func (s *Service) RequestVerification(ctx context.Context, p commerce.Principal) error {
	const op = "customer.request verification"
	if p.UserID == 0 {
		return commerce.Errorf(commerce.KindUnauthenticated, op, "debe iniciar sesión")
	}
	u, err := s.store.User(ctx, p.UserID)
	if err != nil {
		return fmt.Errorf("%s: %w", op, err)
	}
	if !u.EmailVerified && u.Active {
		s.sendVerification(ctx, u)
	}
	return nil
}

// VerifyEmail marks the address the token was sent to as verified. The
// token works once, and only while the account still has that address. It
// returns KindInvalid for an unknown, used or expired token.
func (s *Service) VerifyEmail(ctx context.Context, token string) error {
	const op = "customer.verify email"
	t, err := s.store.UseToken(ctx, hashToken(token), PurposeVerifyEmail, s.clock.Now())
	if commerce.ErrorKind(err) == commerce.KindNotFound {
		return commerce.Invalid(op, commerce.FieldError{Field: "token",
			Message: "el enlace no es válido o expiró"})
	} else if err != nil {
		return fmt.Errorf("%s: %w", op, err)
	}
	u, err := s.user(ctx, t.UserID)
	if err != nil {
		return fmt.Errorf("%s: %w", op, err)
	}
	if u.Email != t.Email || u.Erased() {
		return commerce.Invalid(op, commerce.FieldError{Field: "token",
			Message: "el enlace no es válido o expiró"})
	}
	u.EmailVerified = true
	if err := s.update(ctx, &u, nil); err != nil {
		return fmt.Errorf("%s: %w", op, err)
	}
	s.publish(ctx, auth.EventEmailVerified, auth.SecurityEvent{UserID: u.ID})
	return nil
}
