package customer

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"time"

	"github.com/ecommerce-moderno/moderno/auth"
	"github.com/ecommerce-moderno/moderno/commerce"
)

// ErrPasswordExpired is the cause of the KindForbidden error a staff
// member gets when signing in with a password older than the limit. The
// HTTP layer finds it with errors.Is and offers ChangeExpiredPassword.
var ErrPasswordExpired = errors.New("customer: password expired")

// Backoff slows down the guessing of one account's password, whatever the
// IP: after Free failed sign-ins in a row, each further one makes the
// account wait Base, doubling up to Max, before the next attempt is even
// checked. Failures older than Forget are forgotten.
type Backoff struct {
	Free   int
	Base   time.Duration
	Max    time.Duration
	Forget time.Duration
}

// DefaultBackoff lets three failures pass, then waits 1 s, 2 s, 4 s, ... up
// to 15 minutes, and forgets failures after a day.
var DefaultBackoff = Backoff{Free: 3, Base: time.Second, Max: 15 * time.Minute,
	Forget: 24 * time.Hour}

// Delay returns how long the account must wait after n failures in a row.
func (b Backoff) Delay(n int) time.Duration {
	if n <= b.Free {
		return 0
	}
	d := b.Base
	for i := b.Free + 1; i < n && d < b.Max; i++ {
		d *= 2
	}
	return min(d, b.Max)
}

// Session is what a sign-in answers, in the shape of section 5.2.
type Session struct {
	AccessToken  string      `json:"access_token"`
	RefreshToken string      `json:"refresh_token"`
	TokenType    string      `json:"token_type"` // always "Bearer"
	ExpiresIn    int64       `json:"expires_in"` // seconds the access token lives
	User         SessionUser `json:"user"`
}

// SessionUser is the part of the user a sign-in answers with.
type SessionUser struct {
	ID            commerce.UserID `json:"id"`
	Email         string          `json:"email"`
	Name          string          `json:"name"`
	Phone         string          `json:"phone"`
	Role          commerce.Role   `json:"role"`
	EmailVerified bool            `json:"email_verified"`
}

// Login signs a user in with e-mail and password and starts a session. It
// returns KindUnauthenticated for wrong credentials, without saying which
// was wrong; KindRateLimited while the account backs off after repeated
// failures; KindForbidden for a deactivated account, and for a staff
// password that expired, wrapping ErrPasswordExpired.
func (s *Service) Login(ctx context.Context, email, password string) (Session, error) {
	const op = "customer.login"
	u, err := s.authenticate(ctx, op, email, password)
	if err != nil {
		return Session{}, err
	}
	if err := s.checkExpiry(op, u); err != nil {
		s.publish(ctx, auth.EventLoginFailed, auth.SecurityEvent{UserID: u.ID,
			Reason: "password_expired"})
		return Session{}, err
	}
	sess, err := s.start(ctx, op, u)
	if err != nil {
		return Session{}, err
	}
	s.publish(ctx, auth.EventLoginSucceeded, auth.SecurityEvent{UserID: u.ID})
	return sess, nil
}

// authenticate checks e-mail and password under the account's backoff and
// returns the active user they belong to.
func (s *Service) authenticate(ctx context.Context, op, email, password string) (User, error) {
	norm, _ := NormalizeEmail(email)
	key := "login:" + subject(norm)
	if err := s.checkBackoff(ctx, op, key, norm); err != nil {
		return User{}, err
	}

	u, hash, err := s.lookup(ctx, norm)
	if err != nil {
		return User{}, fmt.Errorf("%s: %w", op, err)
	}
	if !s.hasher.Verify(hash, password) {
		return User{}, s.fail(ctx, op, key, norm, u.ID)
	}
	if !u.Active {
		s.publish(ctx, auth.EventLoginFailed, auth.SecurityEvent{UserID: u.ID,
			Reason: "inactive"})
		return User{}, commerce.Errorf(commerce.KindForbidden, op, "la cuenta está desactivada")
	}
	if err := s.store.ClearLoginFailures(ctx, key); err != nil {
		return User{}, fmt.Errorf("%s: %w", op, err)
	}
	return u, nil
}

// lookup returns the user with the e-mail and the password hash, or a hash
// that matches nothing when there is no such user, so that checking it takes
// as long as checking a real one.
func (s *Service) lookup(ctx context.Context, email string) (User, string, error) {
	s.dummyOnce.Do(func() { s.dummy, _ = s.hasher.Hash(rand.Text()) })
	if email == "" {
		return User{}, s.dummy, nil
	}
	u, err := s.store.UserByEmail(ctx, email)
	if commerce.ErrorKind(err) == commerce.KindNotFound {
		return User{}, s.dummy, nil
	} else if err != nil {
		return User{}, "", err
	}
	c, err := s.store.Credentials(ctx, u.ID)
	if err != nil {
		return User{}, "", err
	}
	if c.Hash == "" { // erased: match nothing, at the usual cost
		return u, s.dummy, nil
	}
	return s.openUserLogged(ctx, u), c.Hash, nil
}

