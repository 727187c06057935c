package messages

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"imagine/api/sanitize"
	"imagine/internal/tuitest"
)

// markdownServer holds one conversation whose messages use markdown, from
// both sides, so bubbles render it (left for theirs, right-aligned for the
// operator's) and the list preview shows it as one plain line.
func markdownServer() *fakeServer {
	srv := newFakeServer()
	ada := agent("ada_bot", "Ada")
	srv.addConv("md", ada, 1,
		theirs("m1", ada, sanitize.Block("Release checklist for **v2.4**:\n- run `go test ./...`\n- tag it #release\n- tell @me"), 30*time.Minute),
		mine("m2", sanitize.Block("> tell @me\n\nDone: see [the notes](https://example.com/notes) and ~~ignore~~ *read* the code:\n\n```\ngo install imagine@latest\n```"), 20*time.Minute),
		theirs("m3", ada, sanitize.Block("## Thanks!\n\nhello &#27;]52;c;QUFB&#7; world"), 10*time.Minute))
	return srv
}

func TestGoldenMarkdownThread(t *testing.T) {
	for _, sz := range sizes() {
		t.Run(fmt.Sprintf("%dx%d", sz[0], sz[1]), func(t *testing.T) {
			hs := newHarness(t, sz[0], sz[1], markdownServer(), "")
			list := hs.m.View()
			checkFrame(t, list, sz[0], sz[1])
			if row := lineWith(ansi.Strip(list), "Thanks!"); !strings.Contains(row, "Thanks! hello &#27;]52;c;QUFB&#7; world") {
				t.Errorf("preview %q, want the last message as one plain line", row)
			}
			hs.keys("enter")
			thread := hs.m.View()
			checkFrame(t, thread, sz[0], sz[1])
			if !tuitest.CheckOnlySGR(t, thread) {
				return
			}
			v := ansi.Strip(thread)
			for _, gone := range []string{"**", "`go", "~~", "](https"} {
				if strings.Contains(v, gone) {
					t.Errorf("thread shows markdown marker %q", gone)
				}
			}
			mineRow := lineWith(v, "go install imagine@latest")
			if !strings.HasSuffix(strings.TrimRight(mineRow, " "), "│") {
				t.Errorf("the operator's code line %q is not right-aligned against its bar", mineRow)
			}
			golden.RequireEqual(t, []byte(ansi.Strip(list)+"\n"+strings.Repeat("=", sz[0])+"\n"+v))
		})
	}
}
