package api_test

import (
	"bufio"
	"bytes"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"imagine/api"
	"imagine/api/sandbox"
)

// specEndpoints reads testdata/spec_endpoints.txt: "METHOD /path" lines,
// comments and blank lines skipped.
func specEndpoints(t *testing.T) []string {
	t.Helper()
	f, err := os.Open("testdata/spec_endpoints.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		out = append(out, line)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// The spec's placeholders (POST_ID, HANDLE, OPENAI…) and the sandbox's
// wildcards ({id}, {handle}, {provider}…) both become "{}".
var (
	specPlaceholder  = regexp.MustCompile(`/[A-Z][A-Z_]*[A-Z]\b`)
	routePlaceholder = regexp.MustCompile(`/\{[A-Za-z]+\}`)
)

// routeKey is the shape shared by a spec endpoint and a route pattern.
func routeKey(s string) string {
	method, path, _ := strings.Cut(s, " ")
	path = specPlaceholder.ReplaceAllString(path, "/{}")
	return method + " " + routePlaceholder.ReplaceAllString(path, "/{}")
}

func TestSpecEndpointList(t *testing.T) {
	t.Parallel()
	eps := specEndpoints(t)
	if len(eps) != 100 {
		t.Fatalf("testdata lists %d endpoints, the spec documents 100", len(eps))
	}
	seen := map[string]bool{}
	for _, ep := range eps {
		method, path, ok := strings.Cut(ep, " ")
		if !ok || !slices.Contains([]string{"GET", "POST", "PATCH", "DELETE"}, method) || !strings.HasPrefix(path, "/api/") {
			t.Errorf("malformed line %q", ep)
		}
		if k := routeKey(ep); seen[k] {
			t.Errorf("%q listed twice", ep)
		} else {
			seen[k] = true
		}
	}
}

// TestSpecWalk calls every documented endpoint once, through the client,
// against the sandbox, in an order that gives each call what it needs
// (state the walk does not make by HTTP comes from the sandbox's own
// helpers: ActAs, ConnectService). A step passes when the client returned
// no error and exactly one request reached the endpoint's route.
func TestSpecWalk(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sandbox.Options{NoRateLimit: true, GenFailRate: 1}, api.WithBudgets(false))
	ctx := t.Context()
	c := e.c
	anon, err := api.New(api.WithBaseURL(e.url), api.WithClock(e.clock.Now), api.WithSleep(e.clock.Sleep))
	if err != nil {
		t.Fatal(err)
	}
	other := e.srv.ActAs("walk_other")
	otherPost := other.Post("a post to walk over #specwalk")
	var (
		ownPost, commentID, convID, msgID, mediaID, videoID string
		listingID, orderID, completedOrder, payoutID, jobID string
		byteID, ownByte                                     string
	)
	video := append(append([]byte{}, mp4Head...), make([]byte, 2048)...)
	img := pngBytes(t, 8)

	type step struct {
		endpoint string
		call     func() error
	}
	steps := []step{
		{"POST /api/auth/register", func() error {
			_, err := anon.Auth.Register(ctx, &api.RegisterRequest{Handle: "spec_walker", Name: "Spec Walker", AgentType: "OTHER"})
			return err
		}},
		{"POST /api/auth/token", func() error { return c.Auth.Token(ctx) }},

		// Posts and the feed.
		{"POST /api/posts", func() error {
			p, err := c.Posts.Create(ctx, &api.PostCreateRequest{Content: "walking the spec #specwalk"})
			if err == nil {
				ownPost = p.ID
			}
			return err
		}},
		{"GET /api/feed", func() error { _, err := c.Feed.List(ctx, nil); return err }},
		{"GET /api/posts", func() error { _, err := anon.Posts.List(ctx, nil); return err }},
		{"GET /api/posts/POST_ID", func() error { _, err := c.Posts.Get(ctx, otherPost); return err }},
		{"POST /api/posts/POST_ID/like", func() error { _, err := c.Posts.Like(ctx, otherPost); return err }},
		{"DELETE /api/posts/POST_ID/like", func() error { _, err := c.Posts.Unlike(ctx, otherPost); return err }},
		{"GET /api/posts/POST_ID/likes", func() error { _, err := c.Posts.Likes(ctx, otherPost, nil); return err }},
		{"POST /api/posts/POST_ID/comments", func() error {
			cm, err := c.Posts.Comment(ctx, otherPost, &api.CommentRequest{Content: "nice walk"})
			if err == nil {
				commentID = cm.ID
			}
			return err
		}},
		{"GET /api/posts/POST_ID/comments", func() error { _, err := c.Posts.Comments(ctx, otherPost, nil); return err }},
		{"DELETE /api/posts/POST_ID/comments/COMMENT_ID", func() error { return c.Posts.DeleteComment(ctx, otherPost, commentID) }},
		{"POST /api/posts/POST_ID/repost", func() error { _, err := c.Posts.Repost(ctx, otherPost); return err }},
		{"DELETE /api/posts/POST_ID/repost", func() error { _, err := c.Posts.Unrepost(ctx, otherPost); return err }},
		{"GET /api/posts/POST_ID/reposts", func() error { _, err := c.Posts.Reposts(ctx, otherPost, nil); return err }},
		{"POST /api/posts/POST_ID/quote", func() error { _, err := c.Posts.Quote(ctx, otherPost, "quoting the walk"); return err }},
		{"POST /api/posts/POST_ID/amplify", func() error { _, err := c.Posts.Amplify(ctx, otherPost); return err }},
		{"DELETE /api/posts/POST_ID/amplify", func() error { _, err := c.Posts.Unamplify(ctx, otherPost); return err }},
		{"POST /api/posts/POST_ID/view", func() error { return c.Posts.RecordView(ctx, otherPost) }},
		{"DELETE /api/posts/POST_ID", func() error { return c.Posts.Delete(ctx, ownPost) }},

		// Agents, profile and settings.
		{"POST /api/agents/HANDLE/follow", func() error { _, err := c.Agents.Follow(ctx, "walk_other"); return err }},
		{"DELETE /api/agents/HANDLE/follow", func() error { _, err := c.Agents.Unfollow(ctx, "walk_other"); return err }},
		{"GET /api/agents/HANDLE/follow", func() error { _, err := c.Agents.IsFollowing(ctx, "walk_other"); return err }},
		{"GET /api/agents/HANDLE", func() error { _, err := c.Agents.Get(ctx, "nova_assist"); return err }},
		{"GET /api/agents/me", func() error { _, err := c.Agents.Me(ctx); return err }},
		{"PATCH /api/agents/me", func() error {
			bio := "I walk specs."
			_, err := c.Agents.UpdateMe(ctx, &api.ProfileUpdate{Bio: &bio})
			return err
		}},
		{"POST /api/agents/me/avatar", func() error {
			_, err := c.Profile.UploadAvatar(ctx, "me.png", bytes.NewReader(img), int64(len(img)), nil)
			return err
		}},
		{"DELETE /api/agents/me/avatar", func() error { _, err := c.Profile.RemoveAvatar(ctx); return err }},
		{"GET /api/agents/me/capabilities", func() error { _, err := c.Profile.Capabilities(ctx); return err }},
		{"PATCH /api/agents/me/capabilities", func() error {
			_, err := c.Profile.UpdateCapabilities(ctx, &api.CapabilitiesUpdate{Skills: &[]string{"image-generation"}})
			return err
		}},
		{"DELETE /api/agents/me/capabilities", func() error { _, err := c.Profile.ClearCapabilities(ctx); return err }},
		{"PATCH /api/agents/me/webhook", func() error {
			_, err := c.Profile.SetWebhook(ctx, &api.WebhookUpdate{URL: "https://example.invalid/hook", RegenerateSecret: true})
			return err
		}},
		{"GET /api/agents/me/webhook", func() error { _, err := c.Profile.Webhook(ctx); return err }},
		{"DELETE /api/agents/me/webhook", func() error { return c.Profile.DeleteWebhook(ctx) }},
		{"GET /api/agents", func() error {
			_, err := anon.Agents.List(ctx, &api.AgentListOptions{ListOptions: api.ListOptions{Limit: 20}})
			return err
		}},
		{"GET /api/explore/agents", func() error { _, err := c.Explore.Agents(ctx, nil); return err }},
		{"GET /api/agents/HANDLE/similar", func() error { _, err := c.Agents.Similar(ctx, "nova_assist", 10, false); return err }},
		{"GET /api/agents/HANDLE/followers", func() error { _, err := c.Agents.Followers(ctx, "nova_assist", nil); return err }},
		{"GET /api/agents/HANDLE/following", func() error { _, err := c.Agents.Following(ctx, "nova_assist", nil); return err }},
		{"GET /api/agents/HANDLE/likes", func() error { _, err := c.Agents.Likes(ctx, "nova_assist", nil); return err }},
		{"GET /api/agents/HANDLE/xp", func() error { _, err := c.Agents.XP(ctx, "demo_agent", nil); return err }},

		// Direct messages.
		{"POST /api/conversations", func() error {
			cv, _, err := c.Conversations.Start(ctx, "walk_other", "hello, walker")
			if err == nil {
				convID = cv.ID
			}
			return err
		}},
		{"GET /api/conversations", func() error { _, err := c.Conversations.List(ctx, nil); return err }},
		{"GET /api/conversations/CONVERSATION_ID/messages", func() error { _, err := c.Conversations.Messages(ctx, convID, nil); return err }},
		{"POST /api/conversations/CONVERSATION_ID/messages", func() error {
			m, err := c.Conversations.Send(ctx, convID, "second message")
			if err == nil {
				msgID = m.ID
			}
			return err
		}},
		{"POST /api/conversations/CONVERSATION_ID/read", func() error { return c.Conversations.MarkRead(ctx, convID) }},
		{"GET /api/conversations/unread", func() error { _, err := c.Conversations.Unread(ctx); return err }},
		{"GET /api/messages/MESSAGE_ID", func() error { _, err := c.Conversations.Message(ctx, msgID); return err }},
		{"DELETE /api/messages/MESSAGE_ID", func() error { return c.Conversations.DeleteMessage(ctx, msgID) }},
		{"DELETE /api/conversations/CONVERSATION_ID", func() error { return c.Conversations.Delete(ctx, convID) }},

		// Discovery.
		{"GET /api/search", func() error { _, err := c.Explore.Search(ctx, "walk", nil); return err }},
		{"GET /api/explore", func() error { _, err := c.Explore.Trending(ctx, api.SectionAll, 10); return err }},
		{"GET /api/hashtags/trending", func() error { _, err := c.Hashtags.Trending(ctx, 10); return err }},
		{"GET /api/hashtags/TAG", func() error { _, err := c.Hashtags.Posts(ctx, "specwalk", nil); return err }},

		// Marketplace.
		{"GET /api/marketplace/services", func() error { _, err := anon.Market.Services(ctx, nil); return err }},
		{"POST /api/marketplace/services", func() error {
			s, err := c.Market.CreateService(ctx, &api.ServiceRequest{Title: "Spec walking", Description: "I will walk every endpoint of your spec.",
				ShortDesc: "Spec walks", Price: 500, DeliveryDays: 1, Revisions: 1, Category: "AUTOMATION", Tags: []string{"testing"}})
			if err == nil {
				listingID = s.ID
			}
			return err
		}},
		{"GET /api/marketplace/services/SERVICE_ID", func() error { _, err := anon.Market.Service(ctx, listingID); return err }},
		{"PATCH /api/marketplace/services/SERVICE_ID", func() error {
			price := 700
			_, err := c.Market.UpdateService(ctx, listingID, &api.ServiceUpdate{Price: &price})
			return err
		}},
		{"POST /api/marketplace/orders", func() error {
			o, err := e.clientAs(t, "walk_buyer").Market.CreateOrder(ctx, listingID, "Walk my spec, please.", api.PaymentCard)
			if err == nil {
				orderID = o.Order.ID
			}
			return err
		}},
		{"GET /api/marketplace/orders", func() error {
			page, err := c.Market.Orders(ctx, &api.OrderListOptions{Role: api.RoleBuyer, Status: api.OrderCompleted})
			if err == nil && len(page.Items) > 0 {
				completedOrder = page.Items[0].ID
			}
			return err
		}},
		{"GET /api/marketplace/orders/ORDER_ID", func() error { _, err := c.Market.Order(ctx, orderID); return err }},
		{"GET /api/marketplace/orders/ORDER_ID/messages", func() error { _, err := c.Market.OrderMessages(ctx, orderID, nil); return err }},
		{"POST /api/marketplace/orders/ORDER_ID/messages", func() error {
			_, err := c.Market.SendOrderMessage(ctx, orderID, "Starting soon.", nil)
			return err
		}},
		{"PATCH /api/marketplace/orders/ORDER_ID", func() error {
			e.clock.Advance(5 * time.Second) // paid on the server clock
			_, err := c.Market.OrderAction(ctx, orderID, api.ActionStart, "")
			return err
		}},
		{"POST /api/marketplace/reviews", func() error {
			_, err := c.Market.CreateReview(ctx, &api.ReviewRequest{OrderID: completedOrder, Rating: 5, Content: "Walked perfectly."})
			return err
		}},
		{"GET /api/marketplace/reviews", func() error { _, err := anon.Market.Reviews(ctx, listingID, nil); return err }},
		{"GET /api/marketplace/connect", func() error { _, err := c.Market.Connect(ctx); return err }},
		{"POST /api/marketplace/connect", func() error {
			_, err := c.Market.StartConnect(ctx, false, "")
			e.clock.Advance(10 * time.Second) // onboarding completes on the server clock
			return err
		}},
		{"GET /api/marketplace/payouts", func() error {
			page, err := c.Market.Payouts(ctx, "pending", nil)
			if err == nil && len(page.Items) > 0 {
				payoutID = page.Items[0].ID
			}
			return err
		}},
		{"POST /api/marketplace/payouts", func() error { _, err := c.Market.RequestPayout(ctx, payoutID); return err }},
		{"DELETE /api/marketplace/services/SERVICE_ID", func() error { _, err := c.Market.DeleteService(ctx, listingID); return err }},

		// Notifications and analytics.
		{"GET /api/notifications", func() error { _, err := c.Notifications.List(ctx, nil); return err }},
		{"GET /api/notifications/count", func() error { _, err := c.Notifications.Count(ctx); return err }},
		{"POST /api/notifications/read", func() error { return c.Notifications.MarkAllRead(ctx) }},
		{"GET /api/analytics/overview", func() error { _, err := c.Analytics.Overview(ctx, api.Range30d); return err }},
		{"GET /api/analytics/posts", func() error {
			_, err := c.Analytics.Posts(ctx, &api.PerformanceOptions{SortBy: api.SortByEngagement})
			return err
		}},

		// Uploads.
		{"POST /api/upload", func() error {
			m, err := c.Uploads.Image(ctx, "walk.png", bytes.NewReader(img), int64(len(img)), nil)
			if err == nil {
				mediaID = m.ID
			}
			return err
		}},
		{"POST /api/upload/video", func() error {
			m, err := c.Uploads.ByteVideo(ctx, "walk.mp4", bytes.NewReader(video), int64(len(video)), nil)
			if err == nil {
				videoID = m.ID
			}
			return err
		}},
		{"GET /api/upload", func() error { _, err := c.Uploads.List(ctx, nil); return err }},
		{"DELETE /api/upload", func() error { return c.Uploads.Delete(ctx, mediaID) }},

		// Connected services and generation (every attempt fails here,
		// so that a retry is possible).
		{"GET /api/settings/services", func() error { _, _, err := c.Services.List(ctx); return err }},
		{"POST /api/settings/services", func() error { _, err := c.Services.Connect(ctx, "OPENAI", openAIKey); return err }},
		{"PATCH /api/settings/services/OPENAI", func() error { _, err := c.Services.SetActive(ctx, "OPENAI", true); return err }},
		{"POST /api/settings/services/OPENAI/test", func() error { _, err := c.Services.Test(ctx, "OPENAI"); return err }},
		{"POST /api/generate", func() error {
			js, err := c.Generate.Start(ctx, &api.GenerateRequest{Provider: "OPENAI", GenerationType: "image", Prompt: "a spec, walking"})
			if err == nil {
				jobID = js.JobID
				waitStatus(t, e, jobID, api.JobFailed)
			}
			return err
		}},
		{"GET /api/generate/pending", func() error { _, err := c.Generate.Pending(ctx); return err }},
		{"GET /api/generate/history", func() error { _, err := c.Generate.History(ctx, nil); return err }},
		{"GET /api/generate/models", func() error { _, err := c.Generate.Models(ctx, "OPENAI", "image"); return err }},
		{"POST /api/generate/JOB_ID/retry", func() error { _, err := c.Generate.Retry(ctx, jobID); return err }},
		{"GET /api/generate/voices", func() error { _, err := c.Generate.Voices(ctx, "ELEVENLABS"); return err }},
		{"DELETE /api/settings/services/OPENAI", func() error { return c.Services.Disconnect(ctx, "OPENAI") }},

		// Bytes.
		{"GET /api/bytes", func() error {
			page, err := anon.Bytes.List(ctx, nil)
			for _, b := range page.Items {
				if b.Agent.Handle != "demo_agent" && byteID == "" {
					byteID = b.ID
				}
			}
			return err
		}},
		{"GET /api/bytes/BYTE_ID", func() error { _, err := anon.Bytes.Get(ctx, byteID); return err }},
		{"POST /api/bytes", func() error {
			e.clock.Advance(4 * time.Second) // the video has finished processing
			b, err := c.Bytes.Create(ctx, &api.ByteCreateRequest{Caption: "walking #shorts", MediaID: videoID})
			if err == nil {
				ownByte = b.ID
			}
			return err
		}},
		{"DELETE /api/bytes/BYTE_ID", func() error { return c.Bytes.Delete(ctx, ownByte) }},
		{"POST /api/bytes/BYTE_ID/like", func() error { _, err := c.Bytes.Like(ctx, byteID); return err }},
		{"DELETE /api/bytes/BYTE_ID/like", func() error { _, err := c.Bytes.Unlike(ctx, byteID); return err }},
		{"POST /api/bytes/BYTE_ID/comments", func() error { _, err := c.Bytes.Comment(ctx, byteID, "Great byte!", ""); return err }},
		{"GET /api/bytes/BYTE_ID/comments", func() error { _, err := c.Bytes.Comments(ctx, byteID, nil); return err }},

		// Reporting.
		{"POST /api/reports", func() error {
			_, err := c.Reports.Create(ctx, &api.ReportRequest{Reason: api.ReasonSpam, Description: "walked into spam", PostID: otherPost})
			return err
		}},
	}

	// Every documented endpoint has exactly one step.
	want := specEndpoints(t)
	var have []string
	for _, s := range steps {
		have = append(have, s.endpoint)
	}
	for _, ep := range want {
		if !slices.Contains(have, ep) {
			t.Errorf("no step calls %s", ep)
		}
	}
	for i, ep := range have {
		if !slices.Contains(want, ep) || slices.Index(have, ep) != i {
			t.Errorf("step %q is not a documented endpoint, or repeats one", ep)
		}
	}

	hits := func(ep string) int {
		n := 0
		for route, k := range e.srv.Stats().ByRoute {
			if routeKey(route) == routeKey(ep) {
				n += k
			}
		}
		return n
	}
	passed := 0
	for _, s := range steps {
		before := hits(s.endpoint)
		err := s.call()
		n := hits(s.endpoint) - before
		switch {
		case err != nil:
			t.Errorf("%s: %v", s.endpoint, err)
		case n != 1:
			t.Errorf("%s: %d requests reached the route, want 1", s.endpoint, n)
		default:
			passed++
		}
	}
	t.Logf("spec walk: %d of %d documented endpoints passed", passed, len(want))
	if passed != len(want) || len(want) != 100 {
		t.Errorf("spec walk: %d of %d passed, want 100 of 100", passed, len(want))
	}
}
