package sshserve

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"imagine/api"
)

func TestClassify(t *testing.T) {
	for _, c := range []struct {
		method, path, name, target string
		need                       Role
	}{
		{"POST", "/api/posts", "POST /api/posts", "", Operator},
		{"POST", "/api/posts/p1/like", "POST /api/posts/{id}/like", "p1", Operator},
		{"DELETE", "/api/posts/p1/like", "DELETE /api/posts/{id}/like", "p1", Operator},
		{"DELETE", "/api/posts/p1", "DELETE /api/posts/{id}", "p1", Admin},
		{"DELETE", "/api/posts/p1/comments/c2", "DELETE /api/posts/{id}/comments/{id}", "p1/c2", Admin},
		{"POST", "/api/agents/bob/follow", "POST /api/agents/{id}/follow", "bob", Operator},
		{"DELETE", "/api/agents/bob/follow", "DELETE /api/agents/{id}/follow", "bob", Operator},
		{"POST", "/api/conversations/c1/messages", "POST /api/conversations/{id}/messages", "c1", Operator},
		{"POST", "/api/conversations/c1/read", "POST /api/conversations/{id}/read", "c1", Viewer},
		{"POST", "/api/notifications/read", "POST /api/notifications/read", "", Viewer},
		{"POST", "/api/posts/p1/view", "POST /api/posts/{id}/view", "p1", Viewer},
		{"POST", "/api/marketplace/orders", "POST /api/marketplace/orders", "", Admin},
		{"PATCH", "/api/marketplace/orders/o1", "PATCH /api/marketplace/orders/{id}", "o1", Admin},
		{"POST", "/api/marketplace/orders/o1/messages", "POST /api/marketplace/orders/{id}/messages", "o1", Operator},
		{"POST", "/api/marketplace/payouts", "POST /api/marketplace/payouts", "", Admin},
		{"PATCH", "/api/agents/me", "PATCH /api/agents/me", "", Admin},
		{"DELETE", "/api/agents/me/webhook", "DELETE /api/agents/me/webhook", "", Admin},
		{"POST", "/api/settings/services", "POST /api/settings/services", "", Admin},
		{"POST", "/api/generate", "POST /api/generate", "", Operator},
	} {
		a := Classify(api.Write{Method: c.method, Path: c.path})
		if a.Name != c.name || a.Target != c.target || a.Need != c.need {
			t.Errorf("%s %s: got %+v, want %s %q %s", c.method, c.path, a, c.name, c.target, c.need)
		}
	}
}

// S11 (policy half): a viewer's post is refused and recorded as denied;
// an operator's is allowed and recorded with its outcome; the log file is
// 0600 and is read back by the next OpenAudit.
func TestGuardRolesAndAudit(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "audit.log")
	audit, err := OpenAudit(path)
	if err != nil {
		t.Fatal(err)
	}
	bob := newOperatorKey(t, "viewer", "bob")
	alice := newOperatorKey(t, "operator", "alice")
	list, err := ParseAllowList([]byte(bob.line + "\n" + alice.line + "\n"))
	if err != nil {
		t.Fatal(err)
	}
	srv := &Server{cfg: Config{Audit: audit}, list: list}
	guardOf := func(k operatorKey) *guard {
		e, _ := list.Lookup(k.signer.PublicKey())
		return &guard{srv: srv, session: &Session{ID: "s-" + e.Name, Operator: e}}
	}
	post := api.Write{Method: "POST", Path: "/api/posts"}
	ctx := context.Background()

	err = guardOf(bob).Allow(ctx, post)
	var denied *DeniedError
	if !errors.As(err, &denied) || !strings.Contains(err.Error(), "bob is a viewer") {
		t.Fatalf("viewer's post: %v", err)
	}
	g := guardOf(alice)
	if err := g.Allow(ctx, post); err != nil {
		t.Fatalf("operator's post: %v", err)
	}
	g.Done(ctx, post, nil)
	g.Done(ctx, api.Write{Method: "POST", Path: "/api/posts/p1/view"}, nil) // not recorded
	if err := g.Allow(ctx, api.Write{Method: "DELETE", Path: "/api/posts/p1"}); err == nil {
		t.Errorf("an operator deleted a post")
	}
	recs, _ := audit.Recent()
	want := []string{"bob POST /api/posts denied", "alice POST /api/posts ok", "alice DELETE /api/posts/{id} denied"}
	if len(recs) != len(want) {
		t.Fatalf("records %+v, want %v", recs, want)
	}
	for i, r := range recs {
		if got := r.Operator + " " + r.Action + " " + r.Outcome; got != want[i] || r.Fingerprint == "" || r.Session == "" {
			t.Errorf("record %d: %q (%+v), want %q", i, got, r, want[i])
		}
	}
	_ = audit.Close()
	fi, _ := os.Stat(path)
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("audit log mode %v", fi.Mode().Perm())
	}
	again, err := OpenAudit(path)
	if err != nil {
		t.Fatal(err)
	}
	defer again.Close()
	if recs, _ := again.Recent(); len(recs) != 3 {
		t.Errorf("reopened log has %d records, want 3", len(recs))
	}
}

