// Package sdk is the protocol between the store and a payment gateway that
// runs as a plugin: a separate program the store starts, speaking gRPC over
// hashicorp/go-plugin.
//
// A plugin author implements payment.Gateway, and any of its optional
// abilities (payment.Capturer, payment.Voider, payment.PartialRefunder,
// payment.WebhookHandler) that the gateway truly has, declares them in
// Describe, and calls Serve from main:
//
//	func main() { sdk.Serve(mygateway.New()) }
//
// The host side, Dial and Client, turns a connection back into a
// payment.Gateway; plugins/host starts, watches and restarts the processes.
// Errors cross the boundary typed: a payment.Error keeps its code, message
// for shoppers and retryability, a commerce.Error its kind.
package sdk
