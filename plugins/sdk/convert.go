package sdk

import (
	"errors"
	"net/http"
	"time"

	"github.com/ecommerce-moderno/moderno/commerce"
	"github.com/ecommerce-moderno/moderno/payment"
	pb "github.com/ecommerce-moderno/moderno/plugins/sdk/proto"
)

func toMoney(m commerce.Money) *pb.Money {
	return &pb.Money{Minor: m.Minor(), Currency: string(m.Currency())}
}

func fromMoney(m *pb.Money) commerce.Money {
	if m == nil {
		return commerce.Money{}
	}
	return commerce.FromMinor(m.GetMinor(), commerce.Currency(m.GetCurrency()))
}

func toDescription(d payment.Description) *pb.Description {
	out := &pb.Description{Name: d.Name, DisplayName: d.DisplayName,
		ProtocolVersion: ProtocolVersion}
	for _, c := range d.Currencies {
		out.Currencies = append(out.Currencies, string(c))
	}
	for _, c := range d.Capabilities {
		out.Capabilities = append(out.Capabilities, string(c))
	}
	return out
}

func fromDescription(d *pb.Description) payment.Description {
	out := payment.Description{Name: d.GetName(), DisplayName: d.GetDisplayName()}
	for _, c := range d.GetCurrencies() {
		out.Currencies = append(out.Currencies, commerce.Currency(c))
	}
	for _, c := range d.GetCapabilities() {
		out.Capabilities = append(out.Capabilities, payment.Capability(c))
	}
	return out
}

func toResult(r payment.Result) *pb.Result {
	return &pb.Result{Status: string(r.Status), Reference: r.Reference,
		Amount: toMoney(r.Amount), Instructions: r.Instructions, RedirectUrl: r.RedirectURL,
		ClientSecret: r.ClientSecret}
}

func fromResult(r *pb.Result) payment.Result {
	return payment.Result{Status: payment.Status(r.GetStatus()), Reference: r.GetReference(),
		Amount: fromMoney(r.GetAmount()), Instructions: r.GetInstructions(),
		RedirectURL: r.GetRedirectUrl(), ClientSecret: r.GetClientSecret()}
}

func toNotification(n payment.Notification) *pb.Notification {
	out := &pb.Notification{EventId: n.EventID, Reference: n.Reference,
		OrderNumber: n.OrderNumber, Status: string(n.Status), Amount: toMoney(n.Amount)}
	if !n.At.IsZero() {
		out.AtUnixNano = n.At.UnixNano()
	}
	return out
}

func fromNotification(n *pb.Notification) payment.Notification {
	out := payment.Notification{EventID: n.GetEventId(), Reference: n.GetReference(),
		OrderNumber: n.GetOrderNumber(), Status: payment.Status(n.GetStatus()),
		Amount: fromMoney(n.GetAmount())}
	if n.GetAtUnixNano() != 0 {
		out.At = time.Unix(0, n.GetAtUnixNano()).UTC()
	}
	return out
}

func toHeader(h http.Header) map[string]*pb.Values {
	out := make(map[string]*pb.Values, len(h))
	for k, v := range h {
		out[k] = &pb.Values{Values: v}
	}
	return out
}

func fromHeader(h map[string]*pb.Values) http.Header {
	out := make(http.Header, len(h))
	for k, v := range h {
		out[k] = v.GetValues()
	}
	return out
}

// toError describes a gateway's error for the wire: a payment.Error keeps
// its code, message and retryability; a commerce.Error its kind and
// message; anything else becomes a retryable "gateway_error" whose cause
// goes only to Detail.
func toError(err error) *pb.Error {
	if err == nil {
		return nil
	}
	out := &pb.Error{Code: "gateway_error", Retryable: payment.Retryable(err),
		Detail: err.Error()}
	var ce *commerce.Error
	if errors.As(err, &ce) {
		out.Kind = ce.Kind.String()
		out.Message = ce.Message
		out.Retryable = ce.Kind == commerce.KindUnavailable ||
			ce.Kind == commerce.KindRateLimited || ce.Kind == commerce.KindInternal
	}
	var pe *payment.Error
	if errors.As(err, &pe) {
		out.Code, out.Message, out.Retryable = pe.Code, pe.Message, pe.Retryable
	}
	if out.Message == "" {
		out.Message = "el medio de pago falló; inténtelo más tarde"
	}
	return out
}

// fromError rebuilds a gateway's error on the host: always a
// *payment.Error, wrapping a *commerce.Error when the gateway gave a kind.
func fromError(e *pb.Error) error {
	if e == nil {
		return nil
	}
	out := &payment.Error{Code: e.GetCode(), Message: e.GetMessage(),
		Retryable: e.GetRetryable()}
	var cause error
	if e.GetDetail() != "" {
		cause = errors.New(e.GetDetail())
	}
	if k, ok := kinds[e.GetKind()]; ok {
		out.Err = commerce.Wrap(k, "payment plugin", cause, e.GetMessage())
	} else {
		out.Err = cause
	}
	return out
}

var kinds = func() map[string]commerce.Kind {
	m := map[string]commerce.Kind{}
	for k := commerce.KindInternal; k <= commerce.KindUnavailable; k++ {
		m[k.String()] = k
	}
	return m
}()
