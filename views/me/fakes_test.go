package me

import (
	"context"
	"fmt"
	"io"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"imagine/api"
	"imagine/internal/tuitest"
	"imagine/keymap"
	"imagine/theme"
	"imagine/views"
)

// now is the fixed clock of every test.
var now = time.Date(2026, 11, 28, 12, 0, 0, 0, time.UTC)

// fakeAPI stands in for the three services and records what was asked.
type fakeAPI struct {
	me       api.Agent
	caps     api.Capabilities
	hook     api.Webhook
	calls    []string
	uploads  int
	refuse   error // returned by every write when set
	newHook  api.Secret
	perfSort string
}

func (f *fakeAPI) log(format string, args ...any) {
	f.calls = append(f.calls, fmt.Sprintf(format, args...))
}

func (f *fakeAPI) Me(context.Context) (*api.Agent, error) {
	f.log("me")
	a := f.me
	return &a, nil
}

func (f *fakeAPI) UpdateMe(_ context.Context, upd *api.ProfileUpdate) (*api.Agent, error) {
	f.log("update me")
	if f.refuse != nil {
		return nil, f.refuse
	}
	if upd.Bio != nil {
		f.me.Bio = *upd.Bio
	}
	if upd.Name != nil {
		f.me.Name = *upd.Name
	}
	a := f.me
	return &a, nil
}

func (f *fakeAPI) XP(_ context.Context, _ string, opts *api.ListOptions) (*api.AXP, error) {
	f.log("xp %s", opts.Cursor)
	x := &api.AXP{Total: 426, Level: 3, Progress: 70, RecentAXP: 285, NextLevelAt: 500}
	reasons := []string{"Published a post", "Your post was liked", "Someone commented on your post", "Completed a marketplace order"}
	for i := range 6 {
		x.History.Items = append(x.History.Items, api.AXPTransaction{ID: fmt.Sprint(i), Amount: []int{10, 2, 3, 50}[i%4],
			Description: reasons[i%4], CreatedAt: now.Add(-time.Duration(i*5+1) * time.Hour)})
	}
	return x, nil
}

func (f *fakeAPI) Likes(_ context.Context, _ string, opts *api.ListOptions) (*api.Page[api.Post], error) {
	f.log("likes %s", opts.Cursor)
	p := &api.Page[api.Post]{}
	for i := range 3 {
		p.Items = append(p.Items, api.Post{ID: fmt.Sprintf("lp%d", i), Content: fmt.Sprintf("Liked post number %d", i),
			Agent: api.Agent{ID: "a-bob", Handle: "bob", Name: "Bob"}, CreatedAt: now.Add(-time.Hour)})
	}
	return p, nil
}

func (f *fakeAPI) agents(which, cursor string) *api.Page[api.Agent] {
	f.log("%s %s", which, cursor)
	p := &api.Page[api.Agent]{}
	start := 0
	if cursor != "" {
		start = 30
	}
	for i := start; i < start+30; i++ {
		p.Items = append(p.Items, api.Agent{ID: fmt.Sprintf("a%d", i), Handle: fmt.Sprintf("agent_%02d", i), Name: fmt.Sprintf("Agent %d", i), AgentType: "ASSISTANT"})
	}
	if cursor == "" {
		p.NextCursor, p.HasMore = "c2", true
	}
	return p
}

func (f *fakeAPI) Followers(_ context.Context, _ string, opts *api.ListOptions) (*api.Page[api.Agent], error) {
	return f.agents("followers", opts.Cursor), nil
}

func (f *fakeAPI) Following(_ context.Context, _ string, opts *api.ListOptions) (*api.Page[api.Agent], error) {
	return f.agents("following", opts.Cursor), nil
}

func (f *fakeAPI) Capabilities(context.Context) (*api.Capabilities, error) {
	f.log("capabilities")
	c := f.caps
	return &c, nil
}

func (f *fakeAPI) UpdateCapabilities(_ context.Context, upd *api.CapabilitiesUpdate) (*api.Capabilities, error) {
	f.log("update capabilities")
	f.caps = api.Capabilities{Skills: *upd.Skills, APIs: *upd.APIs, Languages: *upd.Languages, ResponseTime: *upd.ResponseTime}
	c := f.caps
	return &c, nil
}

func (f *fakeAPI) ClearCapabilities(context.Context) (*api.Capabilities, error) {
	f.log("clear capabilities")
	f.caps = api.Capabilities{}
	return &api.Capabilities{}, nil
}

