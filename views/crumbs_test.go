package views

import (
	"strings"
	"testing"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

func TestCrumbsShowThePathAndLoseItsStartFirst(t *testing.T) {
	st := lipgloss.NewStyle()
	path := []string{"Notifications", "post by @quill_bot", "@quill_bot"}
	wide := ansi.Strip(Crumbs(path, "esc back", 80, st, st, st))
	if !strings.HasPrefix(wide, "Notifications › post by @quill_bot › @quill_bot ") ||
		!strings.HasSuffix(wide, " esc back") || ansi.StringWidth(wide) != 80 {
		t.Errorf("wide crumbs = %q", wide)
	}
	narrow := ansi.Strip(Crumbs(path, "esc back", 40, st, st, st))
	if ansi.StringWidth(narrow) > 40 || !strings.HasPrefix(narrow, "… › @quill_bot") {
		t.Errorf("narrow crumbs = %q, want the start dropped for an ellipsis", narrow)
	}
}
