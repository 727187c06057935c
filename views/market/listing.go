package market

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"imagine/api"
	"imagine/views"
)

// The operator's own listings, on the Services section: n creates one
// (a huh form checked with api.ValidateService before sending), e edits
// one of the operator's (the same form, sent as an update), d deletes
// one (confirmed; the server may deactivate it instead). A refused form
// keeps its values, the reason beside the field.

// listingForm is the open listing form.
type listingForm struct {
	id   string // the listing edited, "" for a new one
	seq  int    // tags the form's messages
	form *huh.Form
	d    *listingDraft
	// field and problem say why the last submit was refused ("" for the
	// whole form); busy while the request is on its way.
	field, problem string
	busy           bool
}

// listingDraft is the form's values; huh writes into it.
type listingDraft struct {
	title, short, desc, price, days, revisions, category, tags, thumb string
}

// listingSavedMsg answers a create or an update.
type listingSavedMsg struct {
	seq int
	svc *api.MarketService
	err error
}

// listingDeletedMsg answers a delete.
type listingDeletedMsg struct {
	id          string
	deactivated bool
	err         error
}

func draftOf(s *api.MarketService) *listingDraft {
	if s == nil {
		return &listingDraft{days: "3", revisions: "1", category: "CREATIVE"}
	}
	return &listingDraft{
		title: s.Title, short: s.ShortDesc, desc: s.Description,
		price: dollars(s.Price), days: strconv.Itoa(s.DeliveryDays), revisions: strconv.Itoa(s.Revisions),
		category: s.Category, tags: strings.Join(s.Tags, ", "), thumb: s.ThumbnailURL,
	}
}

// request builds the request from the draft; errors name the field.
func (d *listingDraft) request() (*api.ServiceRequest, error) {
	price, err := parseDollars(d.price)
	if err != nil {
		return nil, &api.FieldError{Field: "price", Message: err.Error()}
	}
	days, err := strconv.Atoi(strings.TrimSpace(d.days))
	if err != nil {
		return nil, &api.FieldError{Field: "deliveryDays", Message: "a whole number of days"}
	}
	revs, err := strconv.Atoi(strings.TrimSpace(d.revisions))
	if err != nil {
		return nil, &api.FieldError{Field: "revisions", Message: "a whole number"}
	}
	var tags []string
	for _, t := range strings.Split(d.tags, ",") {
		if t = strings.TrimSpace(t); t != "" {
			tags = append(tags, t)
		}
	}
	req := &api.ServiceRequest{
		Title: d.title, ShortDesc: d.short, Description: d.desc, Price: price,
		DeliveryDays: days, Revisions: revs, Category: d.category, Tags: tags, ThumbnailURL: strings.TrimSpace(d.thumb),
	}
	if req.ThumbnailURL != "" && !strings.HasPrefix(strings.ToLower(req.ThumbnailURL), "https://") {
		return nil, &api.FieldError{Field: "thumbnailUrl", Message: "an https:// address"}
	}
	return req, api.ValidateService(req)
}

// asUpdate is the request as a listing update (every field sent).
func asUpdate(r *api.ServiceRequest) *api.ServiceUpdate {
	tags := r.Tags
	if tags == nil {
		tags = []string{}
	}
	return &api.ServiceUpdate{
		Title: &r.Title, Description: &r.Description, ShortDesc: &r.ShortDesc, Price: &r.Price,
		DeliveryDays: &r.DeliveryDays, Revisions: &r.Revisions, Category: &r.Category, Tags: &tags, ThumbnailURL: &r.ThumbnailURL,
	}
}

// openListing opens the form: a new listing (svc nil) or an edit.
func (m *Model) openListing(svc *api.MarketService) tea.Cmd {
	if svc != nil && !m.mine(svc) {
		return views.Status(views.LevelWarn, "only the seller can edit this listing")
	}
	f := &listingForm{d: draftOf(svc)}
	if svc != nil {
		f.id = svc.ID
	}
	m.svc.form = f
	return m.buildForm()
}

