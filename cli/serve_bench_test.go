package cli

import (
	"context"
	"io"
	"os"
	"runtime"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/log/v2"
	"github.com/charmbracelet/colorprofile"

	"imagine/config"
)

// The numbers of issue 11 for `imagine serve`, measured on the real clock:
//
//   - BenchmarkServeIdleRequests: the API requests of 10 idle SSH sessions
//     against those of 1 over the same window, counted at the sandbox
//     (target: within 10 %). The window is 2 minutes; set
//     IMAGINE_SERVE_IDLE (a Go duration) for a shorter run. It also reports
//     the memory each extra idle session costs (target: under 15 MB): the
//     live heap after a GC with 10 sessions, less that with 1, over 9. The
//     SSH clients and their virtual screens live in the same process, so
//     this overstates the server's share.
//   - BenchmarkServeKeypress: keypress to frame, the time from writing a
//     key until the first byte of the frame it causes arrives, for the
//     program run locally (pipes) and over loopback SSH, in the same run
//     (target: SSH within 1.5 times local).
//
//	go test ./cli -run '^$' -bench 'Serve' -benchtime 1x
//	IMAGINE_SERVE_IDLE=30s go test ./cli -run '^$' -bench ServeIdle -benchtime 1x

// idleWindow is the measured idle window.
func idleWindow(b *testing.B) time.Duration {
	d := 2 * time.Minute
	if v := os.Getenv("IMAGINE_SERVE_IDLE"); v != "" {
		var err error
		if d, err = time.ParseDuration(v); err != nil {
			b.Fatalf("IMAGINE_SERVE_IDLE: %v", err)
		}
	}
	return d
}

// liveHeap is the heap in use after a full GC.
func liveHeap() uint64 {
	runtime.GC()
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.HeapInuse
}

func BenchmarkServeIdleRequests(b *testing.B) {
	window := idleWindow(b)
	for range b.N {
		r := newServeRig(b, serveRigOptions{pace: time.Millisecond})
		first := r.connect(b, "alice")
		first.waitFor(b, "Home feed", 10*time.Second)
		time.Sleep(2 * time.Second)
		heapOne := liveHeap()
		one := r.countRequests(window)

		// Nine more, at most three per key (the server's cap).
		r.addOperator(b, "carol", "viewer")
		r.addOperator(b, "dave", "operator")
		for _, name := range []string{"alice", "alice", "bob", "bob", "bob", "carol", "carol", "carol", "dave"} {
			s := r.connect(b, name)
			s.waitFor(b, "Home feed", 10*time.Second)
		}
		time.Sleep(2 * time.Second)
		heapTen := liveHeap()
		ten := r.countRequests(window)

		b.ReportMetric(float64(one), "req/1-session")
		b.ReportMetric(float64(ten), "req/10-sessions")
		b.ReportMetric(float64(ten)/float64(max(one, 1)), "ratio")
		b.ReportMetric(float64(int64(heapTen)-int64(heapOne))/9/(1<<20), "MB/extra-session")
		b.Logf("idle %s: 1 session %d requests, 10 sessions %d; heap %d → %d bytes", window, one, ten, heapOne, heapTen)
	}
}

// frameWriter counts a program's output and wakes a waiter at each write.
type frameWriter struct {
	mu   sync.Mutex
	n    int64
	wake chan struct{}
}

func (w *frameWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	w.n += int64(len(p))
	w.mu.Unlock()
	select {
	case w.wake <- struct{}{}:
	default:
	}
	return len(p), nil
}

// keypressToFrame times keys alternating j and k: each moves the Feed's
// selection, so each draws a frame; the program rests between keys.
func keypressToFrame(b *testing.B, press func(string), wake <-chan struct{}) {
	b.Helper()
	keys := []string{"j", "k"}
	b.ResetTimer()
	for i := range b.N {
		b.StopTimer()
		time.Sleep(100 * time.Millisecond)
		for len(wake) > 0 {
			<-wake
		}
		b.StartTimer()
		press(keys[i%2])
		select {
		case <-wake:
		case <-time.After(5 * time.Second):
			b.Fatal("no frame after a key press")
		}
	}
}

func BenchmarkServeKeypress(b *testing.B) {
	split := false
	cfg := config.Config{Theme: "dark", Split: &split}
	b.Run("local", func(b *testing.B) {
		r := newServeRig(b, serveRigOptions{})
		ctx, cancel := context.WithCancel(b.Context())
		defer cancel()
		m, err := buildModel(ctx, appDeps{client: r.app.client, cfg: cfg, logger: log.New(io.Discard)}, r.app.handle)
		if err != nil {
			b.Fatal(err)
		}
		inR, inW := io.Pipe()
		out := &frameWriter{wake: make(chan struct{}, 1)}
		p := tea.NewProgram(m, tea.WithContext(ctx), tea.WithInput(inR), tea.WithOutput(out),
			tea.WithWindowSize(120, 40), tea.WithColorProfile(colorprofile.TrueColor),
			tea.WithEnvironment([]string{"TERM=xterm-256color"}), tea.WithoutSignalHandler())
		go func() { _, _ = p.Run() }()
		defer p.Kill()
		deadline := time.Now().Add(10 * time.Second)
		for {
			out.mu.Lock()
			n := out.n
			out.mu.Unlock()
			if n > 4000 || time.Now().After(deadline) {
				break
			}
			time.Sleep(50 * time.Millisecond)
		}
		time.Sleep(time.Second)
		keypressToFrame(b, func(k string) { _, _ = inW.Write([]byte(k)) }, out.wake)
	})
	b.Run("ssh", func(b *testing.B) {
		r := newServeRig(b, serveRigOptions{})
		r.app.cfg = cfg
		s := r.connect(b, "alice")
		s.waitFor(b, "Home feed", 10*time.Second)
		time.Sleep(time.Second)
		keypressToFrame(b, func(k string) { s.press(b, k) }, s.wake)
	})
}
