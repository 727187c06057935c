package views

import (
	"slices"
	"time"

	"imagine/api"
)

// Pages is a thread read backwards from its newest page, as the API
// pages conversations and order threads: Items holds what is loaded,
// oldest first; a live refresh reads the newest page again (Newest) and
// scrolling up reads the page before the oldest loaded one (StartOlder,
// Older). An item is kept once, by ID, however the pages overlap.
type Pages[T any] struct {
	// Items are the loaded items, oldest first.
	Items []T
	// Loaded says the newest page has been read once.
	Loaded bool
	// HasOlder says the server has items before Items[0]; older is the
	// cursor that reads them.
	HasOlder bool
	older    string
	// Busy says an older page is in flight; Err is why the last one
	// failed (nil once one arrives).
	Busy bool
	Err  error
	// gen is bumped when Items are replaced, so an older page asked for
	// before is dropped.
	gen int

	id func(*T) string
	at func(*T) time.Time
}

// NewPages makes an empty thread whose items are named by id and dated by
// at.
func NewPages[T any](id func(*T) string, at func(*T) time.Time) Pages[T] {
	return Pages[T]{id: id, at: at}
}

// OlderPage names a request for an older page: its cursor and the
// generation of Items it extends.
type OlderPage struct {
	Cursor string
	Gen    int
}

// Newest merges a newest page: items already held are refreshed when same
// says they changed, new ones are added in time order. A page that shares
// nothing with what is held while the server has more before it replaces
// Items, since the items in between are unknown. It reports whether Items
// (or Loaded) changed.
func (p *Pages[T]) Newest(page *api.Page[T], same func(a, b *T) bool) bool {
	changed := !p.Loaded
	if !p.Loaded {
		p.Loaded = true
		p.setOlder(page)
	}
	held := make(map[string]int, len(p.Items))
	for i := range p.Items {
		held[p.id(&p.Items[i])] = i
	}
	connected := len(p.Items) == 0
	var added []T
	for _, it := range page.Items {
		k := p.id(&it)
		if k == "" {
			continue
		}
		if i, ok := held[k]; ok {
			connected = true
			if !same(&p.Items[i], &it) {
				p.Items[i], changed = it, true
			}
			continue
		}
		held[k] = -1 // a page repeating an item adds it once
		added = append(added, it)
	}
	if len(added) == 0 {
		return changed
	}
	if !connected && page.HasMore {
		p.Items = nil
		p.setOlder(page)
		p.gen++
		p.Busy, p.Err = false, nil
	}
	p.Items = append(p.Items, added...)
	p.sort()
	return true
}

// Add appends one item (the operator's own, just sent) unless it is held.
func (p *Pages[T]) Add(it T) bool {
	k := p.id(&it)
	for i := range p.Items {
		if p.id(&p.Items[i]) == k {
			return false
		}
	}
	p.Items = append(p.Items, it)
	p.sort()
	return true
}

// StartOlder marks the older page in flight and returns what to ask for;
// false when there is none or one is already on its way.
func (p *Pages[T]) StartOlder() (OlderPage, bool) {
	if !p.Loaded || !p.HasOlder || p.older == "" || p.Busy {
		return OlderPage{}, false
	}
	p.Busy, p.Err = true, nil
	return OlderPage{Cursor: p.older, Gen: p.gen}, true
}

// Older puts an older page, asked for as req, above Items, or records why
// it failed. A page for Items since replaced is dropped. It returns how
// many items it added.
func (p *Pages[T]) Older(req OlderPage, page *api.Page[T], err error) int {
	if req.Gen != p.gen || req.Cursor != p.older {
		return 0
	}
	p.Busy = false
	if err != nil {
		p.Err = err
		return 0
	}
	if page == nil {
		return 0
	}
	held := make(map[string]bool, len(p.Items))
	for i := range p.Items {
		held[p.id(&p.Items[i])] = true
	}
	var add []T
	for _, it := range page.Items {
		if k := p.id(&it); k != "" && !held[k] {
			held[k] = true
			add = append(add, it)
		}
	}
	p.setOlder(page)
	if len(add) == 0 {
		return 0
	}
	p.Items = append(add, p.Items...)
	p.sort()
	return len(add)
}

func (p *Pages[T]) setOlder(page *api.Page[T]) {
	p.older = page.NextCursor
	p.HasOlder = page.HasMore && page.NextCursor != ""
}

// sort keeps Items in time order (equal times keep their order); when
// some item has no time, the order they came in is kept.
func (p *Pages[T]) sort() {
	for i := range p.Items {
		if p.at(&p.Items[i]).IsZero() {
			return
		}
	}
	slices.SortStableFunc(p.Items, func(a, b T) int { return p.at(&a).Compare(p.at(&b)) })
}
