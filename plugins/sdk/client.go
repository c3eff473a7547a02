package sdk

import (
	"context"
	"fmt"

	"google.golang.org/grpc"

	"github.com/ecommerce-moderno/moderno/payment"
	pb "github.com/ecommerce-moderno/moderno/plugins/sdk/proto"
)

// Client is a plugin's gateway on the host's side. It implements
// payment.Gateway and every optional ability; Describe says which ones the
// plugin truly has, so use payment.AsCapturer and its siblings. A broken
// connection comes back as a plain (retryable) error, a gateway's own
// failure as a *payment.Error.
type Client struct {
	rpc  pb.GatewayClient
	desc payment.Description
}

// Dial asks the plugin on conn to describe itself and returns its Client.
// It fails when the plugin speaks another protocol version or has no name.
func Dial(ctx context.Context, conn grpc.ClientConnInterface) (*Client, error) {
	rpc := pb.NewGatewayClient(conn)
	d, err := rpc.Describe(ctx, &pb.DescribeRequest{})
	if err != nil {
		return nil, fmt.Errorf("sdk: describe: %w", err)
	}
	if d.GetProtocolVersion() != ProtocolVersion {
		return nil, fmt.Errorf("sdk: plugin speaks protocol %d; the host speaks %d",
			d.GetProtocolVersion(), ProtocolVersion)
	}
	if d.GetName() == "" {
		return nil, fmt.Errorf("sdk: plugin describes itself without a name")
	}
	return &Client{rpc: rpc, desc: fromDescription(d)}, nil
}

// Describe returns what the plugin said it is and can do when dialled.
func (c *Client) Describe() payment.Description { return c.desc }

// Authorize implements payment.Gateway.
func (c *Client) Authorize(ctx context.Context, ch payment.Charge) (payment.Result, error) {
	return result(c.rpc.Authorize(ctx, &pb.ChargeRequest{IdempotencyKey: ch.IdempotencyKey,
		Amount: toMoney(ch.Amount), OrderNumber: ch.OrderNumber,
		CustomerId: int64(ch.CustomerID), Email: ch.Email, Description: ch.Description,
		Token: ch.Token, ReturnUrl: ch.ReturnURL, Metadata: ch.Metadata}))
}

// Refund implements payment.Gateway.
func (c *Client) Refund(ctx context.Context, r payment.Refund) (payment.Result, error) {
	return c.refund(ctx, r, false)
}

// RefundPartial implements payment.PartialRefunder.
func (c *Client) RefundPartial(ctx context.Context, r payment.Refund) (payment.Result, error) {
	return c.refund(ctx, r, true)
}

func (c *Client) refund(ctx context.Context, r payment.Refund,
	partial bool) (payment.Result, error) {
	return result(c.rpc.Refund(ctx, &pb.RefundRequest{IdempotencyKey: r.IdempotencyKey,
		Reference: r.Reference, Amount: toMoney(r.Amount), Reason: r.Reason,
		Partial: partial}))
}

// Capture implements payment.Capturer.
func (c *Client) Capture(ctx context.Context, cp payment.Capture) (payment.Result, error) {
	return result(c.rpc.Capture(ctx, &pb.CaptureRequest{IdempotencyKey: cp.IdempotencyKey,
		Reference: cp.Reference, Amount: toMoney(cp.Amount)}))
}

// Void implements payment.Voider.
func (c *Client) Void(ctx context.Context, v payment.Void) (payment.Result, error) {
	return result(c.rpc.Void(ctx, &pb.VoidRequest{IdempotencyKey: v.IdempotencyKey,
		Reference: v.Reference}))
}

// ParseWebhook implements payment.WebhookHandler.
func (c *Client) ParseWebhook(ctx context.Context,
	w payment.Webhook) (payment.Notification, error) {
	r, err := c.rpc.ParseWebhook(ctx, &pb.WebhookRequest{Header: toHeader(w.Header),
		Body: w.Body})
	if err != nil {
		return payment.Notification{}, err
	}
	if r.GetError() != nil {
		return payment.Notification{}, fromError(r.GetError())
	}
	return fromNotification(r.GetNotification()), nil
}

func result(r *pb.Reply, err error) (payment.Result, error) {
	if err != nil {
		return payment.Result{}, err
	}
	if r.GetError() != nil {
		return payment.Result{}, fromError(r.GetError())
	}
	return fromResult(r.GetResult()), nil
}