func TestAllowListRejectsTyposAndUnknownRoles(t *testing.T) {
	k := newOperatorKey(t, "", "carol")
	l, err := ParseAllowList([]byte(k.line))
	if err != nil {
		t.Fatal(err)
	}
	if e, _ := l.Lookup(k.signer.PublicKey()); e.Role != Viewer || e.Name != "carol" {
		t.Errorf("a line without a role: %+v, want viewer carol", e)
	}
	if _, err := ParseAllowList([]byte("role=root " + k.line)); err == nil {
		t.Errorf("role=root accepted")
	}
	if _, err := ParseAllowList([]byte("ssh-ed25519 AAAAnotakey alice")); err == nil {
		t.Errorf("a broken key accepted")
	}
}

// TestAllowListRefusesAKeyTwice: the same key on two lines, whatever the
// roles, is refused naming both lines; the last line does not win.
func TestAllowListRefusesAKeyTwice(t *testing.T) {
	k := newOperatorKey(t, "", "bob")
	_, err := ParseAllowList([]byte("role=viewer " + k.line + "\nrole=admin " + k.line))
	if err == nil || !strings.Contains(err.Error(), "line 2: the key of line 1 again") {
		t.Errorf("a key listed twice: %v", err)
	}
}

// TestAllowListWritableByOthersIsRefused: whoever can write the file can
// make themselves an admin, so a group- or world-writable one is refused,
// as OpenSSH's StrictModes does.
func TestAllowListWritableByOthersIsRefused(t *testing.T) {
	k := newOperatorKey(t, "", "carol")
	path := filepath.Join(t.TempDir(), "authorized_keys")
	if err := os.WriteFile(path, []byte(k.line+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := LoadAllowList(path); err != nil {
		t.Fatalf("a private allow-list: %v", err)
	}
	if err := os.Chmod(path, 0o666); err != nil {
		t.Fatal(err)
	}
	if _, err := LoadAllowList(path); err == nil || !strings.Contains(err.Error(), "writable by others") {
		t.Errorf("a world-writable allow-list: %v", err)
	}
}

func TestRefusalWords(t *testing.T) {
	for _, c := range []struct{ method, path, want string }{
		{"POST", "/api/posts/p1/like", "alice is a viewer: liking needs the operator role"},
		{"DELETE", "/api/posts/p1/like", "alice is a viewer: unliking needs the operator role"},
		{"POST", "/api/posts", "alice is a viewer: posting needs the operator role"},
		{"DELETE", "/api/posts/p1", "alice is a viewer: deleting needs the admin role"},
		{"PATCH", "/api/marketplace/orders/o1", "alice is a viewer: answering orders needs the admin role"},
	} {
		a := Classify(api.Write{Method: c.method, Path: c.path})
		err := &DeniedError{Operator: "alice", Role: Viewer, Need: a.Need, Action: a.Name}
		if !strings.HasPrefix(err.Error(), c.want) {
			t.Errorf("%s %s: %q, want %q…", c.method, c.path, err.Error(), c.want)
		}
	}
}

func TestRefusalArticle(t *testing.T) {
	err := &DeniedError{Operator: "alice", Role: Operator, Need: Admin, Action: "DELETE /api/posts/{id}"}
	if !strings.HasPrefix(err.Error(), "alice is an operator: deleting needs the admin role") {
		t.Errorf("%q", err.Error())
	}
}
