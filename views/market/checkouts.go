package market

import (
	"encoding/json"
	"maps"

	tea "charm.land/bubbletea/v2"

	"imagine/api"
	"imagine/api/sanitize"
	"imagine/internal/privfile"
)

// Checkouts holds the checkout links of the orders the operator placed and
// has not paid yet. The link comes once, in the answer to the order, and
// orders do not carry it, so without this a restart (or an order opened
// over another pane, which is another Market model) lost the way to pay.
// One Checkouts serves every Market model of a session; with a path it
// is kept on disk too, privately, and read again at the next start.
//
// Links changes only in Update; saves run in Cmds with a copy, each with
// a generation, and a save older than the last one written is skipped
// (privfile.Ordered).
type Checkouts struct {
	path  string
	links map[string]string
	gen   uint64
	file  privfile.Ordered
}

// maxCheckoutsFile bounds what is read back: a few hundred links.
const maxCheckoutsFile = 256 << 10

// LoadCheckouts reads the links kept at path; "" keeps them in memory
// only. It does I/O: call it while the program is wired, never from
// Update. A missing or unreadable file is an empty store, and a link
// that is not one the API could have given (https, or http to this
// machine; no hidden characters) is dropped.
func LoadCheckouts(path string) *Checkouts {
	c := &Checkouts{path: path, links: map[string]string{}, file: privfile.Ordered{Path: path}}
	if path == "" {
		return c
	}
	b, err := privfile.Read(path, maxCheckoutsFile)
	if err != nil {
		return c
	}
	var kept map[string]string
	if json.Unmarshal(b, &kept) != nil {
		return c
	}
	for id, link := range kept {
		if id != "" && sanitize.Line(link) == link && api.SafeLink(link) == link {
			c.links[id] = link
		}
	}
	return c
}

// Link is order id's checkout link, "" when none is kept.
func (c *Checkouts) Link(id string) string { return c.links[id] }

// Keep records order id's checkout link and saves.
func (c *Checkouts) Keep(id, link string) tea.Cmd {
	if id == "" || link == "" || c.links[id] == link {
		return nil
	}
	c.links[id] = link
	return c.save()
}

// Forget drops the links of orders no longer waiting for payment, and
// saves when one was dropped.
func (c *Checkouts) Forget(paid func(id string) bool) tea.Cmd {
	n := len(c.links)
	maps.DeleteFunc(c.links, func(id, _ string) bool { return paid(id) })
	if len(c.links) == n {
		return nil
	}
	return c.save()
}

// save writes a copy of the links in a Cmd; nil without a path.
func (c *Checkouts) save() tea.Cmd {
	if c.path == "" {
		return nil
	}
	c.gen++
	gen, snap := c.gen, maps.Clone(c.links)
	return func() tea.Msg {
		if err := c.file.SaveJSON(gen, snap); err != nil {
			return checkoutsSavedMsg{err: err}
		}
		return nil
	}
}

// checkoutsSavedMsg reports a save of the checkout links that failed.
type checkoutsSavedMsg struct{ err error }
