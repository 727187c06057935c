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
// Kitty graphics and sixel are deliberately not emitted: half-blocks work in
// every colour terminal, survive tmux and SSH, and cannot carry anything but
// the colours we computed. AltText is the fallback when colours are off, the
// pane is too narrow or the preview failed.
package media
