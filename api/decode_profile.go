package api

// Tolerant decoding of analytics, webhook, avatar and report answers
// (types_discover.go), whose shapes the spec does not give (api-reference
// §10 Q20, Q23). Each reads the sandbox's names and the usual variants;
// everything still goes through decode, so every string is cleaned.

import (
	"cmp"
	"encoding/json"
	"math"
	"time"
)

// periodWire is one period of the overview under its several names.
type periodWire struct {
	Start          flexTime    `json:"start"`
	End            flexTime    `json:"end"`
	Views          flexInt     `json:"views"`
	Impressions    flexInt     `json:"impressions"`
	Likes          flexInt     `json:"likes"`
	Comments       flexInt     `json:"comments"`
	Reposts        flexInt     `json:"reposts"`
	NewFollowers   flexInt     `json:"newFollowers"`
	Followers      flexInt     `json:"followers"`
	Posts          flexInt     `json:"posts"`
	Engagement     flexInt     `json:"engagement"`
	EngagementRate signedFloat `json:"engagementRate"`
}

func (p periodWire) period() AnalyticsPeriod {
	out := AnalyticsPeriod{Start: time.Time(p.Start), End: time.Time(p.End), Views: firstInt(p.Views, p.Impressions),
		Likes: p.Likes.n, Comments: p.Comments.n, Reposts: p.Reposts.n, NewFollowers: firstInt(p.NewFollowers, p.Followers),
		Posts: p.Posts.n, EngagementRate: math.Max(p.EngagementRate.f, 0)}
	out.Engagement = firstInt(p.Engagement, flexInt{n: out.Likes + out.Comments + out.Reposts, set: true})
	return out
}

// overviewTarget decodes GET /api/analytics/overview: periods under
// current/previous (or currentPeriod/previousPeriod), changes under
// changes (or percentChanges) as numbers, numeric strings or null.
type overviewTarget struct{ out *AnalyticsOverview }

func (t overviewTarget) parse(body []byte) (any, error) {
	var w struct {
		Range          string                 `json:"range"`
		Current        *periodWire            `json:"current"`
		CurrentPeriod  *periodWire            `json:"currentPeriod"`
		Previous       *periodWire            `json:"previous"`
		PreviousPeriod *periodWire            `json:"previousPeriod"`
		Changes        map[string]signedFloat `json:"changes"`
		PercentChanges map[string]signedFloat `json:"percentChanges"`
		Totals         struct {
			Followers, Following, Posts flexInt
		} `json:"totals"`
		Daily []struct {
			Date         json.RawMessage `json:"date"`
			Views        flexInt         `json:"views"`
			Likes        flexInt         `json:"likes"`
			Comments     flexInt         `json:"comments"`
			NewFollowers flexInt         `json:"newFollowers"`
		} `json:"daily"`
	}
	if err := json.Unmarshal(body, &w); err != nil {
		return nil, malformed(err)
	}
	o := AnalyticsOverview{Range: w.Range, Changes: map[string]Change{},
		Followers: w.Totals.Followers.n, Following: w.Totals.Following.n, Posts: w.Totals.Posts.n}
	if p := cmp.Or(w.Current, w.CurrentPeriod); p != nil {
		o.Current = p.period()
	}
	if p := cmp.Or(w.Previous, w.PreviousPeriod); p != nil {
		o.Previous = p.period()
	}
	changes := w.Changes
	if changes == nil {
		changes = w.PercentChanges
	}
	for k, v := range changes {
		o.Changes[k] = Change{Percent: v.f, Known: v.set}
	}
	for _, d := range w.Daily {
		date := dayOf(d.Date)
		if date.IsZero() {
			continue
		}
		o.Daily = append(o.Daily, AnalyticsDay{Date: date, Views: d.Views.n, Likes: d.Likes.n, Comments: d.Comments.n, NewFollowers: d.NewFollowers.n})
	}
	*t.out = o
	return t.out, nil
}

// dateLayout is a bare date, as the daily figures give it.
const dateLayout = "2006-01-02"

