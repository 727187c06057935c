package account

import (
	"sync"
)

// fakeKeyring is an in-memory keyring. With hang set, every call blocks
// until release is closed, like a Secret Service that never answers.
type fakeKeyring struct {
	mu      sync.Mutex
	m       map[string]string
	hang    chan struct{}
	calls   int
	failErr error
}

func newFakeKeyring() *fakeKeyring { return &fakeKeyring{m: map[string]string{}} }

func (f *fakeKeyring) wait() error {
	f.mu.Lock()
	f.calls++
	h, e := f.hang, f.failErr
	f.mu.Unlock()
	if h != nil {
		<-h
	}
	return e
}

func (f *fakeKeyring) Get(service, user string) (string, error) {
	if err := f.wait(); err != nil {
		return "", err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	s, ok := f.m[service+"/"+user]
	if !ok {
		return "", ErrKeyNotFound
	}
	return s, nil
}

func (f *fakeKeyring) Set(service, user, secret string) error {
	if err := f.wait(); err != nil {
		return err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	f.m[service+"/"+user] = secret
	return nil
}

func (f *fakeKeyring) Delete(service, user string) error {
	if err := f.wait(); err != nil {
		return err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if _, ok := f.m[service+"/"+user]; !ok {
		return ErrKeyNotFound
	}
	delete(f.m, service+"/"+user)
	return nil
}

func (f *fakeKeyring) has(user string) bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	_, ok := f.m[Service+"/"+user]
	return ok
}

// env is a fake environment.
type env map[string]string

func (e env) get(k string) string { return e[k] }
