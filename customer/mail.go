package customer

import (
	"context"
	"time"
)

// The mails the service sends.
const (
	MailVerifyEmail     = "verify_email"     // Token verifies the address
	MailPasswordReset   = "password_reset"   // Token resets the password
	MailPasswordChanged = "password_changed" // a notice, no token
)

// Mail is one message to send. The Mailer renders it, with the link that
// carries Token, in Spanish.
type Mail struct {
	Template  string
	To        string
	Name      string
	Token     string    // a single-use token; never log it
	ExpiresAt time.Time // when Token stops working
}

// Mailer sends mail. It should hand the message to a queue and return
// quickly, so that the time a request takes does not tell whether an
// account exists.
type Mailer interface {
	Send(ctx context.Context, m Mail) error
}

type discardMailer struct{}

func (discardMailer) Send(context.Context, Mail) error { return nil }
