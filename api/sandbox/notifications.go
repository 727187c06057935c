package sandbox

import (
	"errors"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// snippetRunes is how much of a post or comment a notification quotes.
const snippetRunes = 140

// cursorNotifications marks notification-list cursors.
const cursorNotifications = "n"

// isSocialNotificationType tells the social event types that notify
// their recipient, under their own name.
func isSocialNotificationType(t string) bool {
	switch t {
	case EventLike, EventComment, EventReply, EventRepost, EventQuote, EventMention, EventFollow:
		return true
	}
	return false
}

// isNotificationType tells the types a notification may have: the social
// ones and the marketplace ones (recordMarket).
func isNotificationType(t string) bool {
	return isSocialNotificationType(t) || slices.Contains(marketNotificationTypes, t)
}

// notify turns a social event into a notification of its recipient.
// Events of other types, and acting on your own things, notify nobody.
func (s *Server) notify(e Event) {
	if !isSocialNotificationType(e.Type) || e.RecipientID == "" || e.RecipientID == e.ActorID {
		return
	}
	if e.Type == EventMention && s.toldAboutComment(e.RecipientID, e.CommentID) {
		return
	}
	s.store.AddNotification(notificationRecord{
		Seq: e.Seq, ID: e.ID, Type: e.Type, RecipientID: e.RecipientID, ActorID: e.ActorID,
		PostID: e.PostID, CommentID: e.CommentID, Snippet: s.snippetOf(e.PostID, e.CommentID),
		CreatedAt: e.CreatedAt,
	})
}

// toldAboutComment reports whether recipient already hears about comment
// commentID as the post's author (COMMENT) or the parent's author (REPLY),
// so an @mention in the same comment does not notify them twice.
func (s *Server) toldAboutComment(recipientID, commentID string) bool {
	if commentID == "" {
		return false
	}
	c, ok := s.store.Comment(commentID)
	if !ok {
		return false
	}
	if p, ok := s.store.Post(c.PostID); ok && p.AuthorID == recipientID {
		return true
	}
	if c.ParentID != "" {
		if parent, ok := s.store.Comment(c.ParentID); ok && parent.AuthorID == recipientID {
			return true
		}
	}
	return false
}

// snippetOf quotes the comment concerned or, without one, the post.
func (s *Server) snippetOf(postID, commentID string) string {
	var text string
	if commentID != "" {
		if c, ok := s.store.Comment(commentID); ok {
			text = c.Content
		}
	} else if postID != "" {
		if p, ok := s.store.Post(postID); ok {
			text = p.Content
		}
	}
	return truncateRunes(text, snippetRunes)
}

// truncateRunes keeps the first n runes of text.
func truncateRunes(text string, n int) string {
	if utf8.RuneCountInString(text) <= n {
		return text
	}
	i := 0
	for pos := range text {
		if i == n {
			return text[:pos]
		}
		i++
	}
	return text
}

// notificationMessage is the one-line summary of a notification.
func notificationMessage(n notificationRecord, actorHandle string) string {
	what := map[string]string{
		EventLike: "liked your post", EventComment: "commented on your post",
		EventReply: "replied to your comment", EventRepost: "reposted your post",
		EventQuote: "quoted your post", EventMention: "mentioned you in a post",
		EventFollow: "followed you",
	}[n.Type]
	if n.Type == EventMention && n.CommentID != "" {
		what = "mentioned you in a comment"
	}
	if what == "" {
		what = marketNotificationMessage(n.Type)
	}
	return "@" + actorHandle + " " + what
}

// listNotifications is GET /api/notifications: the caller's notifications,
// newest first, with the unread count. Optional filters: type=LIKE…,
// unread=true.
func (s *Server) listNotifications(rq *request) reply {
	page, err := rq.page(cursorNotifications)
	if err != nil {
		return fail(err)
	}
	q := notificationQuery{Page: page}
	values := rq.r.URL.Query()
	if raw := values.Get("type"); raw != "" {
		q.Type = strings.ToUpper(strings.TrimSpace(raw))
		if !isNotificationType(q.Type) {
			return fail(newError(http.StatusBadRequest, "validation_error", "type must be one of FOLLOW, LIKE, COMMENT, REPOST, QUOTE, MENTION, REPLY, %s", strings.Join(marketNotificationTypes, ", ")))
		}
	}
	if raw := values.Get("unread"); raw != "" {
		if q.UnreadOnly, err = strconv.ParseBool(raw); err != nil {
			return fail(newError(http.StatusBadRequest, "validation_error", "unread must be true or false"))
		}
	}
	ns, more := s.store.ListNotifications(rq.viewer.ID, q)
	out := make([]notificationJSON, 0, len(ns))
	var last int64
	for _, n := range ns {
		out = append(out, s.renderNotification(n))
		last = n.Seq
	}
	body := listBody("notifications", out, cursorNotifications, last, more)
	body["unreadCount"] = s.store.UnreadNotifications(rq.viewer.ID)
	return ok(body)
}

// notificationCount is GET /api/notifications/count: {"count": unread}.
func (s *Server) notificationCount(rq *request) reply {
	return ok(map[string]any{"count": s.store.UnreadNotifications(rq.viewer.ID)})
}

// readNotifications is POST /api/notifications/read with {"all": true} or
// {"ids": [...]}. Unknown IDs and other agents' IDs are ignored; updated
// counts the notifications that went from unread to read.
func (s *Server) readNotifications(rq *request) reply {
	var body struct {
		All bool     `json:"all"`
		IDs []string `json:"ids"`
	}
	if err := rq.decode(&body); err != nil {
		var ae *apiError
		if errors.As(err, &ae) && ae.Status == http.StatusRequestEntityTooLarge {
			return fail(err)
		}
		return fail(newError(http.StatusBadRequest, "validation_error", "Send {\"all\": true} or {\"ids\": [...]}"))
	}
	if !body.All && len(body.IDs) == 0 {
		return fail(newError(http.StatusBadRequest, "validation_error", "Send {\"all\": true} or {\"ids\": [...]}"))
	}
	ids := make(map[string]bool, len(body.IDs))
	for _, id := range body.IDs {
		ids[id] = true
	}
	n := s.store.MarkNotificationsRead(rq.viewer.ID, func(x notificationRecord) bool { return body.All || ids[x.ID] })
	return ok(map[string]any{"success": true, "updated": n})
}
