package views

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"net"
	"net/url"
	"strconv"
	"strings"
	"syscall"
	"time"

	"imagine/api"
)

// Describe turns an error into the words the operator reads: a sentence
// naming the cause (and the host, when the network is the cause), never a
// raw "api: GET http://…" string; the details go to the log. It is the one
// mapping from error types to user text; the root and the panes both use
// it. Server messages inside api errors have already been sanitized and
// capped.
func Describe(err error) string {
	if err == nil {
		return ""
	}
	var rl *api.RateLimitError
	var apiErr *api.Error
	var open *api.CircuitOpenError
	switch {
	case errors.Is(err, ErrNotThere):
		return err.Error()
	case errors.As(err, &rl) && rl.Local:
		return "holding back to stay within the rate limit; try again in " + waitText(rl.Wait)
	case errors.As(err, &rl):
		return "rate limited by the server; try again in " + waitText(rl.Wait)
	case errors.As(err, &open):
		return "holding off the server: " + strconv.Itoa(open.Failures) + " of its last " + strconv.Itoa(open.Of) +
			" answers were failures; trying again in " + waitText(open.Wait)
	case errors.Is(err, api.ErrUnknownOutcome):
		return "no answer from " + hostOf(err) + "; it may or may not have arrived"
	case errors.Is(err, api.ErrOffline):
		text := "offline: cannot reach " + hostOf(err)
		if cause := transportCause(err); cause != "" {
			text += " (" + cause + ")"
		}
		return text
	case errors.Is(err, context.DeadlineExceeded):
		return hostOf(err) + " took too long to answer"
	case errors.Is(err, context.Canceled):
		return "cancelled"
	case errors.Is(err, api.ErrResponseTooLarge):
		return "the server's answer was too large to read"
	case errors.Is(err, api.ErrMalformedResponse):
		return "the server's answer could not be read"
	case errors.Is(err, api.ErrNoCredentials):
		return "not signed in: no credentials"
	case errors.As(err, &apiErr):
		return describeAnswer(apiErr)
	}
	var fe *api.FieldError
	if errors.As(err, &fe) {
		return fe.Field + ": " + fe.Message
	}
	if strings.HasPrefix(err.Error(), "api: ") {
		return "the request failed (details in the log)"
	}
	return err.Error()
}

// describeAnswer is the sentence for an HTTP error answer.
func describeAnswer(e *api.Error) string {
	msg := strings.TrimSpace(e.Message)
	switch {
	case errors.Is(e, api.ErrUnauthorized):
		return "not signed in: " + orDefault(msg, "credentials rejected")
	case errors.Is(e, api.ErrForbidden):
		return "not allowed: " + orDefault(msg, "you cannot do that")
	case errors.Is(e, api.ErrNotFound):
		return "not found: " + orDefault(msg, "it may have been deleted")
	case errors.Is(e, api.ErrServer):
		return hostOf(e) + " had an error (" + strconv.Itoa(e.StatusCode) + "); try again shortly"
	}
	return orDefault(msg, "the server refused it ("+strconv.Itoa(e.StatusCode)+")")
}

// transportCause names why no answer came: refused, no such host, TLS,
// timeout, or the connection breaking; "" when the error does not say.
func transportCause(err error) string {
	var dns *net.DNSError
	var unknownCA x509.UnknownAuthorityError
	var hostname x509.HostnameError
	var invalid x509.CertificateInvalidError
	var verify *tls.CertificateVerificationError
	var record tls.RecordHeaderError
	var ne net.Error
	switch {
	case errors.As(err, &dns) && dns.IsNotFound:
		return "no such host"
	case errors.As(err, &dns):
		return "the host name could not be looked up"
	case errors.Is(err, syscall.ECONNREFUSED):
		return "connection refused"
	case errors.As(err, &unknownCA), errors.As(err, &hostname), errors.As(err, &invalid), errors.As(err, &verify):
		return "its TLS certificate is not trusted"
	case errors.As(err, &record):
		return "it does not speak TLS"
	case errors.As(err, &ne) && ne.Timeout():
		return "timed out"
	case errors.Is(err, syscall.ECONNRESET), errors.Is(err, syscall.EPIPE):
		return "the connection was reset"
	case errors.Is(err, syscall.ENETUNREACH), errors.Is(err, syscall.EHOSTUNREACH):
		return "the network is unreachable"
	}
	return ""
}

// hostOf is the host the failed request went to, or "the server" when
// the error does not say.
func hostOf(err error) string {
	var ue *url.Error
	if errors.As(err, &ue) {
		if u, perr := url.Parse(ue.URL); perr == nil && u.Host != "" {
			return u.Host
		}
	}
	var ae *api.Error
	if errors.As(err, &ae) {
		if u, perr := url.Parse(ae.URL); perr == nil && u.Host != "" {
			return u.Host
		}
	}
	var uo *api.UnknownOutcomeError
	if errors.As(err, &uo) {
		if u, perr := url.Parse(uo.URL); perr == nil && u.Host != "" {
			return u.Host
		}
	}
	return "the server"
}

// waitText is a wait rounded to what a person reads: seconds, at least 1.
func waitText(d time.Duration) string {
	return max(d.Round(time.Second), time.Second).String()
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