func (f *fakeAPI) UploadAvatar(context.Context, string, io.Reader, int64, func(int64, int64)) (*api.Avatar, error) {
	f.uploads++
	f.me.AvatarURL = "https://example.com/a.png"
	return &api.Avatar{URL: f.me.AvatarURL, Agent: f.me}, nil
}

func (f *fakeAPI) RemoveAvatar(context.Context) (*api.Avatar, error) {
	f.log("remove avatar")
	f.me.AvatarURL = ""
	return &api.Avatar{Agent: f.me}, nil
}

func (f *fakeAPI) Webhook(context.Context) (*api.Webhook, error) {
	f.log("webhook")
	h := f.hook
	return &h, nil
}

func (f *fakeAPI) SetWebhook(_ context.Context, upd *api.WebhookUpdate) (*api.Webhook, error) {
	f.log("set webhook %s", upd.URL)
	if upd.URL != "" {
		f.hook.URL, f.hook.Active, f.hook.HasSecret = upd.URL, true, true
	}
	h := f.hook
	h.Secret = f.newHook
	return &h, nil
}

func (f *fakeAPI) DeleteWebhook(context.Context) error {
	f.log("delete webhook")
	f.hook = api.Webhook{}
	return nil
}

func (f *fakeAPI) Overview(_ context.Context, rng string) (*api.AnalyticsOverview, error) {
	f.log("overview %s", rng)
	o := &api.AnalyticsOverview{Range: rng,
		Current: api.AnalyticsPeriod{Views: 273, Likes: 36, Comments: 22, NewFollowers: 2, Posts: 4, EngagementRate: 24.2},
		Changes: map[string]api.Change{"views": {Percent: 165, Known: true}, "likes": {Percent: 350, Known: true},
			"comments": {Percent: -12, Known: true}, "newFollowers": {}, "posts": {Percent: 300, Known: true}, "engagementRate": {Percent: 126, Known: true}}}
	for i := range 7 {
		o.Daily = append(o.Daily, api.AnalyticsDay{Date: now.AddDate(0, 0, i-7), Views: []int{10, 12, 50, 8, 9, 60, 124}[i], Likes: i, Comments: 7 - i, NewFollowers: i % 2})
	}
	return o, nil
}

func (f *fakeAPI) Posts(_ context.Context, opts *api.PerformanceOptions) (*api.Page[api.PostPerformance], error) {
	f.log("posts %s", opts.SortBy)
	f.perfSort = opts.SortBy
	p := &api.Page[api.PostPerformance]{}
	for i := range 4 {
		p.Items = append(p.Items, api.PostPerformance{PostID: fmt.Sprintf("p%d", i), Content: fmt.Sprintf("My post **number** %d #Intro", i),
			Views: 100 - i*10, Likes: 9 - i, Comments: i, Engagement: 16 - i})
	}
	return p, nil
}

// harness is the pane over a fake, with its Cmds run synchronously.
type harness struct {
	t   *testing.T
	m   *Model
	api *fakeAPI
	out []tea.Msg // what the pane asked of the root
}

func newHarness(t *testing.T, w, h int) *harness {
	t.Helper()
	f := &fakeAPI{
		me: api.Agent{ID: "a-me", Handle: "demo_agent", Name: "Demo Agent", AgentType: "ASSISTANT", WebsiteURL: "https://imagineanything.com",
			Bio: "I'm the **demo** agent. #Sandbox", FollowerCount: 20, FollowingCount: 15, PostCount: 5},
		caps:    api.Capabilities{Skills: []string{"research", "testing"}, APIs: []string{"github"}, ResponseTime: "fast", Languages: []string{"en"}},
		newHook: "whsec_SENTINEL-SECRET-0001",
	}
	m := New(Options{Context: t.Context(), Agents: f, Settings: f, Analytics: f, Keys: keymap.Default(),
		Styles: theme.New(true, false), Now: func() time.Time { return now }})
	m.SetSize(w, h)
	hs := &harness{t: t, m: m, api: f}
	m.SetFocused(true)
	hs.run(m.Update(views.ShownMsg{}))
	return hs
}

// run settles cmd through the pane, keeping what it asks of the root.
func (hs *harness) run(cmd tea.Cmd) {
	for _, msg := range tuitest.Settle(hs.m.Update, cmd) {
		hs.out = append(hs.out, msg)
	}
}

// keys presses keys one after the other.
func (hs *harness) keys(ks ...string) {
	for _, k := range ks {
		hs.run(hs.m.Update(tuitest.Press(k)))
	}
}

// typeText types text into whatever has the keys.
func (hs *harness) typeText(s string) {
	for _, k := range tuitest.Type(s) {
		hs.run(hs.m.Update(k))
	}
}
