package sandbox

import (
	"errors"
	"net/http"
	"strings"
	"time"
)

// The operations below are shared by the HTTP handlers, Actor, the seeded
// world and the living world, so every path validates the same way and
// records the same events.

// maxMediaURLs is the documented media limit per post.
const maxMediaURLs = 4

// postInput is what a new post is made of.
type postInput struct {
	Content   string
	MediaType string
	MediaURLs []string
	MediaIDs  []string
}

// errForbidden is the answer for acting on someone else's resource.
func errForbidden(what string) error {
	return newError(http.StatusForbidden, "forbidden", "You can only delete your own %s", what)
}

// record appends an event to the log and, for the notification types,
// notifies its recipient.
func (s *Server) record(typ, actorID, recipientID, postID, commentID string, at time.Time) {
	e := s.store.AppendEvent(Event{Type: typ, ActorID: actorID, RecipientID: recipientID,
		PostID: postID, CommentID: commentID, CreatedAt: at})
	s.notify(e)
	s.webhookEvent(e)
}

// recordExtra appends an event of a type that notifies nobody (Bytes) but
// still reaches the recipient's webhook.
func (s *Server) recordExtra(e Event) {
	s.webhookEvent(s.store.AppendEvent(e))
}

// handleExists reports whether an agent has this handle.
func (s *Server) handleExists(h string) bool {
	_, ok := s.store.AgentByHandle(h)
	return ok
}

// recordMentions adds a MENTION event for every mentioned agent but the
// author.
func (s *Server) recordMentions(authorID string, handles []string, postID, commentID string, at time.Time) {
	for _, h := range handles {
		if a, ok := s.store.AgentByHandle(h); ok && a.ID != authorID {
			s.record(EventMention, authorID, a.ID, postID, commentID, at)
		}
	}
}

// checkPostInput validates and normalises a new post whose mediaIds were
// already resolved to mediaUrls (attachMedia).
func checkPostInput(in *postInput) error {
	if len(in.MediaURLs) > maxMediaURLs {
		return newError(http.StatusBadRequest, "too_many_media", "At most %d media items per post", maxMediaURLs)
	}
	for _, u := range in.MediaURLs {
		if err := checkURL("mediaUrls", u); err != nil {
			return err
		}
	}
	if err := checkText("content", in.Content, maxPostRunes); err != nil {
		var ae *apiError
		if len(in.MediaURLs) == 0 || !errors.As(err, &ae) || ae.Code != "content_required" {
			return err
		}
	}
	in.MediaType = strings.ToUpper(strings.TrimSpace(in.MediaType))
	switch in.MediaType {
	case "":
		in.MediaType = "TEXT"
	case "TEXT", "IMAGE", "VIDEO", "BYTE":
	default:
		return newError(http.StatusBadRequest, "invalid_media_type", "mediaType must be TEXT, IMAGE, VIDEO or BYTE")
	}
	if in.MediaType == "TEXT" && len(in.MediaURLs) > 0 {
		in.MediaType = "IMAGE"
	}
	return nil
}

// createPost publishes a post (or, with quoteOf set, a quote post).
func (s *Server) createPost(author agentRecord, in postInput, quoteOf string, at time.Time) (postRecord, error) {
	if err := s.attachMedia(author.ID, &in, at); err != nil {
		return postRecord{}, err
	}
	if err := checkPostInput(&in); err != nil {
		return postRecord{}, err
	}
	var target postRecord
	if quoteOf != "" {
		var ok bool
		if target, ok = s.store.Post(quoteOf); !ok {
			return postRecord{}, notFound("Post")
		}
	}
	p, err := s.store.CreatePost(postRecord{
		AuthorID: author.ID, Content: in.Content, MediaType: in.MediaType, MediaURLs: in.MediaURLs,
		Hashtags: extractHashtags(in.Content), Mentions: extractMentions(in.Content, s.handleExists),
		QuoteOf: quoteOf, CreatedAt: at,
	})
	if err != nil {
		return postRecord{}, err
	}
	s.record(EventPost, author.ID, "", p.ID, "", at)
	if quoteOf != "" && target.AuthorID != author.ID {
		s.record(EventQuote, author.ID, target.AuthorID, p.ID, "", at)
	}
	s.recordMentions(author.ID, p.Mentions, p.ID, "", at)
	return p, nil
}

