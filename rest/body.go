package rest

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strconv"
	"unicode/utf8"

	"github.com/ecommerce-moderno/moderno/cart"
	"github.com/ecommerce-moderno/moderno/commerce"
)

// maxBody bounds the body of a shop route (cart, orders, payments) and of
// a webhook; no route of the API needs more.
const maxBody = 1 << 20

// readBody reads the whole body, up to limit bytes. It is the one reader
// of every route's body: a longer one is a too-large error (413), one that
// cannot be read a malformed request (400), both in the API's form.
func readBody(r *http.Request, limit int64) ([]byte, error) {
	if r.Body == nil {
		return nil, nil
	}
	b, err := io.ReadAll(io.LimitReader(r.Body, limit+1))
	var tooBig *http.MaxBytesError
	switch {
	case errors.As(err, &tooBig): // a bound set before the API's, by the server
		return nil, errTooLarge(min(limit, tooBig.Limit))
	case err != nil:
		return nil, malformed(commerce.FieldError{Field: "body",
			Message: "no se pudo leer el cuerpo"})
	case int64(len(b)) > limit:
		return nil, errTooLarge(limit)
	}
	return b, nil
}

// object is a JSON object read from a body, its members still raw, so that
// each can be checked on its own and named when wrong: a quantity of "2"
// is a field error, not a malformed body.
type object map[string]json.RawMessage

// readObject reads the body as one JSON object. An empty body is an empty
// object when optional; anything else is a malformed request.
func readObject(r *http.Request, optional bool) (object, error) {
	b, err := readBody(r, maxBody)
	if err != nil {
		return nil, err
	}
	if optional && len(bytes.TrimSpace(b)) == 0 {
		return object{}, nil
	}
	return parseObject(b, "body")
}

func parseObject(b []byte, field string) (object, error) {
	var o object
	dec := json.NewDecoder(bytes.NewReader(b))
	if err := dec.Decode(&o); err != nil || o == nil || dec.More() {
		return nil, malformed(commerce.FieldError{Field: field,
			Message: "debe ser un objeto JSON"})
	}
	return o, nil
}

// has reports whether the member is present and not null.
func (o object) has(name string) bool {
	v, ok := o[name]
	return ok && string(v) != "null"
}

// id reads a positive whole number; zero when absent and not required.
func (o object) id(bad *commerce.Fields, prefix, name string, required bool) int64 {
	if !o.has(name) {
		if required {
			bad.Add(prefix+name, "es obligatorio")
		}
		return 0
	}
	n, ok := cart.WholeNumber(o[name])
	if !ok || n <= 0 {
		bad.Add(prefix+name, "debe ser un id: un entero positivo")
		return 0
	}
	return n
}

// quantity reads a required whole number from 1 to maxQty.
func (o object) quantity(bad *commerce.Fields, prefix string, maxQty int) int {
	const name = "quantity"
	msg := "debe ser un entero entre 1 y " + strconv.Itoa(maxQty)
	if !o.has(name) {
		bad.Add(prefix+name, "es obligatorio; "+msg)
		return 0
	}
	n, ok := cart.WholeNumber(o[name])
	if !ok || n < 1 || n > int64(maxQty) {
		bad.Add(prefix+name, msg)
		return 0
	}
	return int(n)
}

// text reads a string of at most maxLen characters; "" when absent.
func (o object) text(bad *commerce.Fields, prefix, name string, maxLen int) string {
	if !o.has(name) {
		return ""
	}
	var s string
	if err := json.Unmarshal(o[name], &s); err != nil {
		bad.Add(prefix+name, "debe ser texto")
		return ""
	}
	if utf8.RuneCountInString(s) > maxLen {
		bad.Add(prefix+name, "máximo "+strconv.Itoa(maxLen)+" caracteres")
		return ""
	}
	return s
}

// list reads an array of objects; nil when absent.
func (o object) list(bad *commerce.Fields, name string) []object {
	if !o.has(name) {
		return nil
	}
	var raws []json.RawMessage
	if err := json.Unmarshal(o[name], &raws); err != nil {
		bad.Add(name, "debe ser una lista")
		return nil
	}
	out := make([]object, 0, len(raws))
	for i, raw := range raws {
		field := name + "[" + strconv.Itoa(i) + "]"
		item, err := parseObject(raw, field)
		if err != nil {
			bad.Add(field, "debe ser un objeto")
			out = append(out, object{})
			continue
		}
		out = append(out, item)
	}
	return out
}

// into decodes a member into v, naming it when its shape is wrong; it
// reports whether it was present and decoded.
func (o object) into(bad *commerce.Fields, name string, v any) bool {
	if !o.has(name) {
		return false
	}
	dec := json.NewDecoder(bytes.NewReader(o[name]))
	if err := dec.Decode(v); err != nil {
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) && te.Field != "" {
			bad.Add(name+"."+te.Field, "tipo no válido")
		} else {
			bad.Add(name, "debe ser un objeto")
		}
		return false
	}
	return true
}
