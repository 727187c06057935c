// Package sshserve holds the pieces of `imagine serve` that are not the
// TUI: the operators' allow-list with a role per key, the policy saying
// which role each API write needs, the append-only audit log, the session
// registry that caps sessions and ends those of removed keys, and the
// wish server that puts them together (security.md §7).
//
// It knows nothing of the TUI: the server is handed a function that runs
// one session's program, and the session's WriteGuard (api.WriteGuard) is
// what enforces the roles, so no screen can bypass them.
package sshserve
