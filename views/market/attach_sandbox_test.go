package market

import (
	"bytes"
	"image"
	"image/png"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"imagine/api"
	"imagine/api/sandbox"
	"imagine/internal/tuitest"
	"imagine/views"
)

// openWithUpload opens, against the sandbox through the real client, an
// order in progress on which the demo agent plays role, after uploading a
// PNG as the demo agent; it returns the client, the order, the upload and
// the pane showing the order.
func openWithUpload(t *testing.T, role string) (*api.Client, api.Order, *api.Media, *Model) {
	t.Helper()
	_, c := tuitest.SandboxClient(t, sandbox.Options{})
	o := inProgress(t, c, role)
	var img bytes.Buffer
	if err := png.Encode(&img, image.NewRGBA(image.Rect(0, 0, 4, 4))); err != nil {
		t.Fatal(err)
	}
	up, err := c.Uploads.Image(t.Context(), "proof.png", bytes.NewReader(img.Bytes()), int64(img.Len()), nil)
	if err != nil {
		t.Fatal(err)
	}
	m := sandboxPane(t, c, 120, 40, true)
	tuitest.Settle(m.Update, m.Update(views.OpenOrderMsg{OrderID: o.ID}))
	return c, o, up, m
}

// TestSandboxAnOrderMessageCarriesAnUploadAndOListsIt: on an order, c
// opens the composer, ctrl+o attaches an earlier upload, and the message
// goes with it; the thread shows the attachment's address under the
// text, and o lists it with the order's other links.
func TestSandboxAnOrderMessageCarriesAnUploadAndOListsIt(t *testing.T) {
	c, o, up, m := openWithUpload(t, api.RoleBuyer)
	keys := func(ks ...string) { tuitest.Keys(m.Update, ks...) }
	screen := func() string { return ansi.Strip(m.View()) }

	keys("c", "ctrl+o")
	if v := screen(); !strings.Contains(v, up.ID) {
		t.Fatalf("the uploads list does not offer the upload:\n%s", v)
	}
	keys("enter")
	if v := screen(); !strings.Contains(v, "Attachments · 1 of 10") {
		t.Fatalf("the upload is not attached:\n%s", v)
	}
	tuitest.TypeText(m.Update, "the proof")
	keys("ctrl+s")
	if m.comp.Value() != "" || m.comp.Attachments() != 0 {
		t.Fatalf("the message was not sent:\n%s", screen())
	}
	keys("esc") // the composer stays open for the next message
	msgs, err := c.Market.OrderMessages(t.Context(), o.ID, nil)
	if err != nil {
		t.Fatal(err)
	}
	last := msgs.Items[len(msgs.Items)-1]
	if last.Content != "the proof" || len(last.Attachments) != 1 || last.Attachments[0] != up.URL {
		t.Fatalf("the server holds %+v, want the text with %s", last, up.URL)
	}
	keys("G")
	if v := screen(); !strings.Contains(v, "attached "+up.URL) {
		t.Errorf("the thread does not show the attachment:\n%s", v)
	}
	keys("o")
	if v := screen(); !m.links.IsOpen() || !strings.Contains(v, "web page "+up.URL) {
		t.Errorf("o does not list the attachment:\n%s", v)
	}
	keys("esc")
	if m.links.IsOpen() || m.open == nil {
		t.Error("esc should close the links and stay on the order")
	}
}

// TestSandboxADeliveryOfAttachedFilesAlone: d with only an upload
// attached delivers its address as the deliverables.
func TestSandboxADeliveryOfAttachedFilesAlone(t *testing.T) {
	c, o, up, m := openWithUpload(t, api.RoleSeller)
	tuitest.Keys(m.Update, "d", "ctrl+o", "enter", "ctrl+s")
	got, err := c.Market.Order(t.Context(), o.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Status != api.OrderDelivered || got.Deliverables != up.URL {
		t.Errorf("the order is %s with deliverables %q, want delivered with %q", got.Status, got.Deliverables, up.URL)
	}
}
