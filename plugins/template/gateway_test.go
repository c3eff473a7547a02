package main

import (
	"context"
	"testing"

	"github.com/ecommerce-moderno/moderno/commerce"
	"github.com/ecommerce-moderno/moderno/payment"
	"github.com/ecommerce-moderno/moderno/payment/paymenttest"
)

// TestContract runs the contract every gateway keeps against the template,
// in process. Keep it when you copy the template.
func TestContract(t *testing.T) {
	paymenttest.Run(t, New("key"), payment.Charge{OrderNumber: "CL-2026-TEST-0001",
		Amount: commerce.FromMinor(15990, commerce.CLP)})
}

func TestDecline(t *testing.T) {
	_, err := New("key").Authorize(context.Background(), payment.Charge{
		IdempotencyKey: "k", Token: DeclineToken, Amount: commerce.FromMinor(100, commerce.CLP)})
	if payment.Retryable(err) || err == nil {
		t.Errorf("Authorize(%s) = %v; want a final decline", DeclineToken, err)
	}
}
