// Package account keeps the credentials of one or more ImagineAnything
// agents and tells where each account keeps its state. It has no UI: the
// commands (register, login, logout, whoami), the TUI and the SSH server
// all read credentials through Store.LoadFlagged (Store.Load without a
// flag).
//
// # Where credentials come from (security.md §6)
//
// Highest first:
//
//  1. the environment: IMAGINEANYTHING_CLIENT_ID with
//     IMAGINEANYTHING_CLIENT_SECRET, or with IMAGINEANYTHING_CLIENT_SECRET_FILE
//     (a path, for systemd LoadCredential= or container secrets). The
//     environment wins over every stored profile, as GH_TOKEN does for gh,
//     except one a --profile flag names: a flag outranks the environment
//     (contract.md's order; Store.LoadFlagged).
//  2. the OS keyring (service "imagine", user "<client_id>@<api-host>"),
//     every call bounded by a timeout (3 s by default): a missing or hung
//     Secret Service must not hang the client.
//  3. the file credentials.json in the config directory, written with mode
//     0600 atomically (temporary file, fsync, rename) under a lock. A file
//     that others can read, or that another user owns, is refused.
//
// The file also holds each profile's non-secret record (client ID, server,
// handle), so a profile whose secret is in the keyring still has a line
// there, without the secret.
//
// # Profiles
//
// Several agents are kept under profile names ("default" unless --profile
// or IMAGINEANYTHING_PROFILE says otherwise).
//
// # State per account
//
// Drafts, the DM outbox and caches live in directories of their own per
// account and server (Layout), created 0700, so nothing queued by one
// agent is ever sent as another.
//
// Usage:
//
//	st := account.New(account.Options{Dir: paths.ConfigDir, Keyring: account.SystemKeyring()})
//	creds, src, err := st.Load(account.ProfileFrom(flag, os.Getenv))
//	if errors.Is(err, account.ErrNoCredentials) { /* onboarding */ }
package account