// dayOf reads a day given as a bare date or as a timestamp.
func dayOf(raw json.RawMessage) time.Time {
	var s string
	if json.Unmarshal(raw, &s) == nil {
		if d, err := time.Parse(dateLayout, s); err == nil {
			return d
		}
	}
	var t flexTime
	_ = t.UnmarshalJSON(raw)
	return time.Time(t)
}

// UnmarshalJSON implements json.Unmarshaler: the post under postId or id,
// each figure under its name or its …Count form.
func (p *PostPerformance) UnmarshalJSON(b []byte) error {
	var w struct {
		ID             json.RawMessage `json:"id"`
		PostID         json.RawMessage `json:"postId"`
		Content        flexText        `json:"content"`
		MediaType      string          `json:"mediaType"`
		CreatedAt      flexTime        `json:"createdAt"`
		Views          flexInt         `json:"views"`
		ViewCount      flexInt         `json:"viewCount"`
		Likes          flexInt         `json:"likes"`
		LikeCount      flexInt         `json:"likeCount"`
		Comments       flexInt         `json:"comments"`
		CommentCount   flexInt         `json:"commentCount"`
		Reposts        flexInt         `json:"reposts"`
		RepostCount    flexInt         `json:"repostCount"`
		Amplifies      flexInt         `json:"amplifies"`
		AmplifyCount   flexInt         `json:"amplifyCount"`
		Engagement     flexInt         `json:"engagement"`
		EngagementRate signedFloat     `json:"engagementRate"`
	}
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	*p = PostPerformance{PostID: cmp.Or(textOf(w.PostID), textOf(w.ID)), Content: string(w.Content), MediaType: w.MediaType,
		CreatedAt: time.Time(w.CreatedAt), Views: firstInt(w.Views, w.ViewCount), Likes: firstInt(w.Likes, w.LikeCount),
		Comments: firstInt(w.Comments, w.CommentCount), Reposts: firstInt(w.Reposts, w.RepostCount),
		Amplifies: firstInt(w.Amplifies, w.AmplifyCount), EngagementRate: math.Max(w.EngagementRate.f, 0)}
	p.Engagement = firstInt(w.Engagement, flexInt{n: p.Likes + p.Comments + p.Reposts, set: true})
	return nil
}

// deliveryWire is a webhook delivery on the wire.
type deliveryWire struct {
	ID        json.RawMessage `json:"id"`
	Event     string          `json:"event"`
	Type      string          `json:"type"`
	Delivered flexBool        `json:"delivered"`
	Success   flexBool        `json:"success"`
	Status    flexInt         `json:"status"`
	Error     *string         `json:"error"`
	At        flexTime        `json:"at"`
	CreatedAt flexTime        `json:"createdAt"`
}

func (d *deliveryWire) delivery() *WebhookDelivery {
	if d == nil {
		return nil
	}
	at := time.Time(d.At)
	if at.IsZero() {
		at = time.Time(d.CreatedAt)
	}
	ok := d.Delivered.b || d.Success.b || (!d.Delivered.set && !d.Success.set && d.Status.n >= 200 && d.Status.n < 300)
	return &WebhookDelivery{ID: textOf(d.ID), Event: cmp.Or(d.Event, d.Type), Delivered: ok, Status: d.Status.n, Error: deref(d.Error), At: at}
}

// UnmarshalJSON implements json.Unmarshaler: the URL under webhookUrl or
// url, the state under active or enabled (a URL alone means active), the
// secret under secret or webhookSecret; an answer wrapped as {"webhook":
// …} is unwrapped, once.
func (wh *Webhook) UnmarshalJSON(b []byte) error { return wh.decode(b, true) }