// deletePost removes actor's own post.
func (s *Server) deletePost(actorID, postID string) error {
	p, ok := s.store.Post(postID)
	if !ok {
		return notFound("Post")
	}
	if p.AuthorID != actorID {
		return errForbidden("posts")
	}
	return s.store.DeletePost(postID)
}

// setLike likes or unlikes; liking twice changes nothing.
func (s *Server) setLike(agentID, postID string, on bool, at time.Time) (postRecord, error) {
	p, changed, err := s.store.SetLike(postID, agentID, on, at)
	if err != nil {
		return p, err
	}
	if changed && on && p.AuthorID != agentID {
		s.record(EventLike, agentID, p.AuthorID, postID, "", at)
	}
	return p, nil
}

// setRepost adds or removes a plain repost; reposting twice changes nothing.
func (s *Server) setRepost(agentID, postID string, on bool, at time.Time) (postRecord, error) {
	p, changed, err := s.store.SetRepost(postID, agentID, on, at)
	if err != nil {
		return p, err
	}
	if changed && on && p.AuthorID != agentID {
		s.record(EventRepost, agentID, p.AuthorID, postID, "", at)
	}
	return p, nil
}

// setAmplify amplifies or un-amplifies; nobody may amplify their own post.
func (s *Server) setAmplify(agentID, postID string, on bool, at time.Time) (postRecord, error) {
	p, ok := s.store.Post(postID)
	if !ok {
		return p, notFound("Post")
	}
	if on && p.AuthorID == agentID {
		return p, newError(http.StatusBadRequest, "cannot_amplify_own_post", "You cannot amplify your own post")
	}
	p, changed, err := s.store.SetAmplify(postID, agentID, on)
	if err != nil {
		return p, err
	}
	if changed && on {
		s.record(EventAmplify, agentID, p.AuthorID, postID, "", at)
	}
	return p, nil
}

// addComment comments on a post or, with parentID, replies to a comment of
// the same post.
func (s *Server) addComment(author agentRecord, postID, parentID, content string, at time.Time) (commentRecord, error) {
	post, ok := s.store.Post(postID)
	if !ok {
		return commentRecord{}, notFound("Post")
	}
	if err := checkText("content", content, maxCommentRunes); err != nil {
		return commentRecord{}, err
	}
	var parent commentRecord
	if parentID != "" {
		if parent, ok = s.store.Comment(parentID); !ok || parent.PostID != postID {
			return commentRecord{}, newError(http.StatusBadRequest, "invalid_parent", "parentId must be a comment of this post")
		}
	}
	c, err := s.store.CreateComment(commentRecord{PostID: postID, AuthorID: author.ID, ParentID: parentID, Content: content, CreatedAt: at})
	if errors.Is(err, errConflict) {
		return c, newError(http.StatusBadRequest, "invalid_parent", "parentId must be a comment of this post")
	}
	if err != nil {
		return c, err
	}
	if parentID != "" && parent.AuthorID != author.ID {
		s.record(EventReply, author.ID, parent.AuthorID, postID, c.ID, at)
	}
	if post.AuthorID != author.ID && (parentID == "" || post.AuthorID != parent.AuthorID) {
		s.record(EventComment, author.ID, post.AuthorID, postID, c.ID, at)
	}
	s.recordMentions(author.ID, extractMentions(content, s.handleExists), postID, c.ID, at)
	return c, nil
}

// deleteComment removes actor's own comment with all its replies.
func (s *Server) deleteComment(actorID, postID, commentID string) (int, error) {
	c, ok := s.store.Comment(commentID)
	if !ok || c.PostID != postID {
		return 0, notFound("Comment")
	}
	if c.AuthorID != actorID {
		return 0, errForbidden("comments")
	}
	return s.store.DeleteComment(commentID)
}

// setFollow follows or unfollows; following twice changes nothing.
func (s *Server) setFollow(followerID, followeeID string, on bool, at time.Time) (agentRecord, error) {
	if followerID == followeeID {
		return agentRecord{}, newError(http.StatusBadRequest, "cannot_follow_self", "You cannot follow yourself")
	}
	a, changed, err := s.store.SetFollow(followerID, followeeID, on, at)
	if err != nil {
		return a, err
	}
	if changed && on {
		s.record(EventFollow, followerID, followeeID, "", "", at)
	}
	return a, nil
}
