package payment

import (
	"context"
	"crypto/sha256"
	"encoding/hex"

	"github.com/ecommerce-moderno/moderno/commerce"
)

// The names of the built-in methods.
const (
	BankTransferName   = "bank_transfer"
	CashOnDeliveryName = "cash_on_delivery"
)

// BankTransfer is payment by bank transfer: the shopper transfers the total
// to the store's account and staff mark the order paid when the money
// arrives. It moves no money itself.
type BankTransfer struct {
	// Instructions tell the shopper where to transfer: bank, account type
	// and number, RUT, name and e-mail for the receipt.
	Instructions string
}

// Describe returns the method's description.
func (b BankTransfer) Describe() Description {
	return Description{Name: BankTransferName, DisplayName: "Transferencia bancaria",
		Capabilities: []Capability{Manual}, Instructions: b.Instructions}
}

// Authorize returns a pending result with the transfer instructions and a
// reference derived from the idempotency key, so repeats return the same.
func (b BankTransfer) Authorize(_ context.Context, c Charge) (Result, error) {
	return manualStart(c, b.Instructions)
}

// Refund records that staff give the money back by hand.
func (b BankTransfer) Refund(_ context.Context, r Refund) (Result, error) {
	return manualRefund(r)
}

// CashOnDelivery is payment in cash, or by card on the courier's terminal,
// when the order arrives. Staff mark the order paid on delivery.
type CashOnDelivery struct {
	Instructions string // such as "Pague al recibir, en efectivo o con tarjeta"
}

// Describe returns the method's description.
func (c CashOnDelivery) Describe() Description {
	return Description{Name: CashOnDeliveryName, DisplayName: "Pago contra entrega",
		Capabilities: []Capability{Manual}, Instructions: c.Instructions}
}

// Authorize returns a pending result with the instructions.
func (c CashOnDelivery) Authorize(_ context.Context, ch Charge) (Result, error) {
	return manualStart(ch, c.Instructions)
}

// Refund records that staff give the money back by hand.
func (c CashOnDelivery) Refund(_ context.Context, r Refund) (Result, error) {
	return manualRefund(r)
}

func manualStart(c Charge, instructions string) (Result, error) {
	if c.IdempotencyKey == "" {
		return Result{}, commerce.Errorf(commerce.KindInvalid, "payment.authorize",
			"falta la clave de idempotencia")
	}
	sum := sha256.Sum256([]byte(c.IdempotencyKey))
	return Result{Status: StatusPending, Reference: "man_" + hex.EncodeToString(sum[:8]),
		Amount: c.Amount, Instructions: instructions}, nil
}

func manualRefund(r Refund) (Result, error) {
	if r.IdempotencyKey == "" || r.Reference == "" {
		return Result{}, commerce.Errorf(commerce.KindInvalid, "payment.refund",
			"faltan la clave de idempotencia o la referencia")
	}
	return Result{Status: StatusRefunded, Reference: r.Reference, Amount: r.Amount}, nil
}
