// Package media turns images linked from posts into small terminal
// previews: it fetches the bytes with its own plain HTTP client (never the
// API's, never with credentials), decodes PNG, JPEG and GIF with size caps,
// and draws them with half-block characters (▀) coloured by our own SGR
// sequences only. Nothing here runs in a Bubble Tea Update or View: panes
// call Previewer.Render from a tea.Cmd and keep the lines it returns.
//
// Typical use in a pane:
//
//	pv := media.NewPreviewer(media.Options{AllowedHost: "imagineanything.com"})
//	cmd := func() tea.Msg {
//		lines, err := pv.Render(ctx, url, media.PreviewCols, media.PreviewRows)
//		return previewMsg{url: url, lines: lines, err: err}
//	}
//
// Previews are half-blocks by default: they work in every colour terminal,
// survive tmux and SSH, and cannot carry anything but the colours we
// computed. Where the caller knows the terminal speaks the kitty graphics
// protocol (DetectProtocol), Options.Protocol = Kitty makes Draw return
// kitty Unicode placeholder cells instead, plus a transmit command that the
// pane writes once with tea.Raw. Sixel is not emitted: it cannot be placed
// as text cells, so Bubble Tea's renderer would overwrite or misplace it.
// AltText is the fallback when colours are off, the pane is too narrow or
// the preview failed.
package media
