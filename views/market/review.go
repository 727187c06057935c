package market

import (
	"errors"
	"strconv"
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"imagine/api"
	"imagine/views"
)

// The buyer's review of a completed order, a huh form on the order's
// screen: the rating (1-5, required: the form opens on "choose"), the
// optional quality, communication and delivery ratings, and the text.
// api.ValidateReview checks it before it is sent; a refusal, the client's
// or the server's, keeps the values with the reason beside the field.

// reviewForm is the open review form.
type reviewForm struct {
	paneForm
	orderID, title string
	d              *reviewDraft
}

// reviewDraft is the form's values; huh writes into it. 0 is "not
// given" (for the rating: not chosen yet).
type reviewDraft struct {
	rating, quality, communication, delivery int
	content                                  string
}

// reviewFields are the form's fields in order, as api.FieldError names
// them.
var reviewFields = []string{"rating", "qualityRating", "communicationRating", "deliveryRating", "content"}

// reviewedMsg is the answer to a review of order id sent by form seq.
type reviewedMsg struct {
	id  string
	seq int
	err error
}

// request is the draft as the API takes it.
func (d *reviewDraft) request(orderID string) *api.ReviewRequest {
	return &api.ReviewRequest{OrderID: orderID, Rating: d.rating, QualityRating: d.quality,
		CommunicationRating: d.communication, DeliveryRating: d.delivery, Content: strings.TrimSpace(d.content)}
}

// ratingOptions are a rating's steps: none (what zero means), then 1 to
// 5, so ← from "none" reaches 5 and → reaches 1.
func ratingOptions(none string) []huh.Option[int] {
	out := []huh.Option[int]{huh.NewOption(none, 0)}
	for n := api.MinRating; n <= api.MaxRating; n++ {
		out = append(out, huh.NewOption(strings.Repeat("★", n)+strings.Repeat("☆", api.MaxRating-n)+" "+strconv.Itoa(n), n))
	}
	return out
}

// alreadyReviewed is why an order reviewed in this session cannot be
// reviewed again.
const alreadyReviewed = "you have reviewed this order (one review per order)"

// nextOf is what happens next with e's order, "reviewed" once the
// operator has reviewed it.
func (m *Model) nextOf(e *entry) string {
	if e.role == roleBuyer && e.o.Status == api.OrderCompleted && m.reviewedIDs[e.o.ID] {
		return "reviewed"
	}
	return next(&e.o, e.role, m.shown)
}

// refusal is refusal for the operator's side of e, and a second review
// refused once the order is reviewed: R is then neither offered on the
// screen nor in the help.
func (m *Model) refusal(e *entry, a api.OrderAction) string {
	if a == reviewAction && m.reviewedIDs[e.o.ID] {
		return alreadyReviewed
	}
	return refusal(&e.o, e.role, a)
}

// markReviewed records that order id has its review.
func (m *Model) markReviewed(id string) {
	m.reviewedIDs[id] = true
	if e := m.byID[id]; e != nil {
		e.ver++
	}
	if m.open != nil && m.open.id == id {
		m.open.ver++
	}
}

// openReview opens the review form for e's order.
func (m *Model) openReview(e *entry) tea.Cmd {
	if m.reviewedIDs[e.o.ID] {
		return views.Status(views.LevelInfo, alreadyReviewed)
	}
	d := m.drafts.reviews[e.o.ID]
	if d == nil {
		d = &reviewDraft{}
	}
	m.open.review = &reviewForm{orderID: e.o.ID, title: title(&e.o), d: d}
	return m.buildReview()
}

// buildReview (re)builds the review form from its draft, a refusal
// beside its field.
func (m *Model) buildReview() tea.Cmd {
	f := m.open.review
	d := f.d
	sub := func(label, field string, v *int) huh.Field {
		return huh.NewSelect[int]().Title(f.label(label, field)).Options(ratingOptions("not given")...).Inline(true).Value(v)
	}
	text := huh.NewText().Title(f.label("Your review", "content")).CharLimit(api.MaxReviewRunes).Lines(5).Value(&d.content)
	f.last, f.send = text, "posts the review"
	form := huh.NewForm(
		huh.NewGroup(
			huh.NewSelect[int]().Title(f.label("Rating (required)", "rating")).
				Options(ratingOptions("choose 1-5")...).Inline(true).Value(&d.rating),
			sub("Quality (optional)", "qualityRating", &d.quality),
			sub("Communication (optional)", "communicationRating", &d.communication),
			sub("Delivery (optional)", "deliveryRating", &d.delivery),
			text,
		).Title(f.head("Review of " + views.NormalizeEmojiWidth(f.title))),
	)
	return m.startForm(&f.paneForm, form, reviewFields)
}

// submitReview checks the draft and sends it.
func (m *Model) submitReview() tea.Cmd {
	f := m.open.review
	req := f.d.request(f.orderID)
	if err := api.ValidateReview(req); err != nil {
		f.refuse(err)
		return m.buildReview()
	}
	if m.src == nil {
		f.refuse(errors.New("the marketplace is not available"))
		return m.buildReview()
	}
	f.busy, f.field, f.problem = true, "", ""
	ctx, src, seq := api.Background(m.ctx), m.src, f.seq
	return func() tea.Msg {
		_, err := src.CreateReview(ctx, req)
		return reviewedMsg{id: req.OrderID, seq: seq, err: err}
	}
}

// reviewed applies a review's answer; a second review is the server's
// 409, said as a sentence. When the form was closed meanwhile the answer
// goes to the status line.
func (m *Model) reviewed(msg reviewedMsg) tea.Cmd {
	err := msg.err
	if errors.Is(err, api.ErrConflict) {
		m.markReviewed(msg.id)
		err = errors.New("this order has already been reviewed (one review per order)")
	}
	var f *reviewForm
	if m.open != nil && m.open.review != nil && m.open.review.seq == msg.seq {
		f = m.open.review
	}
	if err != nil {
		if f == nil {
			return views.Failed("couldn't review", err)
		}
		f.refuse(err)
		return m.buildReview()
	}
	if f != nil {
		m.open.review = nil
	}
	keep(&m.drafts.reviews, msg.id, nil, false)
	m.markReviewed(msg.id)
	return views.Status(views.LevelInfo, "Review posted")
}

// reviewView draws the review form under the order's breadcrumb.
func (m *Model) reviewView() string {
	f := m.open.review
	p := m.pal
	hint := ""
	if choosing(&f.paneForm) {
		hint = "←/→ rating"
	}
	head := views.Crumbs(m.Path(), hint, m.width, p.title, p.muted, p.faint)
	return m.drawForm([]string{head}, &f.paneForm)
}
