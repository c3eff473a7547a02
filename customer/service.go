package customer

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/ecommerce-moderno/moderno/auth"
	"github.com/ecommerce-moderno/moderno/commerce"
	"github.com/ecommerce-moderno/moderno/pii"
)

// Defaults of Config.
const (
	DefaultStaffPasswordMaxAge = 90 * 24 * time.Hour
	DefaultPasswordHistory     = 5
	DefaultResetTTL            = time.Hour
	DefaultVerifyTTL           = 48 * time.Hour
)

// Config holds what a Service needs besides its store.
type Config struct {
	Tokens *auth.Tokens // issues and revokes tokens; required
	Cipher *pii.Cipher  // seals phones and addresses; required
	Hasher *Hasher      // DefaultHasher when nil
	Mailer Mailer       // mail is dropped when nil
	// StaffPasswordMaxAge is how long a staff password lasts:
	// DefaultStaffPasswordMaxAge when zero.
	StaffPasswordMaxAge time.Duration
	// PasswordHistory is how many recent passwords, the current one
	// included, cannot be chosen again: DefaultPasswordHistory when zero.
	PasswordHistory int
	ResetTTL        time.Duration // a reset link's life; DefaultResetTTL when zero
	VerifyTTL       time.Duration // a verification link's life; DefaultVerifyTTL when zero
	Backoff         Backoff       // DefaultBackoff when zero
	Clock           commerce.Clock
	Events          commerce.Publisher // security events are dropped when nil
	Logger          *slog.Logger       // hears what cannot be returned; nil is silent
}

// Service manages accounts. It is safe for concurrent use.
type Service struct {
	store  Store
	tokens *auth.Tokens
	cipher *pii.Cipher
	hasher *Hasher
	mailer Mailer
	cfg    Config
	clock  commerce.Clock
	events commerce.Publisher
	log    *slog.Logger

	dummyOnce sync.Once
	dummy     string // a hash to verify against when no account matches
}

// NewService returns a Service over the store. It panics when cfg.Tokens or
// cfg.Cipher is nil, a wiring error.
func NewService(store Store, cfg Config) *Service {
	if cfg.Tokens == nil || cfg.Cipher == nil {
		panic("customer: NewService needs Tokens and a Cipher")
	}
	s := &Service{store: store, tokens: cfg.Tokens, cipher: cfg.Cipher, hasher: cfg.Hasher,
		mailer: cfg.Mailer, clock: cfg.Clock, events: cfg.Events, log: cfg.Logger}
	if s.hasher == nil {
		s.hasher = DefaultHasher
	}
	if s.mailer == nil {
		s.mailer = discardMailer{}
	}
	if s.clock == nil {
		s.clock = commerce.SystemClock{}
	}
	if s.events == nil {
		s.events = commerce.Discard
	}
	if s.log == nil {
		s.log = slog.New(slog.DiscardHandler)
	}
	cfg.StaffPasswordMaxAge = or(cfg.StaffPasswordMaxAge, DefaultStaffPasswordMaxAge)
	cfg.PasswordHistory = or(cfg.PasswordHistory, DefaultPasswordHistory)
	cfg.ResetTTL = or(cfg.ResetTTL, DefaultResetTTL)
	cfg.VerifyTTL = or(cfg.VerifyTTL, DefaultVerifyTTL)
	if cfg.Backoff == (Backoff{}) {
		cfg.Backoff = DefaultBackoff
	}
	s.cfg = cfg
	return s
}

func or[T comparable](v, fallback T) T {
	var zero T
	if v == zero {
		return fallback
	}
	return v
}

// publish announces a security event that already happened. A failing
// consumer cannot undo it, so its error goes to the logger.
func (s *Service) publish(ctx context.Context, name string, se auth.SecurityEvent) {
	if err := s.events.Publish(ctx, se.Event(ctx, name, s.clock.Now())); err != nil {
		s.log.ErrorContext(ctx, "customer: event consumer failed", "event", name, "err", err)
	}
}

// send hands a mail to the mailer. A failure is logged, not returned: the
// change it announces is already stored, and the answer must not differ.
func (s *Service) send(ctx context.Context, m Mail) {
	if err := s.mailer.Send(ctx, m); err != nil {
		s.log.ErrorContext(ctx, "customer: mail failed", "template", m.Template, "err", err)
	}
}

// audit returns an audit entry of the action by p on subject, with the
// request's origin.
func (s *Service) audit(ctx context.Context, p commerce.Principal, subject commerce.UserID,
	action, detail string) AuditEntry {
	o := auth.OriginFrom(ctx)
	return AuditEntry{At: s.clock.Now(), ActorID: p.UserID, SubjectID: subject, Action: action,
		Detail: detail, IP: o.IP, RequestID: o.RequestID}
}

// newToken returns a single-use token of 256 random bits and its hash.
func newToken() (raw, hash string) {
	raw = rand.Text() + rand.Text()
	return raw, hashToken(raw)
}

func hashToken(raw string) string {
	sum := sha256.Sum256([]byte(raw))
	return hex.EncodeToString(sum[:])
}

// subject is a short hash that stands for an e-mail address in events and
// keys, so that neither holds the address.
func subject(email string) string {
	sum := sha256.Sum256([]byte("customer:" + email))
	return hex.EncodeToString(sum[:8])
}

// sealUser returns u with its phone sealed, for the store.
func (s *Service) sealUser(u User) (User, error) {
	var err error
	if u.Phone, err = s.cipher.Seal("customer.phone", u.Phone); err != nil {
		return User{}, fmt.Errorf("seal user: %w", err)
	}
	return u, nil
}

// openUser returns u from the store with its phone opened.
func (s *Service) openUser(u User) (User, error) {
	var err error
	if u.Phone, err = s.cipher.Open("customer.phone", u.Phone); err != nil {
		return User{}, fmt.Errorf("open user %d: %w", u.ID, err)
	}
	return u, nil
}

// addressFields are the sealed fields of an address with their contexts.
func addressFields(a *Address) map[string]*string {
	return map[string]*string{
		"customer.address.recipient":   &a.Recipient,
		"customer.address.phone":       &a.Phone,
		"customer.address.street":      &a.Street,
		"customer.address.details":     &a.Details,
		"customer.address.postal_code": &a.PostalCode,
	}
}

func (s *Service) sealAddress(a Address) (Address, error) {
	for ctx, field := range addressFields(&a) {
		sealed, err := s.cipher.Seal(ctx, *field)
		if err != nil {
			return Address{}, fmt.Errorf("seal address: %w", err)
		}
		*field = sealed
	}
	return a, nil
}

func (s *Service) openAddress(a Address) (Address, error) {
	for ctx, field := range addressFields(&a) {
		plain, err := s.cipher.Open(ctx, *field)
		if err != nil {
			return Address{}, fmt.Errorf("open address %d: %w", a.ID, err)
		}
		*field = plain
	}
	return a, nil
}

// user reads the user with the id, opened.
func (s *Service) user(ctx context.Context, id commerce.UserID) (User, error) {
	u, err := s.store.User(ctx, id)
	if err != nil {
		return User{}, err
	}
	return s.openUser(u)
}

// update seals u, so that its phone is sealed under the newest key, and
// writes it with the audit entry.
func (s *Service) update(ctx context.Context, u *User, audit *AuditEntry) error {
	u.UpdatedAt = s.clock.Now()
	sealed, err := s.sealUser(*u)
	if err != nil {
		return err
	}
	return s.store.UpdateUser(ctx, &sealed, audit)
}
