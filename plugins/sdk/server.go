package sdk

import (
	"context"

	"github.com/ecommerce-moderno/moderno/commerce"
	"github.com/ecommerce-moderno/moderno/payment"
	pb "github.com/ecommerce-moderno/moderno/plugins/sdk/proto"
)

// server serves a gateway on the plugin's side. Gateway errors travel in
// the replies; a gRPC error means the transport or the plugin failed.
type server struct {
	pb.UnimplementedGatewayServer
	g payment.Gateway
}

func (s *server) Describe(context.Context, *pb.DescribeRequest) (*pb.Description, error) {
	return toDescription(s.g.Describe()), nil
}

func (s *server) Authorize(ctx context.Context, r *pb.ChargeRequest) (*pb.Reply, error) {
	return reply(s.g.Authorize(ctx, payment.Charge{IdempotencyKey: r.GetIdempotencyKey(),
		Amount: fromMoney(r.GetAmount()), OrderNumber: r.GetOrderNumber(),
		CustomerID: commerce.UserID(r.GetCustomerId()), Email: r.GetEmail(),
		Description: r.GetDescription(), Token: r.GetToken(), ReturnURL: r.GetReturnUrl(),
		Metadata: r.GetMetadata()}))
}

func (s *server) Capture(ctx context.Context, r *pb.CaptureRequest) (*pb.Reply, error) {
	c, ok := payment.AsCapturer(s.g)
	if !ok {
		return unsupported(payment.CanCapture)
	}
	return reply(c.Capture(ctx, payment.Capture{IdempotencyKey: r.GetIdempotencyKey(),
		Reference: r.GetReference(), Amount: fromMoney(r.GetAmount())}))
}

func (s *server) Void(ctx context.Context, r *pb.VoidRequest) (*pb.Reply, error) {
	v, ok := payment.AsVoider(s.g)
	if !ok {
		return unsupported(payment.CanVoid)
	}
	return reply(v.Void(ctx, payment.Void{IdempotencyKey: r.GetIdempotencyKey(),
		Reference: r.GetReference()}))
}

func (s *server) Refund(ctx context.Context, r *pb.RefundRequest) (*pb.Reply, error) {
	ref := payment.Refund{IdempotencyKey: r.GetIdempotencyKey(), Reference: r.GetReference(),
		Amount: fromMoney(r.GetAmount()), Reason: r.GetReason()}
	if !r.GetPartial() {
		return reply(s.g.Refund(ctx, ref))
	}
	p, ok := payment.AsPartialRefunder(s.g)
	if !ok {
		return unsupported(payment.CanRefundPartial)
	}
	return reply(p.RefundPartial(ctx, ref))
}

func (s *server) ParseWebhook(ctx context.Context, r *pb.WebhookRequest) (*pb.WebhookReply,
	error) {
	w, ok := payment.AsWebhookHandler(s.g)
	if !ok {
		return &pb.WebhookReply{Error: toError(unsupportedErr(payment.CanWebhook))}, nil
	}
	n, err := w.ParseWebhook(ctx, payment.Webhook{Header: fromHeader(r.GetHeader()),
		Body: r.GetBody()})
	if err != nil {
		return &pb.WebhookReply{Error: toError(err)}, nil
	}
	return &pb.WebhookReply{Notification: toNotification(n)}, nil
}

func reply(r payment.Result, err error) (*pb.Reply, error) {
	if err != nil {
		return &pb.Reply{Error: toError(err)}, nil
	}
	return &pb.Reply{Result: toResult(r)}, nil
}

func unsupported(c payment.Capability) (*pb.Reply, error) {
	return &pb.Reply{Error: toError(unsupportedErr(c))}, nil
}

func unsupportedErr(c payment.Capability) error {
	return &payment.Error{Code: "unsupported", Message: "el medio de pago no permite esto",
		Err: commerce.Errorf(commerce.KindConflict, "payment plugin",
			"el medio de pago no ofrece %s", c)}
}
