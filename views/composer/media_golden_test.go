package composer

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"imagine/api"
	"imagine/internal/tuitest"
)

// TestGoldenComposerWithAttachments snapshots a new post with two
// attachments, one done and one uploading at 40 %. Regenerate with -update.
func TestGoldenComposerWithAttachments(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {160, 48}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			files := t.TempDir()
			up := newFakeUploads()
			release := up.hold("harbour-at-dusk.jpg", 2<<20*4/10, 2<<20)
			defer release()
			m, l := mediaComposer(t, "", files, up)
			m.SetSize(size[0], size[1])
			m.ta.InsertString("Two shots from this morning's #release walk, @bob.")
			m.changed()
			l.attach(m, writeFile(t, files, "cat.png", head("png"), 312<<10))
			l.Until("cat.png is uploaded", func() bool { return strings.Contains(plainView(m), "✓ uploaded") })
			l.attach(m, writeFile(t, files, "harbour-at-dusk.jpg", head("jpeg"), 2<<20))
			l.Until("the second is at 40 %", func() bool { return strings.Contains(plainView(m), " 40%") })
			view := m.View()
			tuitest.CheckFrame(t, view, size[0], size[1])
			golden.RequireEqual(t, []byte(ansi.Strip(view)))
		})
	}
}

// TestGoldenFilePicker snapshots the path input over a directory with
// images, a video, a folder, other files (hidden) and a file whose name
// holds an escape sequence (left out).
func TestGoldenFilePicker(t *testing.T) {
	files := t.TempDir()
	writeFile(t, files, "cat.png", head("png"), 2048)
	writeFile(t, files, "car.jpg", head("jpeg"), 3<<20)
	writeFile(t, files, "clip.mp4", head("mp4"), 9<<20)
	writeFile(t, files, "notes.txt", head("text"), 0)
	writeFile(t, files, ".hidden.png", head("png"), 10)
	writeFile(t, files, "evil\x1b]0;pwned\x07.png", head("png"), 10)
	if err := os.Mkdir(filepath.Join(files, "holiday"), 0o700); err != nil {
		t.Fatal(err)
	}
	m, l := mediaComposer(t, "", files, newFakeUploads())
	l.Press("ctrl+t")
	l.Settle()
	view := m.View()
	tuitest.CheckFrame(t, view, 80, 24)
	for _, bad := range []string{"\x1b]", "\x07", "pwned", "notes.txt", ".hidden"} {
		if strings.Contains(view, bad) {
			t.Errorf("the picker shows %q", bad)
		}
	}
	// The input starts at the start directory; only its base is stable.
	// The temp directory's name varies in length, and with it the input's
	// padding: trailing blanks are dropped.
	lines := strings.Split(strings.ReplaceAll(ansi.Strip(view), files, "$DIR"), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	golden.RequireEqual(t, []byte(strings.Join(lines, "\n")))
}

// TestMediaModesFitEverySize walks the text with attachments, the
// attachment list, the picker and the uploads list at sizes where
// truncation and the height limit bite.
func TestMediaModesFitEverySize(t *testing.T) {
	files := t.TempDir()
	for i, name := range []string{"a-very-long-file-name-for-a-picture.png", "b.jpg", "c.gif"} {
		writeFile(t, files, name, head([]string{"png", "jpeg", "gif"}[i]), 5000)
	}
	up := newFakeUploads()
	up.fail["c.gif"] = errServer
	up.pages["@"] = &api.Page[api.Media]{Items: []api.Media{
		{ID: "med_x", Type: api.MediaTypeImage, ContentType: "image/png", Pathname: "posts/a-long-name-of-an-earlier-upload.png", Size: 4 << 20, Status: "ready"},
		{ID: "med_y", Type: api.MediaTypeVideo, ContentType: "video/mp4", Pathname: "posts/med_y.mp4", Size: 40 << 20, Status: "processing"},
	}}
	for _, w := range []int{10, 20, 27, 41, 63, 80, 119} {
		for _, h := range []int{4, 5, 11, 24} {
			m, l := mediaComposer(t, "", files, up)
			m.SetSize(w, h)
			for _, name := range []string{"a-very-long-file-name-for-a-picture.png", "b.jpg", "c.gif"} {
				l.attach(m, filepath.Join(files, name))
				l.Settle()
			}
			check := func(step string) {
				t.Helper()
				for _, f := range tuitest.FrameFaults(m.View(), max(w, 10), max(h, 4)) {
					t.Errorf("%dx%d %s: %s", w, h, step, f)
				}
			}
			check("text")
			l.Press("ctrl+x")
			check("attachments")
			l.Press("esc", "ctrl+t")
			l.Settle()
			check("picker")
			l.Press("esc", "ctrl+o")
			l.Settle()
			check("uploads")
		}
	}
}