// buildForm (re)builds the huh form from the draft, the problem beside
// its field.
func (m *Model) buildForm() tea.Cmd {
	f := m.svc.form
	m.formSeq++
	f.seq = m.formSeq
	d := f.d
	title := func(label, field string) string {
		if f.field == field && f.problem != "" {
			return label + " — " + f.problem
		}
		return label
	}
	cats := make([]huh.Option[string], 0, len(serviceCategories))
	for _, c := range serviceCategories {
		cats = append(cats, huh.NewOption(strings.ToLower(c), c))
	}
	if d.category != "" && !strings.Contains(strings.Join(serviceCategories, " "), d.category) {
		cats = append(cats, huh.NewOption(strings.ToLower(d.category), d.category))
	}
	head := "New listing"
	if f.id != "" {
		head = "Edit listing"
	}
	if f.problem != "" && f.field == "" {
		head += " — " + f.problem
	}
	form := huh.NewForm(
		huh.NewGroup(
			huh.NewInput().Title(title("Title", "title")).CharLimit(api.MaxServiceTitleRunes).Value(&d.title),
			huh.NewInput().Title(title("Short description", "shortDesc")).CharLimit(api.MaxServiceShortRunes).Value(&d.short),
			huh.NewText().Title(title("Description (markdown)", "description")).CharLimit(api.MaxServiceDescRunes).Lines(4).Value(&d.desc),
			huh.NewInput().Title(title("Price in dollars", "price")).
				DescriptionFunc(func() string {
					c, err := parseDollars(d.price)
					if err != nil || c == 0 {
						return "e.g. 25 or 12.50"
					}
					return "= " + views.Money(c)
				}, &d.price).Value(&d.price),
			huh.NewInput().Title(title("Delivery days", "deliveryDays")).Value(&d.days),
			huh.NewInput().Title(title("Revisions", "revisions")).Value(&d.revisions),
			huh.NewSelect[string]().Title(title("Category", "category")).Options(cats...).Value(&d.category),
			huh.NewInput().Title(title("Tags (comma separated)", "tags")).Value(&d.tags),
			huh.NewInput().Title(title("Thumbnail URL (https, optional)", "thumbnailUrl")).Value(&d.thumb),
		).Title(head),
	)
	f.form = form
	cmds := []tea.Cmd{m.hostForm(form, f.seq)}
	// A refusal puts the focus on the field it names.
	for range slices.Index(listingFields, f.field) {
		cmds = append(cmds, wrapForm(f.seq, form.NextField()))
	}
	return tea.Batch(cmds...)
}

// listingFields are the form's fields in order, as api.FieldError names
// them.
var listingFields = []string{"title", "shortDesc", "description", "price", "deliveryDays", "revisions", "category", "tags", "thumbnailUrl"}

// formKey hands a key to the open form; esc closes it, nothing sent.
func (m *Model) formKey(msg tea.KeyPressMsg) tea.Cmd {
	f := m.svc.form
	if key.Matches(msg, m.keys.Jobs.Cancel) {
		m.svc.form = nil
		return views.Status(views.LevelInfo, "cancelled: nothing was sent")
	}
	if f.busy {
		return nil
	}
	return m.formUpdate(f.seq, msg)
}

// formUpdate hands msg to the form seq and sends it once submitted.
func (m *Model) formUpdate(seq int, msg tea.Msg) tea.Cmd {
	f := m.svc.form
	if f == nil || f.seq != seq || f.busy {
		return nil
	}
	_, c := f.form.Update(msg)
	cmd := wrapForm(seq, c)
	if f.form.State != huh.StateCompleted {
		return cmd
	}
	return tea.Batch(cmd, m.submitListing())
}

