package cli

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"sync"
	"time"

	"imagine/api"
	"imagine/api/sanitize"
	"imagine/internal/account"
	"imagine/ui"
	"imagine/views"
)

// accountClients keeps one signed-in client per account for the life of
// the process: switching back to an account reuses its token, its rate
// budget and its connectivity state, and the switcher's unread counts use
// the same clients.
type accountClients struct {
	version string
	mu      sync.Mutex
	m       map[string]*api.Client
}

func newAccountClients(version string) *accountClients {
	return &accountClients{version: version, m: map[string]*api.Client{}}
}

// get returns the account's client, making it the first time. The key
// holds a hash of the secret, so a new login gets a new client.
func (k *accountClients) get(baseURL, clientID string, secret api.Secret) (*api.Client, error) {
	sum := sha256.Sum256([]byte(secret.Reveal()))
	key := baseURL + " " + clientID + " " + hex.EncodeToString(sum[:8])
	k.mu.Lock()
	defer k.mu.Unlock()
	if c, ok := k.m[key]; ok {
		return c, nil
	}
	c, err := api.New(api.WithBaseURL(baseURL), api.WithCredentials(clientID, secret), api.WithVersion(k.version))
	if err != nil {
		return nil, err
	}
	k.m[key] = c
	return c, nil
}

// countTimeout bounds the unread counts of one account in the switcher.
const countTimeout = 10 * time.Second

// accountLister lists the stored profiles with their unread counts, each
// read with that account's kept client. It does I/O: the switcher runs it
// in a Cmd. Every field shown is cleaned (the file may have been edited).
func accountLister(store *account.Store, kept *accountClients, current string, redact func(string)) func(context.Context) []ui.AccountEntry {
	return func(ctx context.Context) []ui.AccountEntry {
		ps, err := store.Profiles()
		if err != nil {
			return []ui.AccountEntry{{Profile: current, Current: true, Err: sanitize.Line(err.Error())}}
		}
		out := make([]ui.AccountEntry, len(ps))
		var wg sync.WaitGroup
		for i, p := range ps {
			out[i] = ui.AccountEntry{
				Profile: sanitize.Line(p.Profile), Handle: sanitize.Line(p.Handle),
				Server: sanitize.Line(account.Host(p.BaseURL)), Current: p.Profile == current,
			}
			wg.Go(func() {
				e := &out[i]
				n, m, err := unreadOf(ctx, store, kept, p.Profile, redact)
				if err != nil {
					e.Err = err.Error()
					return
				}
				e.Notifications, e.Messages = n, m
			})
		}
		wg.Wait()
		return out
	}
}

// unreadOf reads one stored account's unread notifications and messages.
func unreadOf(ctx context.Context, store *account.Store, kept *accountClients, profile string, redact func(string)) (notes, msgs int, err error) {
	c, _, err := store.LoadProfile(profile)
	if err != nil {
		return 0, 0, errors.New(sanitize.Line(err.Error()))
	}
	redact(c.Secret.Reveal())
	client, err := kept.get(c.BaseURL, c.ClientID, c.Secret)
	if err != nil {
		return 0, 0, err
	}
	ctx, cancel := context.WithTimeout(ctx, countTimeout)
	defer cancel()
	if notes, err = client.Notifications.Count(ctx); err == nil {
		msgs, err = client.Conversations.Unread(ctx)
	}
	if errors.Is(err, api.ErrUnauthorized) {
		return 0, 0, errors.New("the server refused its client secret; run imagine login --profile " + profile)
	}
	if err != nil {
		return 0, 0, errors.New(views.Describe(err))
	}
	return notes, msgs, nil
}
