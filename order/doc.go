// Package order keeps orders after checkout: their lines as they were sold,
// the addresses, the stock reserved for them, the state machine of their
// status and of their payment, and the timeline of every change with who
// made it, when and why.
//
// Every change is one Transition the Store applies in one transaction, with
// its stock effect (release on cancellation, deduction at shipment), its
// timeline entries and its events (written to the outbox), and only when the
// order is still in the state the change was decided from.
package order
