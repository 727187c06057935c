package composer

import (
	"slices"
	"strings"
	"testing"
	"time"

	"imagine/api"
	"imagine/internal/tuitest"
	"imagine/keymap"
	"imagine/theme"
)

// filesComposer is a composer for an order message taking up to n
// attachments of any kind, with fake uploads, opened.
func filesComposer(t *testing.T, startDir string, up *fakeUploads, n int) (*Model, *loop) {
	t.Helper()
	m := New(Options{
		ID: "test", Keys: keymap.Default(), Styles: theme.New(true, false), Debounce: time.Millisecond,
		Context: t.Context(), Uploads: up, StartDir: startDir, ProgressEvery: time.Millisecond,
	})
	m.SetSize(80, 24)
	l := &loop{tuitest.NewLoop(t, m.Update)}
	l.Run(m.Open(Request{Key: "order-o1", Title: "Message on the order", Limit: api.MaxOrderMessageRunes, Files: n}))
	l.Settle()
	return m, l
}

func TestAnOrderMessageTakesImagesAndVideosMixedAndSendsTheirAddresses(t *testing.T) {
	files := t.TempDir()
	up := newFakeUploads()
	m, l := filesComposer(t, files, up, 3)
	for _, f := range []struct{ name, format string }{{"draft.png", "png"}, {"cut.mp4", "mp4"}, {"final.jpg", "jpeg"}} {
		l.attach(m, writeFile(t, files, f.name, head(f.format), 1000))
		l.Settle()
		if m.Problem() != "" {
			t.Fatalf("attaching %s: %q", f.name, m.Problem())
		}
	}
	l.attach(m, writeFile(t, files, "extra.png", head("png"), 1000))
	l.Settle()
	if m.Attachments() != 3 || m.Problem() != "a message takes at most 3 attachments" {
		t.Errorf("a fourth file: %d attachments, problem %q", m.Attachments(), m.Problem())
	}
	if v := plainView(m); !strings.Contains(v, "Attachments · 3 of 3") {
		t.Errorf("the attachment block does not count to 3:\n%s", v)
	}
	for _, k := range []string{"h", "e", "r", "e"} {
		l.Press(k)
	}
	l.Press("ctrl+s")
	l.Until("the message is sent", func() bool { return len(l.sent()) > 0 })
	got := l.sent()[0]
	want := []string{"https://api.example/media/med_1", "https://api.example/media/med_2", "https://api.example/media/med_3"}
	if got.Text != "here" || !slices.Equal(got.MediaURLs, want) || got.MediaIDs != nil || got.MediaType != "" {
		t.Errorf("SendMsg = %+v, want the text with the three addresses only", got)
	}
}
