package cli

import (
	"errors"
	"fmt"
	"strings"

	"imagine/api"
	"imagine/internal/account"
)

// Exit codes of every command; scripts may rely on them.
const (
	exitOK          = 0
	exitFailed      = 1
	exitUsage       = 2
	exitNotSignedIn = 3
	exitRateLimited = 4
	exitUnknown     = 5
)

// usageErr marks a mistake in the command line (exit 2).
type usageErr struct{ err error }

// Error implements error.
func (e usageErr) Error() string { return e.err.Error() }

// Unwrap returns the mistake.
func (e usageErr) Unwrap() error { return e.err }

// usagef makes a usage error.
func usagef(format string, args ...any) error {
	return usageErr{fmt.Errorf(format, args...)}
}

// unknownOutcome is a write that may have reached the server and could not
// be confirmed by reading back; Check says how the user can find out.
type unknownOutcome struct {
	What  string
	Check string
	Err   error
}

// Error implements error: what may have happened and how to check.
func (e *unknownOutcome) Error() string {
	return "outcome unknown: " + e.What + " may or may not have reached the server (" + e.Err.Error() +
		"); nothing was resent. Check with: " + e.Check
}

// Unwrap returns the client's *api.UnknownOutcomeError.
func (e *unknownOutcome) Unwrap() error { return e.Err }

// cobraUsagePrefixes are the messages cobra and pflag give for a bad
// command line (they have no error types).
var cobraUsagePrefixes = []string{
	"flag needs an argument", "unknown flag", "unknown shorthand flag", "unknown command",
	"invalid argument", "accepts ", "requires at least", "requires at most", "received ",
	"bad flag syntax", "if any flags in the group",
}

// exitCode maps a command's error to the process exit code.
func exitCode(err error) int {
	var ue usageErr
	var uo *unknownOutcome
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, &ue):
		return exitUsage
	case errors.Is(err, errNotSignedIn), errors.Is(err, errSignedOut), errors.Is(err, account.ErrNoCredentials), errors.Is(err, api.ErrNoCredentials),
		errors.Is(err, api.ErrUnauthorized):
		return exitNotSignedIn
	case errors.Is(err, api.ErrRateLimited):
		return exitRateLimited
	case errors.As(err, &uo), errors.Is(err, api.ErrUnknownOutcome):
		return exitUnknown
	}
	msg := err.Error()
	for _, p := range cobraUsagePrefixes {
		if strings.HasPrefix(msg, p) {
			return exitUsage
		}
	}
	return exitFailed
}
