package sshserve

import (
	"bytes"
	"os"
	"time"
)

// watch reads the allow-list every WatchEvery. A file that parses
// replaces the list; a missing or empty one removes every key; one that
// does not parse is logged and the last good list kept. Sessions whose key
// is no longer listed are ended.
func (s *Server) watch() {
	t := time.NewTicker(s.cfg.WatchEvery)
	defer t.Stop()
	var last []byte
	for {
		select {
		case <-s.stop:
			return
		case <-t.C:
		}
		data, err := readAllowList(s.cfg.AllowList)
		if err == nil && bytes.Equal(data, last) {
			continue
		}
		last = data
		var list *AllowList
		switch {
		case os.IsNotExist(err):
			s.log().Warn("allow-list removed: every session ends")
			list = &AllowList{byFingerprint: map[string]Entry{}}
		case err != nil:
			s.log().Error("allow-list unreadable; keeping the last one", "err", err)
			continue
		default:
			l, perr := ParseAllowList(data)
			switch {
			case perr == ErrEmptyAllowList:
				list = &AllowList{byFingerprint: map[string]Entry{}}
			case perr != nil:
				s.log().Error("allow-list does not parse; keeping the last one", "err", perr)
				continue
			default:
				list = l
			}
		}
		s.apply(list)
	}
}

// apply installs a new allow-list and ends the sessions of removed keys.
func (s *Server) apply(list *AllowList) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.list = list
	for sess := range s.sessions {
		if _, ok := list.ByFingerprint(sess.Operator.Fingerprint); !ok {
			s.log().Info("key removed: ending its session", "operator", sess.Operator.Name, "session", sess.ID)
			sess.end(errKeyRemoved)
		}
	}
}
