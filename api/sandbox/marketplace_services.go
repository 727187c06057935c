package sandbox

import (
	"cmp"
	"math"
	"net/http"
	"slices"
	"strconv"
	"strings"
)

// listingJSON is a marketplace service on the wire.
type listingJSON struct {
	ID           string        `json:"id"`
	Title        string        `json:"title"`
	Description  string        `json:"description"`
	ShortDesc    string        `json:"shortDesc"`
	Price        int           `json:"price"`
	Currency     string        `json:"currency"`
	DeliveryDays int           `json:"deliveryDays"`
	Revisions    int           `json:"revisions"`
	Category     string        `json:"category"`
	Tags         []string      `json:"tags"`
	ThumbnailURL *string       `json:"thumbnailUrl"`
	Images       []string      `json:"images"`
	Featured     bool          `json:"featured"`
	IsActive     bool          `json:"isActive"`
	AvgRating    float64       `json:"avgRating"`
	ReviewCount  int           `json:"reviewCount"`
	OrderCount   int           `json:"orderCount"`
	CreatedAt    string        `json:"createdAt"`
	UpdatedAt    string        `json:"updatedAt"`
	Agent        agentInfoJSON `json:"agent"`
}

// sellerStatsJSON is the seller's record on a service's detail.
type sellerStatsJSON struct {
	Followers       int     `json:"followers"`
	Following       int     `json:"following"`
	Posts           int     `json:"posts"`
	ServiceCount    int     `json:"serviceCount"`
	CompletedOrders int     `json:"completedOrders"`
	ReviewCount     int     `json:"reviewCount"`
	AvgRating       float64 `json:"avgRating"`
}

// listingDetailJSON is GET /api/marketplace/services/{id}.
type listingDetailJSON struct {
	listingJSON
	Reviews     []reviewJSON    `json:"reviews"`
	AgentStats  sellerStatsJSON `json:"agentStats"`
	HasMoreRevs bool            `json:"hasMoreReviews"`
}

// avgOf rounds an average rating to two decimals; no reviews is 0.
func avgOf(sum, n int) float64 {
	if n == 0 {
		return 0
	}
	return math.Round(float64(sum)/float64(n)*100) / 100
}

func (s *Server) renderListing(l listingRecord) listingJSON {
	return listingJSON{
		ID: l.ID, Title: l.Title, Description: l.Description, ShortDesc: l.ShortDesc,
		Price: l.Price, Currency: "USD", DeliveryDays: l.DeliveryDays, Revisions: l.Revisions,
		Category: l.Category, Tags: nonNil(l.Tags), ThumbnailURL: nullable(l.ThumbnailURL),
		Images: nonNil(l.Images), Featured: l.Featured, IsActive: l.Active,
		AvgRating: avgOf(l.RatingSum, l.ReviewCount), ReviewCount: l.ReviewCount, OrderCount: l.OrderCount,
		CreatedAt: formatTime(l.CreatedAt), UpdatedAt: formatTime(l.UpdatedAt), Agent: s.agentInfoByID(l.AgentID),
	}
}

// serviceInput is the body of POST and PATCH; nil fields are absent.
type serviceInput struct {
	Title        *string   `json:"title"`
	Description  *string   `json:"description"`
	ShortDesc    *string   `json:"shortDesc"`
	Price        *int      `json:"price"`
	DeliveryDays *int      `json:"deliveryDays"`
	Revisions    *int      `json:"revisions"`
	Category     *string   `json:"category"`
	Tags         *[]string `json:"tags"`
	ThumbnailURL *string   `json:"thumbnailUrl"`
	Images       *[]string `json:"images"`
	IsActive     *bool     `json:"isActive"`
}

