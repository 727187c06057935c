package api

import (
	"context"
	"crypto/tls"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// maxRedirects is how many same-host redirects an API call may follow.
const maxRedirects = 3

// tokenKey carries the access token of one request from the retry loop to
// the transport, which alone decides whether it may be sent.
type tokenKey struct{}

// withToken returns ctx carrying the token for the transport.
func withToken(ctx context.Context, tok Secret) context.Context {
	return context.WithValue(ctx, tokenKey{}, tok)
}

// authTransport adds the Authorization header, and only to requests for the
// configured API origin (scheme and host), whatever the request says. This
// is the go-gh headerRoundTripper pattern: no redirect or stray URL can make
// the token travel to another host. It also refuses to send a token over
// plain http to a host that is not loopback.
type authTransport struct {
	base   http.RoundTripper
	origin *url.URL
}

// RoundTrip implements http.RoundTripper.
func (t *authTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	tok, _ := req.Context().Value(tokenKey{}).(Secret)
	allowed := sameOrigin(req.URL, t.origin) && secureEnough(req.URL)
	switch {
	case tok != "" && allowed:
		req = req.Clone(req.Context())
		req.Header.Set("Authorization", "Bearer "+tok.Reveal())
	case req.Header.Get("Authorization") != "" && !allowed:
		req = req.Clone(req.Context())
		req.Header.Del("Authorization")
	}
	return t.base.RoundTrip(req)
}

// sameOrigin compares scheme and host (with port), ignoring case.
func sameOrigin(u, origin *url.URL) bool {
	return strings.EqualFold(u.Scheme, origin.Scheme) && strings.EqualFold(u.Host, origin.Host)
}

// secureEnough allows https anywhere and http to loopback hosts only.
func secureEnough(u *url.URL) bool {
	return strings.EqualFold(u.Scheme, "https") || (strings.EqualFold(u.Scheme, "http") && isLoopback(u.Hostname()))
}

// newHTTPClients builds the client for API calls and the one for the token
// endpoint from the caller's client (or a default one). API calls follow at
// most three redirects, and only to the same scheme and host; any other
// redirect response is returned as is and becomes an *Error (checkResponse). The token
// endpoint follows none: a 307/308 would replay the client secret.
func newHTTPClients(user *http.Client, origin *url.URL) (api, token *http.Client) {
	var base http.RoundTripper
	api = &http.Client{}
	if user != nil {
		*api = *user
		base = user.Transport
	}
	if base == nil {
		base = defaultTransport()
	}
	api.Transport = &authTransport{base: base, origin: origin}
	api.CheckRedirect = func(req *http.Request, via []*http.Request) error {
		if len(via) > maxRedirects || !sameOrigin(req.URL, via[0].URL) {
			return http.ErrUseLastResponse
		}
		return nil
	}
	token = &http.Client{}
	*token = *api
	token.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	return api, token
}

// defaultTransport follows security.md §5.1: bounded dial, TLS and header
// waits, a small connection pool, TLS 1.2 or newer, proxy from environment.
// The client sets no overall timeout (each request carries a deadline).
func defaultTransport() *http.Transport {
	d := &net.Dialer{Timeout: 5 * time.Second, KeepAlive: 30 * time.Second}
	return &http.Transport{
		Proxy:                 http.ProxyFromEnvironment,
		DialContext:           d.DialContext,
		ForceAttemptHTTP2:     true,
		TLSClientConfig:       &tls.Config{MinVersion: tls.VersionTLS12},
		TLSHandshakeTimeout:   5 * time.Second,
		ResponseHeaderTimeout: 10 * time.Second,
		ExpectContinueTimeout: time.Second,
		IdleConnTimeout:       90 * time.Second,
		MaxIdleConnsPerHost:   8,
		MaxConnsPerHost:       16,
	}
}
