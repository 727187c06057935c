package termcost

import (
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	tea "charm.land/bubbletea/v2"
)

// childEnv makes the test binary run the wide list on its terminal instead
// of the tests, so tmux can host it (TestWideRowsInTmux).
const childEnv = "TERMCOST_WIDELIST_CHILD"

func TestMain(m *testing.M) {
	if os.Getenv(childEnv) == "1" {
		if _, err := tea.NewProgram(newWideList(120)).Run(); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// TestWideRowsInTmux runs the list of emoji, flag, ZWJ and CJK rows inside
// a real tmux (ultraviolet issue #164: rows duplicated and displaced with
// emoji under tmux) and checks every row after each key: the right row in
// the right place, with the selection mark where it belongs. tmux measures
// some clusters (ZWJ sequences) wider than the program does, so each row is
// compared up to its first non-ASCII character, which is where the two may
// start to disagree; that is enough to see a duplicated or displaced row.
func TestWideRowsInTmux(t *testing.T) {
	tmux, err := exec.LookPath("tmux")
	if err != nil {
		t.Skip("tmux is not installed here; the same frames are checked on a virtual terminal by TestWideRowsStayCorrectOnScreen")
	}
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	const w, h = 80, 16
	sock := fmt.Sprintf("termcost-%d", os.Getpid())
	run := func(args ...string) string {
		out, err := exec.Command(tmux, append([]string{"-L", sock, "-f", "/dev/null"}, args...)...).CombinedOutput()
		if err != nil {
			t.Fatalf("tmux %v: %v\n%s", args, err, out)
		}
		return string(out)
	}
	run("new-session", "-d", "-s", "w", "-x", fmt.Sprint(w), "-y", fmt.Sprint(h),
		"env", childEnv+"=1", "TERM=tmux-256color", exe, "-test.run=^$")
	t.Cleanup(func() { _ = exec.Command(tmux, "-L", sock, "kill-server").Run() })

	ref := newWideList(120)
	ref.Update(tea.WindowSizeMsg{Width: w, Height: h})
	capture := func(want string) []string {
		deadline := time.Now().Add(5 * time.Second)
		var lines []string
		for time.Now().Before(deadline) {
			lines = strings.Split(strings.TrimRight(run("capture-pane", "-p", "-t", "w"), "\n"), "\n")
			if strings.Contains(strings.Join(lines, "\n"), want) {
				time.Sleep(50 * time.Millisecond) // the rest of the frame
				return strings.Split(strings.TrimRight(run("capture-pane", "-p", "-t", "w"), "\n"), "\n")
			}
			time.Sleep(20 * time.Millisecond)
		}
		t.Fatalf("tmux never showed %q; it shows:\n%s", want, strings.Join(lines, "\n"))
		return nil
	}
	status := func() string { return fmt.Sprintf("row %d of %d", ref.cur+1, len(ref.rows)) }
	check := func(step string) {
		t.Helper()
		got := capture(status())
		exp := strings.Split(strings.TrimRight(expected(ref.lines()), "\n"), "\n")
		for i, e := range exp {
			g := ""
			if i < len(got) {
				g = got[i]
			}
			p := asciiPrefix(e)
			if !strings.HasPrefix(g, p) {
				t.Fatalf("%s: row %d shows %q, want it to start with %q; screen:\n%s", step, i, g, p, strings.Join(got, "\n"))
			}
		}
	}
	check("start")
	for i, k := range strings.Split("j j j e j f j k k e b j f f e j j j j j j j j j b e f", " ") {
		run("send-keys", "-t", "w", k)
		ref.Update(press(k))
		check(fmt.Sprintf("key %d (%s)", i, k))
	}
}

// asciiPrefix is s up to its first character beyond ASCII, the selection
// mark excepted (it is one column everywhere).
func asciiPrefix(s string) string {
	for i, r := range s {
		if r >= utf8.RuneSelf && r != '▌' {
			return s[:i]
		}
	}
	return s
}
