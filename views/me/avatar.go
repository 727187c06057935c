package me

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"slices"

	tea "charm.land/bubbletea/v2"

	"imagine/api"
	"imagine/views"
	"imagine/views/media"
)

// The avatar: a opens the composer's file picker alone (the one posts
// attach with); the chosen file is checked as the API documents it (a
// JPEG, PNG, GIF or WebP image, judged by its bytes, of at most
// api.MaxAvatarBytes) before a byte is sent, then uploaded. A removes it,
// confirmed. The preview is drawn by the shared media.Previewer where
// previews work; elsewhere the address is shown.

// avatarCols and avatarRows bound the preview.
const (
	avatarCols = 16
	avatarRows = 8
)

// avatarMsg answers an upload (or its refusal before sending) or a
// removal.
type avatarMsg struct {
	avatar  *api.Avatar
	removed bool
	err     error
}

// previewMsg carries the avatar's drawn preview.
type previewMsg struct {
	url     string
	preview media.Preview
	err     error
}

// pickAvatar opens the file picker.
func (m *Model) pickAvatar() tea.Cmd {
	if m.settings == nil {
		return views.Status(views.LevelInfo, "settings are not available in this session")
	}
	m.section = secYou
	return m.comp.PickFile("avatar", "New avatar (JPEG, PNG, GIF or WebP, at most "+media.FormatSize(api.MaxAvatarBytes)+")")
}

// uploadAvatar checks the chosen file and, when it passes, uploads it,
// in one Cmd (file I/O and the request).
func (m *Model) uploadAvatar(path string) tea.Cmd {
	m.avatarState = "checking " + filepath.Base(path) + "…"
	ctx, settings := api.Background(m.ctx), m.settings
	return func() tea.Msg {
		f, size, err := openAvatar(path)
		if err != nil {
			return avatarMsg{err: err}
		}
		defer f.Close()
		a, err := settings.UploadAvatar(ctx, filepath.Base(path), f, size, nil)
		return avatarMsg{avatar: a, err: err}
	}
}

// openAvatar opens path once it passed the documented checks: a regular
// file, an accepted image type by its first bytes, within the size
// limit. The file is returned at its start.
func openAvatar(path string) (*os.File, int64, error) {
	name := filepath.Base(path)
	f, err := os.Open(path)
	if err != nil {
		return nil, 0, fmt.Errorf("%s: %w", name, errors.Unwrap(err))
	}
	st, err := f.Stat()
	switch {
	case err != nil:
		f.Close()
		return nil, 0, err
	case !st.Mode().IsRegular():
		f.Close()
		return nil, 0, fmt.Errorf("%s: not a regular file", name)
	case st.Size() > api.MaxAvatarBytes:
		f.Close()
		return nil, 0, fmt.Errorf("%s: %s is over the avatar limit of %s", name, media.FormatSize(st.Size()), media.FormatSize(api.MaxAvatarBytes))
	case st.Size() == 0:
		f.Close()
		return nil, 0, fmt.Errorf("%s: the file is empty", name)
	}
	head := make([]byte, 512)
	n, _ := io.ReadFull(f, head)
	if ct := http.DetectContentType(head[:n]); !slices.Contains(api.ImageTypes, ct) {
		f.Close()
		return nil, 0, fmt.Errorf("%s: an avatar is a JPEG, PNG, GIF or WebP image, not %s", name, ct)
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		f.Close()
		return nil, 0, err
	}
	return f, st.Size(), nil
}

// removeAvatar asks before removing the avatar.
func (m *Model) removeAvatar() tea.Cmd {
	if m.settings == nil || m.me == nil || m.me.AvatarURL == "" {
		return views.Status(views.LevelInfo, "you have no avatar to remove")
	}
	ctx, settings := api.Background(m.ctx), m.settings
	return views.Confirm("Remove your avatar?", "Others see the default picture instead.", func() tea.Msg {
		a, err := settings.RemoveAvatar(ctx)
		return avatarMsg{avatar: a, removed: true, err: err}
	})
}

// avatarDone applies an upload or a removal, or shows why it was refused.
func (m *Model) avatarDone(msg avatarMsg) tea.Cmd {
	m.section = secYou
	if msg.err != nil {
		m.avatarState = "refused: " + views.Describe(msg.err)
		return views.Failed("avatar not changed", msg.err)
	}
	m.avatarState = ""
	if msg.avatar != nil {
		if msg.avatar.Agent.Handle != "" {
			m.setMe(&msg.avatar.Agent)
		} else if m.me != nil {
			me := *m.me
			me.AvatarURL = msg.avatar.URL
			m.setMe(&me)
		}
	}
	text := "avatar uploaded"
	if msg.removed {
		text = "avatar removed"
	}
	return tea.Batch(views.Status(views.LevelInfo, text), m.drawAvatar())
}

// drawAvatar draws the avatar's preview when its URL changed.
func (m *Model) drawAvatar() tea.Cmd {
	url := ""
	if m.me != nil {
		url = m.me.AvatarURL
	}
	if url == m.avatarFor {
		return nil
	}
	m.avatarFor, m.avatar = url, nil
	m.cache.Clear()
	p := m.previewer
	if url == "" || p == nil || p.Check(url) != nil {
		return nil
	}
	ctx := m.ctx
	return func() tea.Msg {
		pv, err := p.Draw(ctx, url, avatarCols, avatarRows)
		return previewMsg{url: url, preview: pv, err: err}
	}
}

// previewed shows the drawn avatar; kitty's image is sent once, here.
func (m *Model) previewed(msg previewMsg) tea.Cmd {
	if msg.url != m.avatarFor || msg.err != nil {
		return nil
	}
	m.avatar = msg.preview.Lines
	m.cache.Clear()
	if msg.preview.Transmit != "" {
		return tea.Raw(msg.preview.Transmit)
	}
	return nil
}
