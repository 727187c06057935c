package account

import (
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/zalando/go-keyring"
)

// Service is the keyring service name entries are stored under.
const Service = "imagine"

// DefaultKeyringTimeout bounds every keyring call (security.md §6).
const DefaultKeyringTimeout = 3 * time.Second

// ErrKeyNotFound is what a Keyring returns for a missing entry.
var ErrKeyNotFound = errors.New("not in the keyring")

// ErrKeyringUnavailable means the keyring failed or did not answer in
// time; the store falls back to the file.
var ErrKeyringUnavailable = errors.New("keyring unavailable")

// Keyring is the OS keyring as the store uses it. Get returns
// ErrKeyNotFound for a missing entry; so may Delete.
type Keyring interface {
	Get(service, user string) (string, error)
	Set(service, user, secret string) error
	Delete(service, user string) error
}

// SystemKeyring is the OS keyring (macOS Keychain, Windows Credential
// Manager, the Secret Service over D-Bus elsewhere).
func SystemKeyring() Keyring { return systemKeyring{} }

type systemKeyring struct{}

// Get implements Keyring.
func (systemKeyring) Get(service, user string) (string, error) {
	s, err := keyring.Get(service, user)
	if errors.Is(err, keyring.ErrNotFound) {
		return "", ErrKeyNotFound
	}
	return s, err
}

// Set implements Keyring.
func (systemKeyring) Set(service, user, secret string) error {
	return keyring.Set(service, user, secret)
}

// Delete implements Keyring.
func (systemKeyring) Delete(service, user string) error {
	err := keyring.Delete(service, user)
	if errors.Is(err, keyring.ErrNotFound) {
		return ErrKeyNotFound
	}
	return err
}

// boundedKeyring runs every call of a Keyring with a timeout. Once a call
// fails (other than "not found") or times out, the keyring counts as
// unavailable for the life of the process: the next call does not wait
// again. A timed-out call's goroutine is left to finish on its own; there
// is no way to cancel a D-Bus call in go-keyring.
type boundedKeyring struct {
	k       Keyring
	timeout time.Duration

	mu   sync.Mutex
	down error
}

func (b *boundedKeyring) unavailable() error {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.down
}

func (b *boundedKeyring) call(op string, fn func() (string, error)) (string, error) {
	if b == nil || b.k == nil {
		return "", fmt.Errorf("%w: no keyring", ErrKeyringUnavailable)
	}
	if err := b.unavailable(); err != nil {
		return "", err
	}
	type result struct {
		s   string
		err error
	}
	ch := make(chan result, 1)
	go func() {
		s, err := fn()
		ch <- result{s, err}
	}()
	timer := time.NewTimer(b.timeout)
	defer timer.Stop()
	var r result
	select {
	case r = <-ch:
	case <-timer.C:
		r.err = fmt.Errorf("%w: %s did not answer within %s", ErrKeyringUnavailable, op, b.timeout)
	}
	if r.err == nil || errors.Is(r.err, ErrKeyNotFound) {
		return r.s, r.err
	}
	if !errors.Is(r.err, ErrKeyringUnavailable) {
		r.err = fmt.Errorf("%w: %s: %w", ErrKeyringUnavailable, op, r.err)
	}
	b.mu.Lock()
	b.down = r.err
	b.mu.Unlock()
	return "", r.err
}

func (b *boundedKeyring) get(user string) (string, error) {
	return b.call("reading the keyring", func() (string, error) { return b.k.Get(Service, user) })
}

func (b *boundedKeyring) set(user, secret string) error {
	_, err := b.call("writing the keyring", func() (string, error) { return "", b.k.Set(Service, user, secret) })
	return err
}

func (b *boundedKeyring) delete(user string) error {
	_, err := b.call("deleting from the keyring", func() (string, error) { return "", b.k.Delete(Service, user) })
	return err
}
