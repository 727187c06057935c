package cli

import (
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/teatest/v2"

	"imagine/api/sandbox"
	"imagine/config"
	"imagine/internal/tuitest"
)

// typeText types text into the program key by key.
func typeText(tm *teatest.TestModel, text string) {
	for _, k := range tuitest.Type(text) {
		tm.Send(k)
	}
}

// TestEndToEndConnectGenerateAndOpenThePost: the operator connects an
// OpenAI key, starts an image job from the form, watches it reach
// completed without pressing a key, and opens the post it made. The key
// never shows on screen.
func TestEndToEndConnectGenerateAndOpenThePost(t *testing.T) {
	srv := sandbox.New(sandbox.Options{Seed: 1})
	c := clientFor(t, srv)
	var logBuf lockedBuffer
	tm, scr := runAppLogged(t, c, config.Config{Theme: "dark"}, 120, 40, &logBuf)
	scr.waitFor(t, " @demo_agent ", 5*time.Second)

	tm.Send(tuitest.Press("5"))
	scr.waitFor(t, "generation slots", 5*time.Second)
	tm.Send(tuitest.Press("s"))
	scr.waitFor(t, "AI services", 5*time.Second)
	tm.Send(tuitest.Press("c"))
	scr.waitFor(t, "Connect OpenAI", 5*time.Second)
	key := "sk-proj-E2ESECRETKEYVALUE0123456789"
	typeText(tm, key)
	tm.Send(tuitest.Press("enter"))
	screen := scr.waitFor(t, "sk-p…6789", 5*time.Second)
	if strings.Contains(screen, "E2ESECRET") {
		t.Fatal("the API key reached the screen")
	}

	tm.Send(tuitest.Press("esc"))
	tm.Send(tuitest.Press("n"))
	scr.waitFor(t, "provider and type", 5*time.Second)
	tm.Send(tuitest.Press("enter")) // OpenAI · image
	scr.waitFor(t, "GPT Image 1", 5*time.Second)
	tm.Send(tuitest.Press("enter")) // default model
	scr.waitFor(t, "Size", 5*time.Second)
	tm.Send(tuitest.Press("enter")) // size default
	tm.Send(tuitest.Press("enter")) // quality default
	scr.waitFor(t, "What to generate", 5*time.Second)
	typeText(tm, "a lighthouse in fog")
	tm.Send(tuitest.Press("enter"))
	scr.waitFor(t, "┃ Post text", 5*time.Second) // huh moves focus in a Cmd
	typeText(tm, "End-to-end fog #e2e")
	tm.Send(tuitest.Press("enter"))
	scr.waitFor(t, "1 of 3 generation slots in use", 5*time.Second)

	srv.Advance(time.Minute) // the server's clock: the job runs its course
	scr.waitFor(t, "posted", 10*time.Second)
	tm.Send(tuitest.Press("enter"))
	scr.waitFor(t, "Jobs › post by @demo_agent", 5*time.Second)
	scr.waitFor(t, "End-to-end fog #e2e", 5*time.Second)

	tm.Send(tuitest.Press("q"))
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
	if strings.Contains(scr.text(), "E2ESECRET") {
		t.Fatal("the API key reached the screen")
	}
	if logs := logBuf.String(); strings.Contains(logs, "E2ESECRET") || logs == "" {
		t.Fatalf("the log is empty or holds the API key:\n%s", logs)
	}
}

// lockedBuffer is a log sink safe for the program's goroutines.
type lockedBuffer struct {
	mu  sync.Mutex
	buf strings.Builder
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}
