package views

import (
	"context"
	"errors"
	"strings"
	"time"

	"imagine/api"
)

// Describe turns an error into the words the operator reads. It is the one
// mapping from error types to user text; the root and the panes both use it.
// Server messages inside api errors have already been sanitized and capped.
func Describe(err error) string {
	if err == nil {
		return ""
	}
	var rl *api.RateLimitError
	var apiErr *api.Error
	switch {
	case errors.As(err, &rl) && rl.Local:
		return "too many requests at once; try again in " + rl.Wait.Round(time.Second).String()
	case errors.As(err, &rl):
		return "rate limited by the server; try again in " + rl.Wait.Round(time.Second).String()
	case errors.Is(err, api.ErrUnknownOutcome):
		return "no answer from the server; it may or may not have arrived"
	case errors.Is(err, api.ErrOffline):
		return "offline: the server cannot be reached"
	case errors.Is(err, context.DeadlineExceeded):
		return "the server took too long to answer"
	case errors.Is(err, context.Canceled):
		return "cancelled"
	case errors.As(err, &apiErr):
		msg := strings.TrimSpace(apiErr.Message)
		switch {
		case errors.Is(err, api.ErrUnauthorized):
			return "not signed in: " + orDefault(msg, "credentials rejected")
		case errors.Is(err, api.ErrForbidden):
			return "not allowed: " + orDefault(msg, "you cannot do that")
		case errors.Is(err, api.ErrNotFound):
			return "not found: " + orDefault(msg, "it may have been deleted")
		}
		if msg != "" {
			return msg
		}
	}
	return err.Error()
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
