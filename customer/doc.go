// Package customer holds the accounts of shoppers and staff: registration
// and sign-in, passwords and their history, e-mail verification and
// password reset by single-use tokens, profiles and addresses, the export
// and erasure of personal data, and the administration of users with an
// audit log.
//
// Service enforces every rule and checks who asks: a user sees and changes
// only their own account, staff holding commerce.PermUsersManage see and
// manage others, and only commerce.PermRolesManage grants roles. Someone
// else's account is reported as not found, so its existence does not leak.
//
// A Store keeps the data; the customertest package holds its contract
// suite and an in-memory Store. The service seals phone numbers and address
// fields with a pii.Cipher before they reach the Store, and issues tokens
// with an auth.Tokens.
//
// E-mail addresses are normalised before they are stored or compared: the
// local part must be ASCII and is lower-cased; the domain may be written in
// Unicode and is stored in its ASCII (IDNA) form. Control characters,
// spaces, full-width or half-width forms, and domain labels mixing Latin
// with Cyrillic or Greek letters are refused, so that two addresses that
// look alike are either the same account or refused.
package customer
