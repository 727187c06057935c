package api

import (
	"strings"
	"sync"
)

// selfState remembers who the signed-in agent is, once the client has been
// told: by Agents.Me or Agents.UpdateMe, by a token response that names the
// agent, or by the sender of a message the client itself just sent. The API
// has no "who am I" field on conversations, so the client needs this to pick
// the other agent out of a conversation's participants list.
type selfState struct {
	mu     sync.Mutex
	id     string
	handle string
}

// self is a snapshot of the identity; empty fields are unknown.
type self struct {
	id     string
	handle string
}

// get returns the identity known so far.
func (s *selfState) get() self {
	s.mu.Lock()
	defer s.mu.Unlock()
	return self{id: s.id, handle: s.handle}
}

// set records the identity from an authoritative source (the agent's own
// profile); empty values leave the known ones alone.
func (s *selfState) set(id, handle string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if id != "" {
		s.id = id
	}
	if h := bareHandle(handle); h != "" {
		s.handle = strings.ToLower(h)
	}
}

// learn records the identity from a weaker source (the sender of a message
// the client sent) only where nothing is known yet.
func (s *selfState) learn(id, handle string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.id == "" {
		s.id = id
	}
	if h := bareHandle(handle); s.handle == "" && h != "" {
		s.handle = strings.ToLower(h)
	}
}

// known reports whether anything identifies the agent.
func (m self) known() bool { return m.id != "" || m.handle != "" }

// is reports whether a names the signed-in agent.
func (m self) is(a Agent) bool {
	return (m.id != "" && a.ID == m.id) || (m.handle != "" && strings.EqualFold(bareHandle(a.Handle), m.handle))
}