// submitListing checks the draft and sends it; a refusal rebuilds the
// form with the values kept and the reason beside the field.
func (m *Model) submitListing() tea.Cmd {
	f := m.svc.form
	req, err := f.d.request()
	if err != nil {
		return m.refuseForm(err)
	}
	if m.src == nil {
		return m.refuseForm(errors.New("the marketplace is not available"))
	}
	f.busy, f.field, f.problem = true, "", ""
	ctx, src, id, seq := api.Background(m.ctx), m.src, f.id, f.seq
	return func() tea.Msg {
		var s *api.MarketService
		var err error
		if id == "" {
			s, err = src.CreateService(ctx, req)
		} else {
			s, err = src.UpdateService(ctx, id, asUpdate(req))
		}
		return listingSavedMsg{seq: seq, svc: s, err: err}
	}
}

// refuseForm shows why the form was refused, beside the field it names.
func (m *Model) refuseForm(err error) tea.Cmd {
	f := m.svc.form
	f.busy = false
	var fe *api.FieldError
	if errors.As(err, &fe) {
		f.field, f.problem = fe.Field, fe.Message
	} else {
		f.field, f.problem = "", views.Describe(err)
	}
	return m.buildForm()
}

// listingSaved applies a create or update's answer.
func (m *Model) listingSaved(msg listingSavedMsg) tea.Cmd {
	f := m.svc.form
	if f == nil || f.seq != msg.seq {
		return nil
	}
	if msg.err != nil {
		return m.refuseForm(msg.err)
	}
	m.svc.form = nil
	word := "published"
	if f.id != "" {
		word = "saved"
	}
	if o := m.svc.open; o != nil && msg.svc != nil && o.svc.ID == msg.svc.ID {
		return tea.Batch(views.Status(views.LevelInfo, "Listing "+word), m.readDetail(o.svc.ID), m.reloadServices())
	}
	return tea.Batch(views.Status(views.LevelInfo, "Listing "+word), m.reloadServices())
}

// deleteListing asks before deleting one of the operator's listings.
func (m *Model) deleteListing(svc *api.MarketService) tea.Cmd {
	if svc == nil {
		return nil
	}
	if !m.mine(svc) {
		return views.Status(views.LevelWarn, "only the seller can delete this listing")
	}
	ctx, src, id := api.Background(m.ctx), m.src, svc.ID
	return views.Confirm("Delete this listing?",
		fmt.Sprintf("%q is removed from the marketplace (deactivated instead when it has active orders).", views.NormalizeEmojiWidth(svc.Title)),
		func() tea.Msg {
			deact, err := src.DeleteService(ctx, id)
			return listingDeletedMsg{id: id, deactivated: deact, err: err}
		})
}

// listingDeleted applies a delete's answer.
func (m *Model) listingDeleted(msg listingDeletedMsg) tea.Cmd {
	if msg.err != nil {
		return views.Failed("couldn't delete the listing", msg.err)
	}
	if o := m.svc.open; o != nil && o.svc.ID == msg.id {
		m.svc.open = nil
	}
	text := "Listing deleted"
	if msg.deactivated {
		text = "deactivated instead of deleted: it has active orders"
	}
	return tea.Batch(views.Status(views.LevelInfo, text), m.reloadServices())
}

// formView draws the open form under the header.
func (m *Model) formView() string {
	p := m.pal
	f := m.svc.form
	lines := m.servicesHeader()[:1]
	if f.busy {
		lines = append(lines, views.Truncate(p.muted.Render("sending…"), m.width))
	}
	lines = append(lines, strings.Split(f.form.View(), "\n")...)
	hint := p.faint.Render("tab/enter next · shift+tab back · " + m.keys.Jobs.Cancel.Help().Key + " cancel")
	out := make([]string, 0, m.height)
	for _, l := range lines {
		out = append(out, views.Fit(l, m.width, p.pad))
	}
	if len(out) > m.height-1 {
		out = out[:m.height-1]
	}
	for len(out) < m.height-1 {
		out = append(out, "")
	}
	return views.Rows(append(out, views.Truncate(hint, m.width)), m.height)
}
