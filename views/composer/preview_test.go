package composer

import (
	"strings"
	"testing"

	"imagine/internal/tuitest"
)

func TestCtrlRShowsTheTextAsItWillReadAndGoesBack(t *testing.T) {
	m := newComposer(t, "", "")
	settle(m, m.Open(Request{Key: "post", Title: "New post", Limit: 500}))
	m.ta.InsertString("Release **notes** for `v2`:\n\n- faster\n- safer")
	settle(m, m.Update(tuitest.Press("ctrl+r")))
	v := plainView(m)
	for _, want := range []string{"New post · preview", "notes", "faster"} {
		if !strings.Contains(v, want) {
			t.Fatalf("the preview lacks %q:\n%s", want, v)
		}
	}
	if strings.Contains(v, "**notes**") || strings.Contains(v, "- faster") {
		t.Fatalf("the preview should show the markdown rendered, not its markers:\n%s", v)
	}
	// Typing does nothing to the text while previewing.
	typeText(m, "x")
	settle(m, m.Update(tuitest.Press("esc")))
	if !m.IsOpen() || m.mode != modeText || strings.Contains(m.Value(), "x") {
		t.Fatalf("esc goes back to writing with the text as it was (open=%v mode=%v text=%q)", m.IsOpen(), m.mode, m.Value())
	}
	if strings.Contains(plainView(m), "· preview") {
		t.Fatal("back to writing, the title should not say preview")
	}
	settle(m, m.Update(tuitest.Press("ctrl+r")))
	msgs := settle(m, m.Update(tuitest.Press("ctrl+s")))
	if send, ok := tuitest.Find[SendMsg](msgs); !ok || !strings.HasPrefix(send.Text, "Release **notes**") {
		t.Fatalf("ctrl+s from the preview should send the text as written, got %+v", send)
	}
}

func TestALongPreviewScrolls(t *testing.T) {
	m := newComposer(t, "", "")
	settle(m, m.Open(Request{Key: "post", Limit: 5000}))
	var b strings.Builder
	for i := range 60 {
		b.WriteString("- item " + string(rune('A'+i%26)) + string(rune('a'+i/26)) + "\n")
	}
	m.ta.InsertString(b.String())
	settle(m, m.Update(tuitest.Press("ctrl+r")))
	if strings.Contains(plainView(m), "item Hc") {
		t.Fatal("premise: the last items are below the area")
	}
	for range 60 {
		settle(m, m.Update(tuitest.Press("down")))
	}
	if v := plainView(m); !strings.Contains(v, "item Hc") {
		t.Fatalf("scrolled to the end, the last item should show:\n%s", v)
	}
}
