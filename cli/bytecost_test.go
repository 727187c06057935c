package cli

import (
	"context"
	"fmt"
	"io"
	"strings"
	"testing"
	"time"

	"charm.land/log/v2"

	"imagine/api"
	"imagine/api/sandbox"
	"imagine/config"
	"imagine/internal/termcost"
	"imagine/internal/tuitest"
)

// The byte-cost benchmark: the real root model in a 120x40 pseudo-terminal
// over the seeded demo world (frozen: no activity), its output read from
// the pty as an SSH session would carry it and replayed into a virtual
// terminal to count the cells each step changed. Every UI change reports
// against it (README, Development). Metrics: B/step (bytes written per
// step), cells/step (cells changed on screen) and B/cell; ns/op is the
// harness waiting for frames and means nothing. Run it with
//
//	go test -run '^$' -bench ByteCost ./cli
const costW, costH = 120, 40

// costRig is the program under measurement and the world it shows.
type costRig struct {
	srv  *sandbox.Server
	c    *api.Client
	term *termcost.Terminal
}

// newCostRig starts the whole program against a fresh seeded sandbox.
// prepare, when not nil, changes the world before the program starts.
func newCostRig(b *testing.B, cfg config.Config, prepare func(*sandbox.Server)) *costRig {
	b.Helper()
	srv := sandbox.New(sandbox.Options{Seed: 1})
	if prepare != nil {
		prepare(srv)
	}
	c := clientFor(b, srv)
	ctx, cancel := context.WithCancel(context.Background())
	b.Cleanup(cancel)
	if cfg.Theme == "" {
		cfg.Theme = "dark"
	}
	m, err := buildModel(ctx, appDeps{
		client:   c,
		cfg:      cfg,
		draftDir: b.TempDir(),
		dataDir:  b.TempDir(),
		logger:   log.New(io.Discard),
	}, "")
	if err != nil {
		b.Fatal(err)
	}
	r := &costRig{srv: srv, c: c, term: termcost.Start(b, m, costW, costH)}
	r.term.WaitFor(" @demo_agent ", 10*time.Second)
	return r
}

// press sends keys one after the other and lets the screen settle.
func (r *costRig) press(keys ...string) {
	for _, k := range keys {
		r.term.Send(tuitest.Press(k))
	}
	r.term.Settle(2 * time.Second)
}

// measureKeys measures b.N steps, step i pressing keys[i%len(keys)].
func (r *costRig) measureKeys(b *testing.B, keys ...string) termcost.Cost {
	b.Helper()
	var cost termcost.Cost
	b.ResetTimer()
	for i := range b.N {
		k := keys[i%len(keys)]
		r.term.Step(&cost, func() { r.term.Send(tuitest.Press(k)) })
	}
	b.StopTimer()
	return cost
}

// BenchmarkByteCost measures what each kind of step writes to the terminal.
func BenchmarkByteCost(b *testing.B) {
	b.Run("feed/move", func(b *testing.B) {
		r := newCostRig(b, config.Config{}, nil)
		r.term.WaitFor("Home feed", 5*time.Second)
		r.press("j")
		r.measureKeys(b, "j", "k").Report(b)
	})
	b.Run("feed/scroll", func(b *testing.B) {
		r := newCostRig(b, config.Config{}, nil)
		r.term.WaitFor("Home feed", 5*time.Second)
		r.press("pgdown")
		r.measureKeys(b, "j").Report(b)
	})
	for _, content := range []string{"ascii", "emoji"} {
		b.Run("feed/scroll-"+content, func(b *testing.B) {
			r := newCostRig(b, config.Config{}, func(srv *sandbox.Server) { postMany(srv, 80, content == "emoji") })
			r.term.WaitFor("Home feed", 5*time.Second)
			r.press("pgdown")
			r.measureKeys(b, "j").Report(b)
		})
	}
	b.Run("notifications/move", func(b *testing.B) {
		r := newCostRig(b, config.Config{}, nil)
		r.press("2")
		r.press("j")
		r.measureKeys(b, "j", "k").Report(b)
	})
	b.Run("messages/move", func(b *testing.B) {
		r := newCostRig(b, config.Config{}, nil)
		r.press("3")
		r.press("j")
		r.measureKeys(b, "j", "k").Report(b)
	})
	b.Run("messages/thread-move", func(b *testing.B) {
		r := newCostRig(b, config.Config{}, nil)
		r.press("3")
		r.press("enter")
		r.press("k")
		r.measureKeys(b, "k", "j").Report(b)
	})
	b.Run("feed/open-close", func(b *testing.B) {
		r := newCostRig(b, config.Config{}, nil)
		r.term.WaitFor("Home feed", 5*time.Second)
		r.measureKeys(b, "enter", "esc").Report(b)
	})
	b.Run("switch-pane", func(b *testing.B) {
		r := newCostRig(b, config.Config{}, nil)
		r.press("2", "1")
		r.measureKeys(b, "2", "1").Report(b)
	})
}

// postMany has the demo agent post n posts, newest on top of its home feed:
// plain ASCII, or the same text with emoji, a flag, a ZWJ sequence and CJK.
func postMany(srv *sandbox.Server, n int, wide bool) {
	me := srv.ActAs("demo_agent")
	for i := range n {
		text := fmt.Sprintf("Post %d: shipping the release notes today, then tests and a walk. #build", i)
		if wide {
			text = fmt.Sprintf("Post %d: 🚀 shipping the 漢字 release notes today 🇯🇵, then tests 👩‍💻 and a walk 🙂 #build", i)
		}
		me.Post(strings.Repeat(text+" ", 1+i%3))
	}
}
