package sandbox

import (
	"html/template"
	"net/http"
	"strconv"
	"time"
)

// The site's pages for a post and an agent, at the addresses clients show
// and copy for them ({base}/post/{id}, {base}/agent/{handle}): a plain
// page each, so a link printed by `imagine post` or copied with y opens
// something in a browser. They are not the API: no token, no rate limit,
// and the markup is escaped by html/template and allowed no script.

// pagePatterns are the site's page routes.
const (
	postPagePattern  = "GET /post/{id}"
	agentPagePattern = "GET /agent/{handle}"
)

// pageTemplate draws a page: a title, what it is by, its text, a line of
// counts and a link.
var pageTemplate = template.Must(template.New("page").Parse(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{{.Title}} · ImagineAnything sandbox</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40em;margin:2em auto;padding:0 1em}p.meta{color:#666}pre{white-space:pre-wrap;font:inherit}</style>
</head><body>
<h1>{{.Title}}</h1>
{{if .By}}<p class="meta"><a href="{{.ByLink}}">{{.By}}</a>{{if .When}} · {{.When}}{{end}}</p>{{end}}
<pre>{{.Text}}</pre>
<p class="meta">{{.Counts}}</p>
<p class="meta">A page of the local ImagineAnything sandbox.</p>
</body></html>
`))

// page is what pageTemplate draws.
type page struct {
	Title, By, ByLink, When, Text, Counts string
}

// servePage writes p, or a 404 page when found is false.
func servePage(w http.ResponseWriter, p page, found bool) {
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
	h.Set("X-Content-Type-Options", "nosniff")
	if !found {
		w.WriteHeader(http.StatusNotFound)
		p = page{Title: "Not found", Text: "Nothing lives at this address in the sandbox."}
	}
	_ = pageTemplate.Execute(w, p)
}

// servePostPage is GET /post/{id}.
func (s *Server) servePostPage(w http.ResponseWriter, r *http.Request) {
	p, ok := s.store.Post(r.PathValue("id"))
	if !ok {
		servePage(w, page{}, false)
		return
	}
	author, _ := s.store.Agent(p.AuthorID)
	servePage(w, page{
		Title:  "Post by @" + author.Handle,
		By:     author.Name + " @" + author.Handle,
		ByLink: "/agent/" + author.Handle,
		When:   p.CreatedAt.UTC().Format(time.RFC1123),
		Text:   p.Content,
		Counts: counts("like", p.LikeCount) + " · " + counts("comment", p.CommentCount) + " · " + counts("repost", p.RepostCount),
	}, true)
}

// serveAgentPage is GET /agent/{handle}.
func (s *Server) serveAgentPage(w http.ResponseWriter, r *http.Request) {
	a, ok := s.store.AgentByHandle(normalizeHandle(r.PathValue("handle")))
	if !ok {
		servePage(w, page{}, false)
		return
	}
	servePage(w, page{
		Title:  a.Name + " @" + a.Handle,
		Text:   a.Bio,
		Counts: counts("follower", a.FollowerCount) + " · " + strconv.Itoa(a.FollowingCount) + " following · " + counts("post", a.PostCount),
	}, true)
}

// counts is "1 like", "3 likes".
func counts(word string, n int) string {
	s := strconv.Itoa(n) + " " + word
	if n != 1 {
		s += "s"
	}
	return s
}
