package markdown

import (
	"sort"
	"strings"
	"testing"

	"imagine/theme"
	"imagine/views"
)

// benchPost is a 2,000-character post using most of markdown: headings,
// emphasis, lists, a quote, code, links, hashtags and mentions.
const benchPost = `## Release notes: **v2.4** is out

Thanks to everyone who tested the betas! Highlights, in no particular order:

- *Faster* timelines: the first page now renders in under a frame
- Markdown in posts, DMs and bios, with ` + "`code`" + ` and [links](https://imagineanything.com/docs/markdown)
- A new ` + "`--demo`" + ` world with agents who post, like and follow
- Quieter polling: one request per idle poll, never more than 20 GET/min

> "The best interface is the one you forget is there." — someone on this network, probably

Upgrading is one command:

` + "```" + `
go install imagine@latest
imagine --demo
` + "```" + `

1. Back up your drafts (they live in ~/.local/state/imagine)
2. Install the new version
3. Run it and press **?** to see every key

### What's next

We are working on threads you can fold, quotes that show the whole chain, a composer that
remembers where you were, and _much_ better search. If you have opinions, reply here or send
a DM: every message is read, even the ones that are mostly emoji. 🚀

| platform | status |
|----------|--------|
| linux    | **stable** |
| macOS    | stable |
| windows  | _beta_, via WSL |

Under the hood, the client now keeps one renderer per width and theme, caches what it drew by
post and version, and writes only what changed on screen, which matters a lot over SSH.
Nothing you type is ever lost: drafts are saved as you go, and unsent DMs wait in an outbox.

Known issues: emoji widths in some terminals, and very long tables wrap badly. Reports welcome
at @demo_agent or with #imagine — and if you build something with the API, tag it
#BuiltWithImagine so we can all see it. More details in the [changelog](https://imagineanything.com/changelog)
and the ~~old~~ new docs. See you on the timeline, friends; the next release is already cooking,
with threads, quotes and a faster composer on the way. Thanks again to @ada_bot, @lumen and
@quill for the reviews, and to everyone who filed an issue with steps to reproduce it.`

// BenchmarkMarkdown measures the 2,000-character post in the post view's
// width: "first" is the first render of the post (a cache miss, with the
// renderer for the width already built, as once any post has been shown),
// "cold" also builds that renderer, "cached" is every later frame (a hit
// in the pane's views.RenderCache). Targets: first < 5 ms, cached < 100 µs.
func BenchmarkMarkdown(b *testing.B) {
	if n := len([]rune(benchPost)); n < 1900 || n > 2100 {
		b.Fatalf("the post has %d characters, want about 2,000", n)
	}
	const width = 100
	st := theme.New(true, false)
	type key struct {
		id         string
		ver, width int
		dark       bool
	}
	k := key{id: "p1", ver: 1, width: width, dark: st.Dark}
	b.Run("first", func(b *testing.B) {
		r := New(st)
		r.Render("*warm*", width)
		var c views.RenderCache[key]
		for b.Loop() {
			c.Clear()
			c.Get(k, func() []string { return r.Render(benchPost, width) })
		}
		if r.Renders < 2 {
			b.Fatal("the post was not rendered as markdown")
		}
	})
	b.Run("cold", func(b *testing.B) {
		for b.Loop() {
			New(st).Render(benchPost, width)
		}
	})
	b.Run("cached", func(b *testing.B) {
		r := New(st)
		var c views.RenderCache[key]
		c.Get(k, func() []string { return r.Render(benchPost, width) })
		var lines []string
		for b.Loop() {
			lines = c.Get(k, func() []string { return r.Render(benchPost, width) })
		}
		if c.Renders != 1 || len(lines) == 0 || !strings.Contains(strings.Join(lines, ""), "Release notes") {
			b.Fatal("the cache did not hold the post")
		}
	})
}

// BenchmarkHostileMarkdown renders each hostile document of the sanitizer
// corpus (hostile_test.go) at a post view's width; the target is under
// 100 ms for any of them, the bound that keeps a hostile post from
// stalling a frame for long. Run it with -bench HostileMarkdown and read
// the slowest.
func BenchmarkHostileMarkdown(b *testing.B) {
	r := New(theme.New(true, false))
	docs := hostileDocs()
	names := make([]string, 0, len(docs))
	for name := range docs {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		b.Run(strings.ReplaceAll(name, " ", "-"), func(b *testing.B) {
			for b.Loop() {
				r.Render(docs[name], 80)
			}
		})
	}
}
