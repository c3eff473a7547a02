package rest

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"reflect"
	"strings"

	"github.com/ecommerce-moderno/moderno/commerce"
)

// Bounds of request bodies.
const (
	// DefaultMaxBody bounds the JSON body of a request: 64 KiB.
	DefaultMaxBody = 64 << 10
	// maxProductBody bounds a product with its variants, images and
	// attributes.
	maxProductBody = 1 << 20
)

// tooLargeError marks a body past the route's bound: 413.
type tooLargeError struct{ limit int64 }

func (e *tooLargeError) Error() string {
	return fmt.Sprintf("request body larger than %d bytes", e.limit)
}

// errTooLarge returns the error of a body past limit, in the API's form.
func errTooLarge(limit int64) error {
	return commerce.Wrap(commerce.KindInvalid, "rest.read body", &tooLargeError{limit},
		fmt.Sprintf("el cuerpo de la solicitud supera %d KiB", limit>>10))
}

// readJSON decodes the request's JSON body into v strictly: the body must
// be application/json, at most limit bytes, one JSON value with no field v
// does not know and every value of the right type. Each failure is an
// invalid-input error naming the field at fault, marked malformed (400),
// or a too-large error (413).
func readJSON(r *http.Request, limit int64, v any) error {
	if ct := r.Header.Get("Content-Type"); ct != "" {
		mt, _, err := mime.ParseMediaType(ct)
		if err != nil || mt != "application/json" {
			return malformed(commerce.FieldError{Field: "Content-Type",
				Message: "debe ser application/json"})
		}
	}
	data, err := readBody(r, limit)
	if err != nil {
		return err
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return malformed(commerce.FieldError{Field: "body",
			Message: "falta el cuerpo JSON de la solicitud"})
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return decodeError(err)
	}
	if dec.More() {
		return malformed(commerce.FieldError{Field: "body",
			Message: "debe ser un solo objeto JSON"})
	}
	return nil
}

// decodeError turns a JSON decoding error into one that names the field.
func decodeError(err error) error {
	var (
		typ    *json.UnmarshalTypeError
		syntax *json.SyntaxError
	)
	switch {
	case errors.As(err, &typ):
		field := typ.Field
		if field == "" {
			field = "body"
		}
		want := jsonType(typ.Type.Kind().String())
		if typ.Type == reflect.TypeFor[numberIn]() {
			want = "un número"
		}
		return malformed(commerce.FieldError{Field: field,
			Message: "tipo no válido: se esperaba " + want})
	case errors.As(err, &syntax), errors.Is(err, io.ErrUnexpectedEOF):
		return malformed(commerce.FieldError{Field: "body", Message: "JSON mal formado"})
	}
	// The decoder says "json: unknown field \"x\"" for a field v lacks.
	if name, ok := strings.CutPrefix(err.Error(), "json: unknown field "); ok {
		return malformed(commerce.FieldError{Field: strings.Trim(name, `"`),
			Message: "campo desconocido"})
	}
	var fe *commerce.Error
	if errors.As(err, &fe) {
		return &malformedError{err: fe}
	}
	return malformed(commerce.FieldError{Field: "body", Message: "JSON no válido"})
}

// jsonType names a Go kind the way a JSON client knows it.
func jsonType(kind string) string {
	switch {
	case strings.HasPrefix(kind, "int"), strings.HasPrefix(kind, "uint"):
		return "un número entero"
	case strings.HasPrefix(kind, "float"):
		return "un número"
	case kind == "string":
		return "un texto"
	case kind == "bool":
		return "true o false"
	case kind == "slice", kind == "array":
		return "una lista"
	}
	return "un objeto"
}

// numberIn is a JSON number kept as its text, for amounts that must not pass
// through a float. Anything but a number is a type error naming the
// field.
type numberIn string

// UnmarshalJSON accepts a JSON number.
func (n *numberIn) UnmarshalJSON(b []byte) error {
	if len(b) > 0 && (b[0] == '-' || b[0] >= '0' && b[0] <= '9') {
		*n = numberIn(b)
		return nil
	}
	return &json.UnmarshalTypeError{Value: string(b), Type: reflect.TypeFor[numberIn]()}
}
