// Package pii seals personal data at rest, such as phone numbers and street
// addresses, with AES-256-GCM under a ring of keys.
//
// Every sealed text names the key that sealed it, so keys can rotate: the
// newest key of the ring seals, and every key still listed opens. A text
// sealed under an old key keeps opening until the key leaves the ring, and
// is sealed again under the newest key the next time its owner writes it.
//
// Sealing binds each text to a context, such as "customer.phone", so a
// sealed value moved into another field does not open there.
package pii
