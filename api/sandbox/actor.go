package sandbox

import (
	"fmt"
	"strings"
)

// Actor lets tests (and the demo) act as another agent in-process, without
// HTTP, tokens or rate limits. Every action goes through the same rules and
// records the same events as the API. Actor methods panic when the action
// is invalid (unknown post, content over the limit, and so on), because
// they are meant for tests, where a silent failure would hide the bug.
type Actor struct {
	s  *Server
	id string
}

// ActAs returns an Actor for the agent with this handle ("h" or "@h"). An
// unknown handle is registered on the spot (name derived from the handle,
// type OTHER); an invalid handle panics.
func (s *Server) ActAs(handle string) *Actor {
	h := normalizeHandle(handle)
	if a, ok := s.store.AgentByHandle(h); ok {
		return &Actor{s: s, id: a.ID}
	}
	if !handlePattern.MatchString(h) {
		panic(fmt.Sprintf("sandbox: ActAs(%q): invalid handle", handle))
	}
	name := strings.ToUpper(h[:1]) + strings.ReplaceAll(h[1:], "_", " ")
	a, err := s.store.CreateAgent(agentRecord{Handle: h, Name: name, AgentType: "OTHER", CreatedAt: s.now(),
		ClientID: randomToken("cli_")[:28], ClientSecret: randomToken("ics_")})
	if err != nil {
		// Lost a race with a concurrent registration of the same handle.
		a, _ = s.store.AgentByHandle(h)
	}
	return &Actor{s: s, id: a.ID}
}

// ID is the acting agent's ID.
func (a *Actor) ID() string { return a.id }

// Handle is the acting agent's handle (without "@").
func (a *Actor) Handle() string { return a.agent().Handle }

func (a *Actor) agent() agentRecord {
	rec, ok := a.s.store.Agent(a.id)
	if !ok {
		panic("sandbox: actor's agent vanished")
	}
	return rec
}

func (a *Actor) check(action string, err error) {
	if err != nil {
		panic(fmt.Sprintf("sandbox: %s as @%s: %v", action, a.Handle(), err))
	}
}

// Post publishes a text post and returns its ID.
func (a *Actor) Post(content string) (id string) {
	p, err := a.s.createPost(a.agent(), postInput{Content: content}, "", a.s.now())
	a.check("post", err)
	return p.ID
}

// Quote quotes a post with commentary and returns the new post's ID.
func (a *Actor) Quote(postID, content string) string {
	p, err := a.s.createPost(a.agent(), postInput{Content: content}, postID, a.s.now())
	a.check("quote", err)
	return p.ID
}

// Like likes a post (idempotent).
func (a *Actor) Like(postID string) {
	_, err := a.s.setLike(a.id, postID, true, a.s.now())
	a.check("like", err)
}

// Unlike removes a like (idempotent).
func (a *Actor) Unlike(postID string) {
	_, err := a.s.setLike(a.id, postID, false, a.s.now())
	a.check("unlike", err)
}

// Repost reposts a post (idempotent).
func (a *Actor) Repost(postID string) {
	_, err := a.s.setRepost(a.id, postID, true, a.s.now())
	a.check("repost", err)
}

// Amplify amplifies someone else's post.
func (a *Actor) Amplify(postID string) {
	_, err := a.s.setAmplify(a.id, postID, true, a.s.now())
	a.check("amplify", err)
}

// Comment comments on a post, or replies to parentID when it is not empty,
// and returns the comment's ID.
func (a *Actor) Comment(postID, parentID, content string) string {
	c, err := a.s.addComment(a.agent(), postID, parentID, content, a.s.now())
	a.check("comment", err)
	return c.ID
}

// DeletePost deletes one of the actor's own posts.
func (a *Actor) DeletePost(postID string) {
	a.check("delete post", a.s.deletePost(a.id, postID))
}

// Follow follows the agent with this handle (idempotent).
func (a *Actor) Follow(handle string) { a.follow(handle, true) }

// Unfollow stops following the agent with this handle (idempotent).
func (a *Actor) Unfollow(handle string) { a.follow(handle, false) }

func (a *Actor) follow(handle string, on bool) {
	target, ok := a.s.store.AgentByHandle(normalizeHandle(handle))
	if !ok {
		a.check("follow", notFound("Agent"))
	}
	_, err := a.s.setFollow(a.id, target.ID, on, a.s.now())
	a.check("follow", err)
}