// openUserLogged opens u for a sign-in, which does not need the phone: a
// phone that no longer opens must not lock its owner out.
func (s *Service) openUserLogged(ctx context.Context, u User) User {
	opened, err := s.openUser(u)
	if err != nil {
		s.log.ErrorContext(ctx, "customer: sealed phone does not open", "user", u.ID, "err", err)
		u.Phone = ""
		return u
	}
	return opened
}

func (s *Service) checkBackoff(ctx context.Context, op, key, email string) error {
	f, err := s.store.LoginFailures(ctx, key)
	if err != nil {
		return fmt.Errorf("%s: %w", op, err)
	}
	if f.Last.Before(s.clock.Now().Add(-s.cfg.Backoff.Forget)) {
		return nil
	}
	wait := f.Last.Add(s.cfg.Backoff.Delay(f.Count)).Sub(s.clock.Now())
	if wait <= 0 {
		return nil
	}
	s.publish(ctx, auth.EventLoginThrottled, auth.SecurityEvent{Subject: subject(email),
		Reason: "backoff"})
	return commerce.RateLimited(op, wait)
}

// fail counts a failed sign-in and returns the error that says only that
// the credentials are wrong.
func (s *Service) fail(ctx context.Context, op, key, email string, user commerce.UserID) error {
	now := s.clock.Now()
	if _, err := s.store.RecordLoginFailure(ctx, key, now,
		now.Add(-s.cfg.Backoff.Forget)); err != nil {
		return fmt.Errorf("%s: %w", op, err)
	}
	reason := "bad_password"
	if user == 0 {
		reason = "unknown_account"
	}
	s.publish(ctx, auth.EventLoginFailed, auth.SecurityEvent{UserID: user,
		Subject: subject(email), Reason: reason})
	return commerce.Errorf(commerce.KindUnauthenticated, op,
		"correo electrónico o contraseña incorrectos")
}

// checkExpiry refuses a staff member whose password is too old.
func (s *Service) checkExpiry(op string, u User) error {
	if !u.Role.Staff() || s.clock.Now().Sub(u.PasswordChangedAt) <= s.cfg.StaffPasswordMaxAge {
		return nil
	}
	return commerce.Wrap(commerce.KindForbidden, op, ErrPasswordExpired,
		"su contraseña expiró; debe cambiarla")
}

// start issues the tokens of a new session for u.
func (s *Service) start(ctx context.Context, op string, u User) (Session, error) {
	pair, err := s.tokens.Issue(ctx, u.Principal())
	if err != nil {
		return Session{}, fmt.Errorf("%s: %w", op, err)
	}
	return s.session(pair, u), nil
}

func (s *Service) session(pair auth.Pair, u User) Session {
	return Session{AccessToken: pair.AccessToken, RefreshToken: pair.RefreshToken,
		TokenType: "Bearer", ExpiresIn: int64(s.tokens.AccessTTL() / time.Second),
		User: SessionUser{ID: u.ID, Email: u.Email, Name: u.Name, Phone: u.Phone, Role: u.Role,
			EmailVerified: u.EmailVerified}}
}

// Refresh rotates a refresh token into a new session pair carrying the
// user's current role. It returns KindUnauthenticated for a bad, spent,
// revoked or expired token (a spent one revokes its whole session) and for
// a deactivated or erased account, and KindForbidden wrapping
// ErrPasswordExpired for a staff password that expired meanwhile.
func (s *Service) Refresh(ctx context.Context, refreshToken string) (Session, error) {
	const op = "customer.refresh"
	var u User
	resolve := func(ctx context.Context, id commerce.UserID) (commerce.Principal, error) {
		var err error
		u, err = s.store.User(ctx, id)
		switch {
		case commerce.ErrorKind(err) == commerce.KindNotFound || err == nil &&
			(!u.Active || u.Erased()):
			return commerce.Anonymous, commerce.Errorf(commerce.KindUnauthenticated, op,
				"sesión no válida o expirada")
		case err != nil:
			return commerce.Anonymous, fmt.Errorf("%s: %w", op, err)
		}
		if err := s.checkExpiry(op, u); err != nil {
			return commerce.Anonymous, err
		}
		u = s.openUserLogged(ctx, u)
		return u.Principal(), nil
	}
	pair, err := s.tokens.Refresh(ctx, refreshToken, resolve)
	if err != nil {
		return Session{}, err
	}
	return s.session(pair, u), nil
}

// Logout ends the session that the access token, the refresh token, or
// both belong to. It returns KindUnauthenticated when neither names one.
func (s *Service) Logout(ctx context.Context, accessToken, refreshToken string) error {
	return s.tokens.Logout(ctx, accessToken, refreshToken)
}

// LogoutEverywhere ends every session of the user p. It returns
// KindUnauthenticated for anybody but a signed-in user.
func (s *Service) LogoutEverywhere(ctx context.Context, p commerce.Principal) error {
	if p.UserID == 0 {
		return commerce.Errorf(commerce.KindUnauthenticated, "customer.logout everywhere",
			"debe iniciar sesión")
	}
	if err := s.tokens.RevokeUser(ctx, p.UserID); err != nil {
		return err
	}
	s.publish(ctx, auth.EventLogout, auth.SecurityEvent{UserID: p.UserID, Reason: "everywhere"})
	return nil
}