// apply validates the present fields and copies them into l.
func (in serviceInput) apply(l *listingRecord) error {
	if in.Title != nil {
		if err := checkText("title", *in.Title, maxServiceTitleRunes); err != nil {
			return err
		}
		l.Title = strings.TrimSpace(*in.Title)
	}
	if in.Description != nil {
		if err := checkText("description", *in.Description, maxServiceDescRunes); err != nil {
			return err
		}
		l.Description = *in.Description
	}
	if in.ShortDesc != nil {
		if err := checkRunes("shortDesc", *in.ShortDesc, maxShortDescRunes); err != nil {
			return err
		}
		l.ShortDesc = strings.TrimSpace(*in.ShortDesc)
	}
	if in.Price != nil {
		if *in.Price <= 0 || *in.Price > maxServicePrice {
			return newError(http.StatusBadRequest, "invalid_price", "price is in cents, from 1 to %d", maxServicePrice)
		}
		l.Price = *in.Price
	}
	if in.DeliveryDays != nil {
		if *in.DeliveryDays < minDeliveryDays || *in.DeliveryDays > maxDeliveryDays {
			return badInput("deliveryDays must be from %d to %d", minDeliveryDays, maxDeliveryDays)
		}
		l.DeliveryDays = *in.DeliveryDays
	}
	if in.Revisions != nil {
		if *in.Revisions < 0 || *in.Revisions > maxRevisions {
			return badInput("revisions must be from 0 to %d", maxRevisions)
		}
		l.Revisions = *in.Revisions
	}
	if in.Category != nil {
		if err := oneOf("category", *in.Category, serviceCategories); err != nil {
			return err
		}
		l.Category = *in.Category
	}
	if in.Tags != nil {
		tags := *in.Tags
		if len(tags) > maxServiceTags {
			return badInput("at most %d tags", maxServiceTags)
		}
		for _, t := range tags {
			if strings.TrimSpace(t) == "" || len([]rune(t)) > maxServiceTagRunes {
				return badInput("a tag is 1 to %d characters", maxServiceTagRunes)
			}
		}
		l.Tags = slices.Clone(tags)
	}
	if in.ThumbnailURL != nil {
		if *in.ThumbnailURL != "" {
			if err := checkHTTPS("thumbnailUrl", *in.ThumbnailURL); err != nil {
				return err
			}
		}
		l.ThumbnailURL = *in.ThumbnailURL
	}
	if in.Images != nil {
		if len(*in.Images) > maxServiceImages {
			return badInput("at most %d images", maxServiceImages)
		}
		for _, u := range *in.Images {
			if err := checkHTTPS("images", u); err != nil {
				return err
			}
		}
		l.Images = slices.Clone(*in.Images)
	}
	if in.IsActive != nil {
		l.Active = *in.IsActive
	}
	return nil
}

// serviceQuery is the parsed query of the services list.
type serviceQuery struct {
	category, search string
	featured         *bool
	minPrice         int
	maxPrice         int // 0: no maximum
	sortBy           string
	desc             bool
	offset, limit    int
}

func parseServiceQuery(rq *request) (serviceQuery, error) {
	v := rq.r.URL.Query()
	q := serviceQuery{sortBy: "createdAt", desc: true}
	pq, err := rq.page(cursorServices)
	if err != nil {
		return q, err
	}
	q.offset, q.limit = int(pq.Cursor), pq.Limit
	if c := v.Get("category"); c != "" {
		c = strings.ToUpper(c)
		if err := oneOf("category", c, serviceCategories); err != nil {
			return q, err
		}
		q.category = c
	}
	q.search = strings.ToLower(strings.TrimSpace(v.Get("search")))
	if f := v.Get("featured"); f != "" {
		b, err := strconv.ParseBool(f)
		if err != nil {
			return q, badInput("featured must be true or false")
		}
		q.featured = &b
	}
	for _, p := range []struct {
		name string
		dst  *int
	}{{"minPrice", &q.minPrice}, {"maxPrice", &q.maxPrice}} {
		if raw := v.Get(p.name); raw != "" {
			n, err := strconv.Atoi(raw)
			if err != nil || n < 0 {
				return q, newError(http.StatusBadRequest, "invalid_price", "%s is a whole number of cents", p.name)
			}
			*p.dst = n
		}
	}
	if q.maxPrice > 0 && q.minPrice > q.maxPrice {
		return q, newError(http.StatusBadRequest, "invalid_price", "minPrice is above maxPrice")
	}
	if sb := v.Get("sortBy"); sb != "" {
		if err := oneOf("sortBy", sb, []string{"createdAt", "price", "avgRating", "orderCount"}); err != nil {
			return q, err
		}
		q.sortBy = sb
	}
	if so := v.Get("sortOrder"); so != "" {
		if err := oneOf("sortOrder", so, []string{"asc", "desc"}); err != nil {
			return q, err
		}
		q.desc = so == "desc"
	}
	return q, nil
}

func (q serviceQuery) keep(l *listingRecord) bool {
	switch {
	case !l.Active,
		q.category != "" && l.Category != q.category,
		q.featured != nil && l.Featured != *q.featured,
		l.Price < q.minPrice,
		q.maxPrice > 0 && l.Price > q.maxPrice:
		return false
	}
	if q.search == "" {
		return true
	}
	hay := strings.ToLower(l.Title + "\n" + l.ShortDesc + "\n" + l.Description + "\n" + strings.Join(l.Tags, "\n"))
	return strings.Contains(hay, q.search)
}

func (q serviceQuery) compare(a, b listingRecord) int {
	var c int
	switch q.sortBy {
	case "price":
		c = cmp.Compare(a.Price, b.Price)
	case "avgRating":
		c = cmp.Compare(avgOf(a.RatingSum, a.ReviewCount), avgOf(b.RatingSum, b.ReviewCount))
	case "orderCount":
		c = cmp.Compare(a.OrderCount, b.OrderCount)
	}
	c = cmp.Or(c, a.CreatedAt.Compare(b.CreatedAt), cmp.Compare(a.Seq, b.Seq))
	if q.desc {
		return -c
	}
	return c
}

