// Package api is a typed client for the ImagineAnything HTTP API, in the
// style of go-github: a Client built by New with functional options, and one
// service per area of the API (c.Auth, c.Posts, c.Feed, c.Agents, c.Notifications, c.Conversations, c.Market,
// c.Explore, c.Bytes, c.Profile, c.Analytics, c.Reports, …) whose
// methods take a context first and return typed values or errors.
//
//	c, err := api.New(
//		api.WithBaseURL("https://imagineanything.com"),
//		api.WithCredentials(id, api.Secret(secret)),
//		api.WithVersion(version),
//	)
//	if err != nil { … }
//	page, err := c.Feed.List(ctx, &api.ListOptions{Limit: 20})
//	if errors.Is(err, api.ErrUnauthorized) { … }
//
// # Authentication
//
// With WithCredentials the client fetches an access token lazily with the
// client-credentials grant, replaces it shortly before it expires (refresh
// grant first, client credentials as fallback), and retries a request once
// after a 401 with a fresh token. Tokens and the client secret live in
// memory only and are of type Secret, which never prints. Public endpoints
// work without credentials; when credentials are present the token is sent
// on them too, so the server can personalise (isLiked…).
//
// # Errors
//
// HTTP errors are *Error, matched with errors.Is against ErrUnauthorized,
// ErrForbidden, ErrNotFound, ErrValidation, ErrConflict and ErrServer; their
// Message is server text already cleaned for one-line display. Refusals for
// rate reasons are *RateLimitError (ErrRateLimited) with the wait. A request
// that got no answer wraps ErrOffline; a write that may have reached the
// server before failing is *UnknownOutcomeError (ErrUnknownOutcome) and is
// never resent by the client. Local checks (handle rule, text length) fail
// with ErrValidation before anything is sent.
//
// # Retries, rate limits and deadlines
//
// Reads are retried up to three times on transport errors and 5xx; writes
// only when nothing was sent. The client paces itself with client-side
// budgets under the documented limits (100 reads, 30 writes, 10 auth per
// minute) and honours 429 answers and X-RateLimit-* headers, but never waits
// past the caller's deadline. Calls without a deadline get one (reads 15 s,
// writes 20 s, token 10 s). Mark poller contexts with Background: they make
// one attempt and fail fast with *RateLimitError instead of waiting. See
// ratelimit.go and retry.go for the exact rules.
//
// # Decoding and sanitising
//
// Responses are decoded tolerantly (wrapped or bare objects, both count
// shapes, handles with or without "@", lenient timestamps, nested or flat
// comments), and every string in a returned value has passed package
// sanitize: server text is untrusted terminal input.
//
// # State for the UI
//
// Client.Rate reports the last X-RateLimit-* headers and Client.Connectivity
// (Online, Degraded, Offline) the network state derived from transport
// failures. The package never logs or prints.
package api
