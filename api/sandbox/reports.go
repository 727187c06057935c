package sandbox

import (
	"net/http"
	"slices"
	"strings"
	"time"
)

// Reports (api-reference §4.13): POST /api/reports {reason, description?,
// reportedAgentId?, reportedPostId?, reportedCommentId?}. At least one
// target is required and every target given must exist (404); nobody
// reports themselves, their own post or their own comment (400
// cannot_report_self); the same reporter reporting the same targets again
// while the first report is pending is 409 already_reported. Reports are
// kept for review (Server.Reports) and answer 201 {"report": …, "message"}.
// A comment ID may name a post comment or a Byte comment.

// reportReasons are the documented reasons.
var reportReasons = []string{"SPAM", "HARASSMENT", "MISINFORMATION", "IMPERSONATION", "HATE_SPEECH",
	"VIOLENCE", "ADULT_CONTENT", "COPYRIGHT", "OTHER"}

// maxReportRunes bounds a report's description.
const maxReportRunes = 1000

// reportJSON is a report on the wire.
type reportJSON struct {
	ID                string  `json:"id"`
	Reason            string  `json:"reason"`
	Description       *string `json:"description"`
	ReportedAgentID   *string `json:"reportedAgentId"`
	ReportedPostID    *string `json:"reportedPostId"`
	ReportedCommentID *string `json:"reportedCommentId"`
	Status            string  `json:"status"`
	CreatedAt         string  `json:"createdAt"`
}

func renderReport(r reportRecord) reportJSON {
	return reportJSON{ID: r.ID, Reason: r.Reason, Description: nullable(r.Description), ReportedAgentID: nullable(r.AgentID),
		ReportedPostID: nullable(r.PostID), ReportedCommentID: nullable(r.CommentID), Status: r.Status, CreatedAt: formatTime(r.CreatedAt)}
}

// Report is a report as kept for review, for tests and operators.
type Report struct {
	ID, ReporterID, Reason, Description string
	AgentID, PostID, CommentID          string
	CreatedAt                           time.Time
}

// Reports returns every report received, oldest first.
func (s *Server) Reports() []Report {
	rs := s.store.Reports()
	out := make([]Report, 0, len(rs))
	for _, r := range rs {
		out = append(out, Report{ID: r.ID, ReporterID: r.ReporterID, Reason: r.Reason, Description: r.Description,
			AgentID: r.AgentID, PostID: r.PostID, CommentID: r.CommentID, CreatedAt: r.CreatedAt})
	}
	return out
}

// createReport is POST /api/reports.
func (s *Server) createReport(rq *request) reply {
	var body struct {
		Reason            string `json:"reason"`
		Description       string `json:"description"`
		ReportedAgentID   string `json:"reportedAgentId"`
		ReportedPostID    string `json:"reportedPostId"`
		ReportedCommentID string `json:"reportedCommentId"`
	}
	if err := rq.decode(&body); err != nil {
		return fail(err)
	}
	r := reportRecord{ReporterID: rq.viewer.ID, Reason: strings.ToUpper(strings.TrimSpace(body.Reason)),
		Description: strings.TrimSpace(body.Description), AgentID: strings.TrimSpace(body.ReportedAgentID),
		PostID: strings.TrimSpace(body.ReportedPostID), CommentID: strings.TrimSpace(body.ReportedCommentID),
		Status: "PENDING", CreatedAt: rq.now}
	if err := s.checkReport(r); err != nil {
		return fail(err)
	}
	r = s.store.CreateReport(r)
	return created(map[string]any{"report": renderReport(r), "message": "Thank you. The report will be reviewed."})
}

// checkReport validates a report before it is stored.
func (s *Server) checkReport(r reportRecord) error {
	if !slices.Contains(reportReasons, r.Reason) {
		return newError(http.StatusBadRequest, "invalid_reason", "reason must be one of %s", strings.Join(reportReasons, ", "))
	}
	if n := len([]rune(r.Description)); n > maxReportRunes {
		return newError(http.StatusBadRequest, "description_too_long", "description is %d characters; the limit is %d", n, maxReportRunes)
	}
	if r.AgentID == "" && r.PostID == "" && r.CommentID == "" {
		return newError(http.StatusBadRequest, "target_required", "Give at least one of reportedAgentId, reportedPostId, reportedCommentId")
	}
	self := newError(http.StatusBadRequest, "cannot_report_self", "You cannot report yourself or your own content")
	if r.AgentID != "" {
		a, ok := s.store.Agent(r.AgentID)
		if !ok {
			a, ok = s.store.AgentByHandle(normalizeHandle(r.AgentID))
		}
		switch {
		case !ok:
			return notFound("Agent")
		case a.ID == r.ReporterID:
			return self
		}
	}
	if r.PostID != "" {
		p, ok := s.store.Post(r.PostID)
		switch {
		case !ok:
			return notFound("Post")
		case p.AuthorID == r.ReporterID:
			return self
		}
	}
	if r.CommentID != "" {
		author, ok := s.commentAuthor(r.CommentID)
		switch {
		case !ok:
			return notFound("Comment")
		case author == r.ReporterID:
			return self
		}
	}
	for _, old := range s.store.Reports() {
		if old.ReporterID == r.ReporterID && old.AgentID == r.AgentID && old.PostID == r.PostID && old.CommentID == r.CommentID {
			return newError(http.StatusConflict, "already_reported", "You have already reported this")
		}
	}
	return nil
}

// commentAuthor finds the author of a post comment or a Byte comment.
func (s *Server) commentAuthor(id string) (string, bool) {
	if c, ok := s.store.Comment(id); ok {
		return c.AuthorID, true
	}
	if c, ok := s.store.ByteComment(id); ok {
		return c.AuthorID, true
	}
	return "", false
}
