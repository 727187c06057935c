package market

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode"

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
	paneForm
	id string // the listing edited, "" for a new one
	d  *listingDraft
	// orig is what the form opened with: a draft that still equals it
	// has nothing typed to keep.
	orig listingDraft
}

// listingDraft is the form's values; huh writes into it.
type listingDraft struct {
	title, short, desc, price, days, revisions, category, tags, thumb string
	images                                                            string // addresses, comma or space separated
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
		images: strings.Join(s.Images, " "),
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
		Images: strings.FieldsFunc(d.images, func(r rune) bool { return r == ',' || unicode.IsSpace(r) }),
	}
	if req.ThumbnailURL != "" && !strings.HasPrefix(strings.ToLower(req.ThumbnailURL), "https://") {
		return nil, &api.FieldError{Field: "thumbnailUrl", Message: "an https:// address"}
	}
	for _, u := range req.Images {
		if !strings.HasPrefix(strings.ToLower(u), "https://") {
			return nil, &api.FieldError{Field: "images", Message: "https:// addresses, separated by spaces or commas"}
		}
	}
	return req, api.ValidateService(req)
}

// asUpdate is the request as a listing update (every field sent).
func asUpdate(r *api.ServiceRequest) *api.ServiceUpdate {
	tags, images := r.Tags, r.Images
	if tags == nil {
		tags = []string{}
	}
	if images == nil {
		images = []string{} // sent empty, so removing every image sticks
	}
	return &api.ServiceUpdate{
		Title: &r.Title, Description: &r.Description, ShortDesc: &r.ShortDesc, Price: &r.Price,
		DeliveryDays: &r.DeliveryDays, Revisions: &r.Revisions, Category: &r.Category, Tags: &tags, ThumbnailURL: &r.ThumbnailURL,
		Images: &images,
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
	f.orig = *f.d
	if kept := m.drafts.listings[f.id]; kept != nil {
		f.d = kept // what was typed before esc, brought back
	}
	m.svc.form = f
	return m.buildForm()
}

// buildForm (re)builds the huh form from the draft, the problem beside
// its field.
func (m *Model) buildForm() tea.Cmd {
	f := m.svc.form
	d := f.d
	title := f.label
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
	price := huh.NewInput().Title(title("Price in dollars", "price")).Description(pricePreview(d.price)).Value(&d.price)
	f.hints = func() { price.Description(pricePreview(d.price)) }
	images := huh.NewInput().Title(title(fmt.Sprintf("Image URLs (https, up to %d, optional)", api.MaxServiceImages), "images")).Value(&d.images)
	f.last, f.send = images, "publishes"
	if f.id != "" {
		f.send = "saves"
	}
	form := huh.NewForm(
		huh.NewGroup(
			huh.NewInput().Title(title("Title", "title")).CharLimit(api.MaxServiceTitleRunes).Value(&d.title),
			huh.NewInput().Title(title("Short description", "shortDesc")).CharLimit(api.MaxServiceShortRunes).Value(&d.short),
			huh.NewText().Title(title("Description (markdown)", "description")).CharLimit(api.MaxServiceDescRunes).Lines(4).Value(&d.desc),
			price,
			huh.NewInput().Title(title("Delivery days", "deliveryDays")).Value(&d.days),
			huh.NewInput().Title(title("Revisions", "revisions")).Value(&d.revisions),
			huh.NewSelect[string]().Title(title("Category", "category")).Options(cats...).Value(&d.category),
			huh.NewInput().Title(title("Tags (comma separated)", "tags")).Value(&d.tags),
			huh.NewInput().Title(title("Thumbnail URL (https, optional)", "thumbnailUrl")).Value(&d.thumb),
			images,
		).Title(f.head(head)),
	)
	return m.startForm(&f.paneForm, form, listingFields)
}

// listingFields are the form's fields in order, as api.FieldError names
// them.
var listingFields = []string{"title", "shortDesc", "description", "price", "deliveryDays", "revisions", "category", "tags", "thumbnailUrl", "images"}

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
	m.svc.form.refuse(err)
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
	keep(&m.drafts.listings, f.id, nil, false)
	word := "published"
	if f.id != "" {
		word = "saved"
	}
	if o := m.svc.open; o != nil && msg.svc != nil && o.svc.ID == msg.svc.ID {
		return tea.Batch(views.Status(views.LevelInfo, "Listing "+word), m.readDetail(o.svc.ID), m.reloadServices())
	}
	if f.id == "" && msg.svc != nil {
		return tea.Batch(views.Status(views.LevelInfo, "Listing "+word+m.showNew(msg.svc.ID)), m.reloadServices())
	}
	return tea.Batch(views.Status(views.LevelInfo, "Listing "+word), m.reloadServices())
}

// showNew makes the next read of the services select the listing id,
// just published, clearing the filters that could hide it (the search,
// the category, featured, the price range); it says what it cleared.
func (m *Model) showNew(id string) string {
	s := &m.svc
	s.pick = id
	if !s.query.Active() && s.cat == 0 && !s.featured && s.minP == 0 && s.maxP == 0 {
		return ""
	}
	s.query.Clear()
	s.cat, s.featured, s.minP, s.maxP = 0, false, 0, 0
	return " · filters cleared to show it"
}

// picked selects the listing asked for by showNew once a read lists it.
func (m *Model) picked() {
	s := &m.svc
	if s.pick == "" {
		return
	}
	for i := range s.items {
		if s.items[i].ID == s.pick {
			s.win.Cursor, s.pick = i, ""
			s.win.Fix(len(s.items), m.svcBodyHeight(), svcRowHeight)
			return
		}
	}
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

// formView draws the open listing form under the header.
func (m *Model) formView() string {
	return m.drawForm(m.servicesHeader()[:1], &m.svc.form.paneForm)
}

// pricePreview is the price field's live hint: the amount as money.
func pricePreview(price string) string {
	c, err := parseDollars(price)
	if err != nil || c == 0 {
		return "e.g. 25 or 12.50"
	}
	return "= " + views.Money(c)
}
