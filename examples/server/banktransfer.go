package main

import (
	"errors"
	"strings"
)

// bankSettings are the account shoppers transfer to, shown at checkout, on
// the order's page and in the order mail while the payment is pending.
// Outside production each empty one takes a demo value marked as such; in
// production every one is required.
type bankSettings struct {
	BankName          string // COMMERCE_BANK_NAME, such as "Banco de Chile"
	BankAccountType   string // COMMERCE_BANK_ACCOUNT_TYPE, such as "Cuenta corriente"
	BankAccountNumber string // COMMERCE_BANK_ACCOUNT_NUMBER
	BankRUT           string // COMMERCE_BANK_RUT, the holder's RUT, such as 76.123.456-7
	BankHolder        string // COMMERCE_BANK_HOLDER, the account holder's name
	BankEmail         string // COMMERCE_BANK_EMAIL, where shoppers send the receipt
}

// bankVar names one setting, its demo value and where it is kept.
type bankVar struct {
	env, label, demo string
	field            func(*bankSettings) *string
}

var bankVars = []bankVar{
	{"COMMERCE_BANK_NAME", "Banco", "Banco Demo (DEMO: no transfiera)",
		func(b *bankSettings) *string { return &b.BankName }},
	{"COMMERCE_BANK_ACCOUNT_TYPE", "Tipo de cuenta", "Cuenta corriente",
		func(b *bankSettings) *string { return &b.BankAccountType }},
	{"COMMERCE_BANK_ACCOUNT_NUMBER", "Número de cuenta", "00-000-00000-00 (DEMO)",
		func(b *bankSettings) *string { return &b.BankAccountNumber }},
	{"COMMERCE_BANK_RUT", "RUT", "11.111.111-1 (DEMO)",
		func(b *bankSettings) *string { return &b.BankRUT }},
	{"COMMERCE_BANK_HOLDER", "Titular", "Tienda Demo SpA (DEMO)",
		func(b *bankSettings) *string { return &b.BankHolder }},
	{"COMMERCE_BANK_EMAIL", "Correo para el comprobante", "pagos@example.com (DEMO)",
		func(b *bankSettings) *string { return &b.BankEmail }},
}

// readBank reads the bank settings; outside production an empty one takes
// its demo value.
func (c *Config) readBank(getenv func(string) string) {
	for _, v := range bankVars {
		value := strings.TrimSpace(getenv(v.env))
		if value == "" && c.Env != production {
			value = v.demo
		}
		*v.field(&c.bankSettings) = value
	}
}

// validateBank requires every bank setting in production.
func (c Config) validateBank() []error {
	var errs []error
	for _, v := range bankVars {
		if *v.field(&c.bankSettings) == "" {
			errs = append(errs, errors.New(v.env+": required in production (the account "+
				"shoppers pay bank transfers to)"))
		}
	}
	return errs
}

// transferInstructions are the bank transfer's instructions, in Spanish,
// one line a setting.
func (b bankSettings) transferInstructions() string {
	var s strings.Builder
	s.WriteString("Transfiera el total del pedido, indicando su número en el comentario, a:\n")
	for _, v := range bankVars {
		s.WriteString(v.label + ": " + *v.field(&b) + "\n")
	}
	return strings.TrimSuffix(s.String(), "\n")
}
