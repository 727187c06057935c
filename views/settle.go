package views

import (
	"context"
	"errors"

	"imagine/api"
)

// CheckError is a read-back that failed after an answer was lost: the
// write's outcome is still unknown. It reads as the failed read itself
// (Describe names its cause); a caller that must say "unconfirmed"
// rather than "failed" tells it apart with errors.As.
type CheckError struct {
	// Err is why the read failed.
	Err error
}

// Error implements error: the read's own error.
func (e *CheckError) Error() string { return e.Err.Error() }

// Unwrap returns the read's error.
func (e *CheckError) Unwrap() error { return e.Err }

// SettleToggle reads an on/off write (a like, a follow) back after its
// answer was lost (security.md §5.3). What read shows is the truth: when
// it shows the change asked for (want) the write is done. Otherwise, when
// resend says the write is naturally idempotent (liking twice changes
// nothing), it is sent once more by call, and read back again if that
// answer is lost too; other writes are left as the server has them. A
// failed read is returned as a *CheckError. It runs in a tea.Cmd.
func SettleToggle(ctx context.Context, want, resend bool,
	read, call func(context.Context) (*api.Toggle, error)) (*api.Toggle, error) {
	check := func() (*api.Toggle, error) {
		t, err := read(ctx)
		if err != nil {
			return nil, &CheckError{Err: err}
		}
		return t, nil
	}
	t, err := check()
	if err != nil || t.Active == want || !resend {
		return t, err
	}
	if t2, err := call(ctx); err == nil {
		return t2, nil
	} else if !errors.Is(err, api.ErrUnknownOutcome) {
		return nil, err
	}
	return check()
}
