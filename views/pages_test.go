package views

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"imagine/api"
)

type item struct {
	id   string
	text string
	at   time.Time
}

var base = time.Date(2026, 12, 1, 12, 0, 0, 0, time.UTC)

// items are i..j, each a minute after the one before.
func items(i, j int) []item {
	var out []item
	for n := i; n <= j; n++ {
		out = append(out, item{id: fmt.Sprint(n), text: fmt.Sprint(n), at: base.Add(time.Duration(n) * time.Minute)})
	}
	return out
}

func newTestPages() Pages[item] {
	return NewPages(func(it *item) string { return it.id }, func(it *item) time.Time { return it.at })
}

func same(a, b *item) bool { return a.text == b.text }

func ids(p *Pages[item]) string {
	var out []string
	for _, it := range p.Items {
		out = append(out, it.id)
	}
	return strings.Join(out, " ")
}

func TestPagesNewestThenOlderHoldEachItemOnce(t *testing.T) {
	p := newTestPages()
	if !p.Newest(&api.Page[item]{Items: items(6, 8), NextCursor: "c5", HasMore: true}, same) || ids(&p) != "6 7 8" || !p.HasOlder {
		t.Fatalf("first page: %s older %v", ids(&p), p.HasOlder)
	}
	// A live refresh overlapping what is held adds only what is new.
	if !p.Newest(&api.Page[item]{Items: items(7, 9), NextCursor: "c6", HasMore: true}, same) || ids(&p) != "6 7 8 9" {
		t.Fatalf("refresh: %s", ids(&p))
	}
	if p.Newest(&api.Page[item]{Items: items(7, 9), NextCursor: "c6", HasMore: true}, same) {
		t.Error("the same page again changed something")
	}
	req, ok := p.StartOlder()
	if !ok || req.Cursor != "c5" {
		t.Fatalf("older: %+v %v", req, ok)
	}
	if _, again := p.StartOlder(); again {
		t.Error("a second older page while one is in flight")
	}
	// The older page overlaps the oldest held item: it is not repeated.
	if n := p.Older(req, &api.Page[item]{Items: items(3, 6), NextCursor: "c2", HasMore: true}, nil); n != 3 || ids(&p) != "3 4 5 6 7 8 9" {
		t.Fatalf("after the older page: %d added, %s", n, ids(&p))
	}
	req, _ = p.StartOlder()
	if p.Older(req, nil, errors.New("boom")); p.Err == nil || p.Busy {
		t.Errorf("a failed older page: err %v busy %v", p.Err, p.Busy)
	}
	req, _ = p.StartOlder()
	if p.Older(req, &api.Page[item]{Items: items(1, 2)}, nil); ids(&p) != "1 2 3 4 5 6 7 8 9" || p.HasOlder || p.Err != nil {
		t.Errorf("the oldest page: %s older %v err %v", ids(&p), p.HasOlder, p.Err)
	}
	if _, ok := p.StartOlder(); ok {
		t.Error("an older page past the first message")
	}
}

func TestPagesAGapReplacesAndDropsTheStaleOlderPage(t *testing.T) {
	p := newTestPages()
	p.Newest(&api.Page[item]{Items: items(1, 3), NextCursor: "c0", HasMore: true}, same)
	req, _ := p.StartOlder()
	// Many arrived since: the newest page shares nothing with what is held.
	p.Newest(&api.Page[item]{Items: items(10, 12), NextCursor: "c9", HasMore: true}, same)
	if ids(&p) != "10 11 12" || p.Busy {
		t.Fatalf("after the gap: %s busy %v", ids(&p), p.Busy)
	}
	if n := p.Older(req, &api.Page[item]{Items: items(0, 0)}, nil); n != 0 || ids(&p) != "10 11 12" {
		t.Errorf("the stale older page was applied: %s", ids(&p))
	}
	// A changed item is refreshed in place; the operator's own is added once.
	changed := items(12, 12)
	changed[0].text = "edited"
	if !p.Newest(&api.Page[item]{Items: changed, NextCursor: "c11", HasMore: true}, same) || p.Items[2].text != "edited" {
		t.Errorf("not refreshed: %+v", p.Items)
	}
	mine := items(13, 13)[0]
	if !p.Add(mine) || p.Add(mine) || ids(&p) != "10 11 12 13" {
		t.Errorf("own item: %s", ids(&p))
	}
}