// listListings is GET /api/marketplace/services: active services, sorted
// and filtered; the cursor is an offset into that order.
func (s *Server) listListings(rq *request) reply {
	q, err := parseServiceQuery(rq)
	if err != nil {
		return fail(err)
	}
	all := s.store.Listings(q.keep)
	slices.SortFunc(all, q.compare)
	from := min(q.offset, len(all))
	to := min(from+q.limit, len(all))
	out := make([]listingJSON, 0, to-from)
	for _, l := range all[from:to] {
		out = append(out, s.renderListing(l))
	}
	body := listBody("services", out, cursorServices, int64(to), to < len(all))
	body["total"] = len(all)
	return ok(body)
}

// detailReviews is how many reviews a service's detail carries.
const detailReviews = 10

// showListing is GET /api/marketplace/services/{id}: the service (also a
// deactivated one), its latest reviews and the seller's stats.
func (s *Server) showListing(rq *request) reply {
	l, found := s.store.Listing(rq.path("id"))
	if !found {
		return fail(notFound("Service"))
	}
	revs, more := s.store.ListReviews(l.ID, pageQuery{Limit: detailReviews})
	d := listingDetailJSON{listingJSON: s.renderListing(l), Reviews: s.renderReviews(revs), HasMoreRevs: more}
	if a, ok := s.store.Agent(l.AgentID); ok {
		d.AgentStats.Followers, d.AgentStats.Following, d.AgentStats.Posts = a.FollowerCount, a.FollowingCount, a.PostCount
	}
	var sum int
	for _, x := range s.store.Listings(func(x *listingRecord) bool { return x.AgentID == l.AgentID }) {
		if x.Active {
			d.AgentStats.ServiceCount++
		}
		d.AgentStats.CompletedOrders += x.OrderCount
		d.AgentStats.ReviewCount += x.ReviewCount
		sum += x.RatingSum
	}
	d.AgentStats.AvgRating = avgOf(sum, d.AgentStats.ReviewCount)
	return ok(map[string]any{"service": d})
}

// createListingHandler is POST /api/marketplace/services. title, description,
// price, deliveryDays and category are required; revisions defaults to 0.
func (s *Server) createListingHandler(rq *request) reply {
	var in serviceInput
	if err := rq.decode(&in); err != nil {
		return fail(err)
	}
	for _, r := range []struct {
		name    string
		present bool
	}{{"title", in.Title != nil}, {"description", in.Description != nil}, {"price", in.Price != nil},
		{"deliveryDays", in.DeliveryDays != nil}, {"category", in.Category != nil}} {
		if !r.present {
			return fail(newError(http.StatusBadRequest, "validation_error", "%s is required", r.name))
		}
	}
	l := listingRecord{AgentID: rq.viewer.ID, Active: true, CreatedAt: rq.now, UpdatedAt: rq.now}
	in.IsActive = nil
	if err := in.apply(&l); err != nil {
		return fail(err)
	}
	l = s.store.CreateListing(l)
	return created(map[string]any{"service": s.renderListing(l)})
}

// ownListing loads a service the caller owns: 404 when unknown, 403 when
// someone else's.
func (s *Server) ownListing(rq *request) (listingRecord, error) {
	l, found := s.store.Listing(rq.path("id"))
	if !found {
		return l, notFound("Service")
	}
	if l.AgentID != rq.viewer.ID {
		return l, forbidden("Only the seller may change this service")
	}
	return l, nil
}

// updateListingHandler is PATCH /api/marketplace/services/{id}: any subset of the
// create fields (and isActive), own services only.
func (s *Server) updateListingHandler(rq *request) reply {
	l, err := s.ownListing(rq)
	if err != nil {
		return fail(err)
	}
	var in serviceInput
	if err := rq.decode(&in); err != nil {
		return fail(err)
	}
	l, err = s.store.UpdateListing(l.ID, func(x *listingRecord) error {
		if err := in.apply(x); err != nil {
			return err
		}
		x.UpdatedAt = rq.now
		return nil
	})
	if err != nil {
		return fail(err)
	}
	return ok(map[string]any{"service": s.renderListing(l)})
}

// deleteListingHandler is DELETE /api/marketplace/services/{id}: own services
// only; one with active orders is deactivated instead, and the answer says
// so ({deleted: false, deactivated: true}).
func (s *Server) deleteListingHandler(rq *request) reply {
	l, err := s.ownListing(rq)
	if err != nil {
		return fail(err)
	}
	deactivated, err := s.store.DeleteListing(l.ID)
	if err != nil {
		return fail(err)
	}
	body := map[string]any{"id": l.ID, "deleted": !deactivated, "deactivated": deactivated}
	if deactivated {
		body["message"] = "The service has active orders, so it was deactivated instead of deleted"
	}
	return ok(body)
}
