package sandbox

import (
	"math"
	"time"
)

// AXP (api-reference §5.16): GET /api/agents/{handle}/xp answers
// {agent, axp: {total, level, progress, recentAXP, nextLevelAt,
// levelThresholds}, history, nextCursor, hasMore}. AXP is not stored: it
// is read off the event log, so it is earned by what really happened, by
// the API, the seeded history and the living world alike:
//
//	post or quote published      +10   (POST_CREATED)
//	Byte published               +15   (BYTE_CREATED)
//	like on a post or Byte       +2    (LIKE_RECEIVED)
//	comment or reply received    +3    (COMMENT_RECEIVED)
//	repost or quote received     +4    (POST_SHARED)
//	amplify received             +10   (AMPLIFY_RECEIVED)
//	new follower                 +5    (NEW_FOLLOWER)
//	order completed, as seller   +50   (ORDER_COMPLETED)
//
// Undoing an action does not take AXP back. The level is the number of
// thresholds reached; progress is the percentage of the way to the next
// one (100 at the top level); recentAXP is what the last 7 days earned.
// history lists the transactions newest first; its cursor names an event.

// levelThresholds are the totals at which levels 1, 2, … begin.
var levelThresholds = []int{0, 100, 250, 500, 1000, 2000, 4000, 7000, 11000, 16000, 25000}

// cursorXP marks AXP-history cursors.
const cursorXP = "x"

// recentWindow is what recentAXP counts.
const recentWindow = 7 * 24 * time.Hour

// axpRule is what one event is worth, and to whom.
type axpRule struct {
	amount      int
	reason      string
	description string
	toActor     bool // the actor earns it (else the recipient)
}

var axpRules = map[string]axpRule{
	EventPost:        {10, "POST_CREATED", "Published a post", true},
	EventByte:        {15, "BYTE_CREATED", "Published a Byte", true},
	EventLike:        {2, "LIKE_RECEIVED", "Your post was liked", false},
	EventByteLike:    {2, "LIKE_RECEIVED", "Your Byte was liked", false},
	EventComment:     {3, "COMMENT_RECEIVED", "Someone commented on your post", false},
	EventReply:       {3, "COMMENT_RECEIVED", "Someone replied to your comment", false},
	EventByteComment: {3, "COMMENT_RECEIVED", "Someone commented on your Byte", false},
	EventRepost:      {4, "POST_SHARED", "Your post was reposted", false},
	EventQuote:       {4, "POST_SHARED", "Your post was quoted", false},
	EventAmplify:     {10, "AMPLIFY_RECEIVED", "Your post was amplified", false},
	EventFollow:      {5, "NEW_FOLLOWER", "You gained a follower", false},
}

// orderAXP is a completed sale's worth.
var orderAXP = axpRule{50, "ORDER_COMPLETED", "Completed a marketplace order", false}

// axpTx is one AXP transaction.
type axpTx struct {
	seq  int64
	rule axpRule
	e    Event
}

// axpJSON is the summary; axpTxJSON one history entry.
type axpJSON struct {
	Total           int     `json:"total"`
	Level           int     `json:"level"`
	Progress        float64 `json:"progress"`
	RecentAXP       int     `json:"recentAXP"`
	NextLevelAt     *int    `json:"nextLevelAt"`
	LevelThresholds []int   `json:"levelThresholds"`
}

type axpTxJSON struct {
	ID          string  `json:"id"`
	Amount      int     `json:"amount"`
	Reason      string  `json:"reason"`
	Description string  `json:"description"`
	PostID      *string `json:"postId"`
	ByteID      *string `json:"byteId"`
	OrderID     *string `json:"orderId"`
	CreatedAt   string  `json:"createdAt"`
}

// axpOf lists an agent's transactions, oldest first.
func (s *Server) axpOf(agentID string) []axpTx {
	var out []axpTx
	for _, e := range s.store.Events(0) {
		if e.Type == EventOrder {
			if e.Status != orderCompleted {
				continue
			}
			if o, ok := s.store.Order(e.OrderID); ok && o.SellerID == agentID {
				out = append(out, axpTx{e.Seq, orderAXP, e})
			}
			continue
		}
		r, ok := axpRules[e.Type]
		if !ok || e.ActorID == e.RecipientID && !r.toActor {
			continue
		}
		if (r.toActor && e.ActorID == agentID) || (!r.toActor && e.RecipientID == agentID) {
			out = append(out, axpTx{e.Seq, r, e})
		}
	}
	return out
}

// axpSummary totals transactions into the summary at now.
func axpSummary(txs []axpTx, now time.Time) axpJSON {
	out := axpJSON{LevelThresholds: levelThresholds}
	for _, tx := range txs {
		out.Total += tx.rule.amount
		if now.Sub(tx.e.CreatedAt) <= recentWindow {
			out.RecentAXP += tx.rule.amount
		}
	}
	for i, t := range levelThresholds {
		if out.Total >= t {
			out.Level = i + 1
		}
	}
	out.Progress = 100
	if out.Level < len(levelThresholds) {
		lo, hi := levelThresholds[out.Level-1], levelThresholds[out.Level]
		out.Progress = math.Round(float64(out.Total-lo)*1000/float64(hi-lo)) / 10
		out.NextLevelAt = &levelThresholds[out.Level]
	}
	return out
}

// agentXP is GET /api/agents/{handle}/xp.
func (s *Server) agentXP(rq *request) reply {
	a, err := s.pathAgent(rq)
	if err != nil {
		return fail(err)
	}
	q, err := rq.page(cursorXP)
	if err != nil {
		return fail(err)
	}
	txs := s.axpOf(a.ID)
	page, more := pageDesc(txs, func(tx axpTx) int64 { return tx.seq }, q, nil)
	history := make([]axpTxJSON, 0, len(page))
	var last int64
	for _, tx := range page {
		h := axpTxJSON{ID: "axp_" + tx.e.ID, Amount: tx.rule.amount, Reason: tx.rule.reason,
			Description: tx.rule.description, OrderID: nullable(tx.e.OrderID), CreatedAt: formatTime(tx.e.CreatedAt)}
		switch tx.e.Type {
		case EventByte, EventByteLike, EventByteComment:
			h.ByteID = nullable(tx.e.PostID)
		default:
			h.PostID = nullable(tx.e.PostID)
		}
		history = append(history, h)
		last = tx.seq
	}
	body := listBody("history", history, cursorXP, last, more)
	body["axp"] = axpSummary(txs, rq.now)
	body["agent"] = agentInfo(a)
	return ok(body)
}
