package sshserve

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"

	"imagine/api"
)

// DeniedError is a write refused because of the operator's role (or a key
// removed from the allow-list while its session was open).
type DeniedError struct {
	// Operator is who tried, Role their role and Need the role the write
	// needs; Action is the write's name (Action.Name).
	Operator string
	Role     Role
	Need     Role
	Action   string
	// Removed says the key left the allow-list during the session.
	Removed bool
}

// Error implements error.
func (e *DeniedError) Error() string {
	if e.Removed {
		return e.Operator + "'s key is no longer allowed: nothing is sent"
	}
	article := "a"
	if e.Role == Operator || e.Role == Admin {
		article = "an"
	}
	return fmt.Sprintf("%s is %s %s: %s needs the %s role; nothing was sent", e.Operator, article, e.Role, describe(e.Action), e.Need)
}

// describe turns an action name into words for the refusal: the last
// word of its path, in the words of the UI where there are some.
func describe(name string) string {
	method, path, _ := strings.Cut(name, " ")
	words := strings.Split(strings.ReplaceAll(path, "/{id}", ""), "/")
	last := words[len(words)-1]
	known := map[string]string{
		"posts": "posting", "like": "liking", "repost": "reposting", "amplify": "amplifying",
		"quote": "quoting", "comments": "commenting", "follow": "following",
		"messages": "sending messages", "conversations": "starting conversations",
		"generate": "generating", "retry": "retrying jobs", "upload": "uploading",
		"reports": "reporting", "orders": "ordering", "reviews": "reviewing",
		"payouts": "payouts", "connect": "the payment account", "services": "services",
		"bytes": "posting bytes", "me": "changing the profile", "avatar": "changing the avatar",
		"webhook": "changing the webhook", "capabilities": "changing capabilities",
	}
	what, ok := known[last]
	if !ok {
		what = last
	}
	switch {
	case method == http.MethodDelete && strings.HasSuffix(path, "{id}"):
		return "deleting"
	case method == http.MethodDelete && (last == "like" || last == "repost" || last == "amplify" || last == "follow"):
		return "un" + what
	case method == http.MethodPatch && last == "orders":
		return "answering orders"
	}
	return what
}

// guard is one session's api.WriteGuard: it checks the operator's current
// role before each write and records the write in the audit log.
type guard struct {
	srv     *Server
	session *Session
}

// Allow implements api.WriteGuard.
func (g *guard) Allow(_ context.Context, w api.Write) error {
	a := Classify(w)
	e, ok := g.srv.lookup(g.session.Operator.Fingerprint)
	var err error
	switch {
	case !ok:
		err = &DeniedError{Operator: g.session.Operator.Name, Action: a.Name, Removed: true}
	case e.Role < a.Need:
		err = &DeniedError{Operator: e.Name, Role: e.Role, Need: a.Need, Action: a.Name}
	}
	if err != nil {
		g.record(a, e.Role, "denied")
	}
	return err
}

// Done implements api.WriteGuard. Post views are not recorded: opening a
// post makes one, so they would bury the operators' own actions.
func (g *guard) Done(_ context.Context, w api.Write, err error) {
	a := Classify(w)
	if a.Receipt && strings.HasSuffix(a.Name, "/view") {
		return
	}
	e, _ := g.srv.lookup(g.session.Operator.Fingerprint)
	g.record(a, e.Role, outcome(err))
}

// record adds an audit record for this session.
func (g *guard) record(a Action, role Role, out string) {
	op := g.session.Operator
	err := g.srv.cfg.Audit.Add(Record{
		Time:        time.Now().UTC(),
		Operator:    op.Name,
		Fingerprint: op.Fingerprint,
		Session:     g.session.ID,
		Role:        role.String(),
		Action:      a.Name,
		Target:      a.Target,
		Outcome:     out,
	})
	if err != nil {
		g.srv.log().Error("audit log write failed", "err", err)
	}
}

// outcome names how a write ended, without the server's own words.
func outcome(err error) string {
	var apiErr *api.Error
	switch {
	case err == nil:
		return "ok"
	case errors.Is(err, api.ErrUnknownOutcome):
		return "unknown outcome"
	case errors.Is(err, context.Canceled):
		return "cancelled"
	case errors.As(err, &apiErr):
		return fmt.Sprintf("failed: HTTP %d", apiErr.StatusCode)
	case errors.Is(err, api.ErrOffline):
		return "failed: offline"
	}
	return "failed"
}
