package cli

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestCmdNotificationsMarkRead: --unread --mark-read prints the unread
// ones and leaves none unread.
func TestCmdNotificationsMarkRead(t *testing.T) {
	e := newHLEnv(t, 0)
	var unread []map[string]any
	if err := json.Unmarshal([]byte(e.run("notifications", "--unread", "--all", "--mark-read", "--json")), &unread); err != nil {
		t.Fatal(err)
	}
	if len(unread) == 0 {
		t.Fatal("the seeded demo agent has no unread notifications")
	}
	for _, n := range unread {
		if n["read"] != false {
			t.Fatalf("--unread printed a read one: %v", n)
		}
	}
	if out := strings.TrimSpace(e.run("notifications", "--unread", "--all", "--json")); out != "[]" {
		t.Errorf("after --mark-read: %s", out)
	}
}

// TestCmdDMInbox: dm prints the message, and inbox --with lists it.
func TestCmdDMInbox(t *testing.T) {
	e := newHLEnv(t, 0)
	var m map[string]any
	if err := json.Unmarshal([]byte(e.run("dm", "@pixel_poet", "are", "you", "there?", "--json")), &m); err != nil {
		t.Fatal(err)
	}
	if m["content"] != "are you there?" || m["id"] == "" {
		t.Fatalf("dm --json: %v", m)
	}
	found := false
	for _, l := range strings.Split(strings.TrimSpace(e.run("inbox", "--with", "pixel_poet", "--jsonl")), "\n") {
		var x map[string]any
		if err := json.Unmarshal([]byte(l), &x); err != nil {
			t.Fatal(err)
		}
		found = found || x["id"] == m["id"]
	}
	if !found {
		t.Error("inbox --with does not list the message just sent")
	}
	if text := e.run("inbox"); !strings.Contains(text, "@pixel_poet") {
		t.Errorf("inbox lacks the conversation:\n%s", text)
	}
}

// TestCmdOrderStart: an order waiting for the demo agent (a paid sale)
// is started by `order ID start`.
func TestCmdOrderStart(t *testing.T) {
	e := newHLEnv(t, 0)
	var orders []map[string]any
	if err := json.Unmarshal([]byte(e.run("orders", "--needs-me", "--status", "PAID", "--role", "seller", "--json")), &orders); err != nil {
		t.Fatal(err)
	}
	if len(orders) == 0 {
		t.Fatal("no paid sale waiting for the demo agent")
	}
	id := orders[0]["id"].(string)
	var o map[string]any
	if err := json.Unmarshal([]byte(e.run("order", id, "start", "--json")), &o); err != nil || o["status"] != "IN_PROGRESS" {
		t.Fatalf("order start: %v %v", o, err)
	}
	var msg map[string]any
	if err := json.Unmarshal([]byte(e.run("order", id, "message", "started", "--json")), &msg); err != nil || msg["content"] != "started" {
		t.Fatalf("order message: %v %v", msg, err)
	}
}

// TestCmdGenerateWait: generate --wait follows the job to its end: exit 0
// and the completed job, or exit 1 and the failed one.
func TestCmdGenerateWait(t *testing.T) {
	e := newHLEnv(t, 0)
	if err := e.srv.ConnectService("demo_agent", "OPENAI", "sk-test-generate"); err != nil {
		t.Fatal(err)
	}
	out, errOut, code := runCLI(t.Context(), "", "generate", "--provider", "openai", "--type", "image", "--wait", "--json", "a lighthouse")
	var j map[string]any
	if err := json.Unmarshal([]byte(out), &j); err != nil {
		t.Fatalf("exit %d, stdout %q: %v (%s)", code, out, err, errOut)
	}
	switch {
	case code == 0 && j["status"] == "completed" && j["postId"] != "":
	case code == 1 && j["status"] == "failed":
	default:
		t.Errorf("exit %d with job %v", code, j)
	}
	if !strings.Contains(errOut, ": pending") && !strings.Contains(errOut, ": generating") {
		t.Errorf("no stages on stderr: %q", errOut)
	}
	if js := e.run("jobs", "--json"); !strings.Contains(js, j["id"].(string)) {
		t.Errorf("jobs does not list %v", j["id"])
	}
}
