package sdk

import (
	"context"

	"github.com/hashicorp/go-plugin"
	"google.golang.org/grpc"

	"github.com/ecommerce-moderno/moderno/payment"
	pb "github.com/ecommerce-moderno/moderno/plugins/sdk/proto"
)

// ProtocolVersion is the version of the protocol this SDK speaks. The
// handshake refuses a plugin built against another one.
const ProtocolVersion = 1

// PluginName is the name the gateway is dispensed under.
const PluginName = "gateway"

// Handshake is what host and plugin check before talking: the protocol
// version, and a cookie that tells a plugin it was started by a host, so
// that running one by hand prints a hint instead of hanging.
var Handshake = plugin.HandshakeConfig{
	ProtocolVersion:  ProtocolVersion,
	MagicCookieKey:   "MODERNO_PAYMENT_PLUGIN",
	MagicCookieValue: "8d1f0c52-payment-gateway",
}

// Serve runs g as a plugin until the host stops it. It never returns
// normally; call it from main.
func Serve(g payment.Gateway) {
	plugin.Serve(&plugin.ServeConfig{
		HandshakeConfig: Handshake,
		Plugins:         Plugins(g),
		GRPCServer:      plugin.DefaultGRPCServer,
	})
}

// Plugins returns the plugin set for go-plugin: the gateway g on the
// plugin's side, nil on the host's.
func Plugins(g payment.Gateway) plugin.PluginSet {
	return plugin.PluginSet{PluginName: &GatewayPlugin{Impl: g}}
}

// GatewayPlugin is the go-plugin plugin.GRPCPlugin of a payment gateway.
type GatewayPlugin struct {
	plugin.NetRPCUnsupportedPlugin
	Impl payment.Gateway // set on the plugin's side only
}

// GRPCServer registers the gateway's service on the plugin's side.
func (p *GatewayPlugin) GRPCServer(_ *plugin.GRPCBroker, s *grpc.Server) error {
	pb.RegisterGatewayServer(s, &server{g: p.Impl})
	return nil
}

// GRPCClient returns a *Client on the host's side. It asks the plugin to
// describe itself, so the Client knows what the gateway can do.
func (p *GatewayPlugin) GRPCClient(ctx context.Context, _ *plugin.GRPCBroker,
	conn *grpc.ClientConn) (any, error) {
	return Dial(ctx, conn)
}
