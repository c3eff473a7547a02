package commerce

import (
	"errors"
	"fmt"
	"strings"
)

// Kind classifies an error by what the caller can do about it. The HTTP layer
// maps kinds to statuses; the library never speaks HTTP.
type Kind uint8

// The kinds of error the library returns.
const (
	KindInternal        Kind = iota // a fault of ours or of a dependency
	KindInvalid                     // the input breaks a rule; Fields say which
	KindNotFound                    // the thing does not exist or is not yours to see
	KindConflict                    // the thing exists already or changed meanwhile
	KindOutOfStock                  // not enough units to reserve
	KindUnauthenticated             // nobody is signed in, or the credentials are bad
	KindForbidden                   // signed in, but not allowed
	KindRateLimited                 // too many requests; try later
	KindUnavailable                 // a dependency is down; try later
)

var kindNames = [...]string{
	KindInternal:        "internal",
	KindInvalid:         "invalid",
	KindNotFound:        "not_found",
	KindConflict:        "conflict",
	KindOutOfStock:      "out_of_stock",
	KindUnauthenticated: "unauthenticated",
	KindForbidden:       "forbidden",
	KindRateLimited:     "rate_limited",
	KindUnavailable:     "unavailable",
}

// String returns the kind's stable code, such as "not_found".
func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "internal"
}

// FieldError names one input field and what is wrong with it, in words a
// shopper can read.
type FieldError struct {
	Field   string `json:"field"`
	Message string `json:"message"`
}

// Error is the error type of the library. Message is safe to show to the
// person who made the request; Err, the cause, is not.
type Error struct {
	Kind    Kind
	Op      string // the operation that failed, such as "catalog.create product"
	Message string
	Fields  []FieldError
	Err     error
}

// Error returns the operation, the message and the cause, for logs.
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.Op)
	if e.Message != "" {
		b.WriteString(": ")
		b.WriteString(e.Message)
	}
	for _, f := range e.Fields {
		fmt.Fprintf(&b, "; %s: %s", f.Field, f.Message)
	}
	if e.Err != nil {
		b.WriteString(": ")
		b.WriteString(e.Err.Error())
	}
	return b.String()
}

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.Err }

// Errorf returns an Error of the kind with a formatted message safe to show.
func Errorf(kind Kind, op, format string, args ...any) *Error {
	return &Error{Kind: kind, Op: op, Message: fmt.Sprintf(format, args...)}
}

// Wrap returns an Error of the kind whose cause is err. The message is safe
// to show; err is kept for logs only.
func Wrap(kind Kind, op string, err error, message string) *Error {
	return &Error{Kind: kind, Op: op, Message: message, Err: err}
}

// Invalid returns an error of kind KindInvalid listing the fields at fault.
func Invalid(op string, fields ...FieldError) *Error {
	return &Error{Kind: KindInvalid, Op: op, Message: "datos no válidos", Fields: fields}
}

// NotFound returns an error of kind KindNotFound about what is missing,
// named by a Spanish noun phrase such as "producto" or "categoría"; the
// participle agrees with its first word.
func NotFound(op, what string) *Error {
	found := " no encontrado"
	if feminine(what) {
		found = " no encontrada"
	}
	return &Error{Kind: KindNotFound, Op: op, Message: what + found}
}

// feminine reports whether the first word of a Spanish noun phrase is a
// feminine noun, by the endings that mark most of them and the exceptions
// a store's vocabulary meets.
func feminine(phrase string) bool {
	noun, _, _ := strings.Cut(strings.ToLower(phrase), " ")
	switch noun {
	case "día", "mapa", "problema", "sistema", "idioma", "tema", "esquema":
		return false
	case "variante", "clave", "imagen", "orden", "llave", "url", "sucursal":
		return true
	}
	for _, end := range []string{"a", "ción", "sión", "dad", "tud", "umbre"} {
		if strings.HasSuffix(noun, end) {
			return true
		}
	}
	return false
}

// ErrorKind returns the kind of the first Error in err's chain, or
// KindInternal when there is none.
func ErrorKind(err error) Kind {
	var e *Error
	if errors.As(err, &e) {
		return e.Kind
	}
	return KindInternal
}

// ErrorMessage returns the message of the first Error in err's chain, or a
// generic text when there is none or the error is internal, so that nothing
// internal ever reaches a shopper.
func ErrorMessage(err error) string {
	var e *Error
	if errors.As(err, &e) && e.Kind != KindInternal && e.Message != "" {
		return e.Message
	}
	return "error interno; inténtelo de nuevo más tarde"
}

// ErrorFields returns the field errors of the first Error in err's chain.
func ErrorFields(err error) []FieldError {
	var e *Error
	if errors.As(err, &e) {
		return e.Fields
	}
	return nil
}

// Fields collects field errors while validating input. Its zero value is
// ready to use.
type Fields []FieldError

// Add records that field is wrong, with a message for the shopper.
func (f *Fields) Add(field, message string) {
	*f = append(*f, FieldError{Field: field, Message: message})
}

// Check records the message for field when ok is false.
func (f *Fields) Check(ok bool, field, message string) {
	if !ok {
		f.Add(field, message)
	}
}

// Between records that field must be a whole number from lo to hi when v
// is outside that range.
func (f *Fields) Between(field string, v, lo, hi int) {
	if v < lo || v > hi {
		f.Add(field, fmt.Sprintf("debe ser un entero entre %d y %d", lo, hi))
	}
}

// Err returns an error of kind KindInvalid for op when any field was added,
// and nil otherwise.
func (f Fields) Err(op string) error {
	if len(f) == 0 {
		return nil
	}
	return Invalid(op, f...)
}
