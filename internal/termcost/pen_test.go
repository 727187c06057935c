package termcost

import (
	"strings"
	"testing"
)

// TestASpaceBetweenColouredWordsKeepsThePen: a space shows no foreground,
// so "#a #b" in one colour is one colour change, not a reset and a second
// change around the space (third_party/ultraviolet/blank_pen.go).
func TestASpaceBetweenColouredWordsKeepsThePen(t *testing.T) {
	draw := frameDrawer(t, 40, 2)
	draw([]string{"", "status"})
	got := draw([]string{"\x1b[96m#a\x1b[m \x1b[96m#b\x1b[m", "status"})
	if n := strings.Count(got, "\x1b[96m"); n != 1 || !strings.Contains(got, "#a #b") {
		t.Errorf("two words of one colour with a space between wrote %q (%d colour changes)", got, n)
	}
}

// TestAWideRowTurnedBlankIsOneErase: a row that held an emoji and is now
// empty is erased with one EL, with no autowrap switch and no absolute
// move after it: nothing drift-prone is written.
func TestAWideRowTurnedBlankIsOneErase(t *testing.T) {
	draw := frameDrawer(t, 40, 3)
	draw([]string{"top", "  a post 🙂 with an emoji", "status"})
	got := draw([]string{"top", "", "status"})
	if strings.Contains(got, "\x1b[?7") || len(got) > 12 {
		t.Errorf("blanking a row with an emoji wrote %d B: %q", len(got), got)
	}
}

// TestTheDetailBesideAWideListRowIsPatched: in a split view, moving the
// selection changes the list's mark (left of an emoji in the list column)
// and the detail (right of it). Both are written in place: nothing of the
// list's text, left or right of the emoji, is written again.
func TestTheDetailBesideAWideListRowIsPatched(t *testing.T) {
	const listW = 40
	row := func(mark, detail string) string {
		list := mark + " a post in the list that ends 🙂 here"
		return list + strings.Repeat(" ", listW-2-len(" a post in the list that ends ")-len(" here")) + "│" + detail
	}
	draw := frameDrawer(t, 80, 2)
	draw([]string{row("▌", "the first post's detail"), "status"})
	got := draw([]string{row(" ", "the second post's detail"), "status"})
	if changed := " second post's detail"; len(got) > len(changed)+12 {
		t.Errorf("the move wrote %d B, for %d B of changed text: %q", len(got), len(changed), got)
	}
	if strings.Contains(got, "a post in the list") || strings.Contains(got, "here") {
		t.Errorf("the list text was rewritten: %q", got)
	}
}