// decode reads a webhook, unwrapping {"webhook": …} when unwrap is set (a
// nest of wrappers costs one level, not one parse per level).
func (wh *Webhook) decode(b []byte, unwrap bool) error {
	var w struct {
		Webhook       json.RawMessage `json:"webhook"`
		WebhookURL    *string         `json:"webhookUrl"`
		URL           *string         `json:"url"`
		Active        flexBool        `json:"active"`
		Enabled       flexBool        `json:"enabled"`
		HasSecret     flexBool        `json:"hasSecret"`
		Secret        string          `json:"secret"`
		WebhookSecret string          `json:"webhookSecret"`
		Events        flexStrings     `json:"events"`
		CreatedAt     flexTime        `json:"createdAt"`
		UpdatedAt     flexTime        `json:"updatedAt"`
		LastDelivery  *deliveryWire   `json:"lastDelivery"`
		Test          *deliveryWire   `json:"test"`
	}
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	if unwrap && isObject(w.Webhook) && w.WebhookURL == nil && w.URL == nil {
		return wh.decode(w.Webhook, false)
	}
	u := SafeLink(deref(cmp.Or(w.WebhookURL, w.URL)))
	secret := cmp.Or(w.Secret, w.WebhookSecret)
	*wh = Webhook{URL: u, Secret: Secret(secret), Events: orEmpty(w.Events),
		CreatedAt: time.Time(w.CreatedAt), UpdatedAt: time.Time(w.UpdatedAt),
		LastDelivery: w.LastDelivery.delivery(), Test: w.Test.delivery()}
	switch {
	case w.Active.set:
		wh.Active = w.Active.b
	case w.Enabled.set:
		wh.Active = w.Enabled.b
	default:
		wh.Active = u != ""
	}
	wh.HasSecret = w.HasSecret.b || secret != ""
	return nil
}

// UnmarshalJSON implements json.Unmarshaler: {url, agent}, or the bare
// updated profile (whose avatarUrl is then the URL).
func (a *Avatar) UnmarshalJSON(b []byte) error {
	var w struct {
		URL       *string         `json:"url"`
		AvatarURL *string         `json:"avatarUrl"`
		Agent     json.RawMessage `json:"agent"`
	}
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	*a = Avatar{}
	if isObject(w.Agent) {
		a.Agent = agentOf(w.Agent)
	} else if err := json.Unmarshal(b, &a.Agent); err != nil {
		return err
	}
	a.URL = SafeLink(cmp.Or(deref(w.URL), deref(w.AvatarURL), a.Agent.AvatarURL))
	return nil
}

// UnmarshalJSON implements json.Unmarshaler: {report: {…}, message} or
// the bare report; targets under reportedAgentId… or agentId….
func (r *Report) UnmarshalJSON(b []byte) error { return r.decode(b, true) }

// decode reads a report, unwrapping {"report": …} once when unwrap is set.
func (r *Report) decode(b []byte, unwrap bool) error {
	var w struct {
		Report            json.RawMessage `json:"report"`
		Message           string          `json:"message"`
		ID                json.RawMessage `json:"id"`
		Reason            string          `json:"reason"`
		Description       *string         `json:"description"`
		ReportedAgentID   *string         `json:"reportedAgentId"`
		ReportedPostID    *string         `json:"reportedPostId"`
		ReportedCommentID *string         `json:"reportedCommentId"`
		AgentID           *string         `json:"agentId"`
		PostID            *string         `json:"postId"`
		CommentID         *string         `json:"commentId"`
		Status            string          `json:"status"`
		CreatedAt         flexTime        `json:"createdAt"`
	}
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	if unwrap && isObject(w.Report) {
		if err := r.decode(w.Report, false); err != nil {
			return err
		}
		r.Message = cmp.Or(w.Message, r.Message)
		return nil
	}
	*r = Report{ID: textOf(w.ID), Reason: w.Reason, Description: deref(w.Description),
		AgentID: deref(cmp.Or(w.ReportedAgentID, w.AgentID)), PostID: deref(cmp.Or(w.ReportedPostID, w.PostID)),
		CommentID: deref(cmp.Or(w.ReportedCommentID, w.CommentID)), Status: w.Status, CreatedAt: time.Time(w.CreatedAt), Message: w.Message}
	return nil
}
