package keymap

import (
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"
)

func TestEveryBindingHasKeysAndHelp(t *testing.T) {
	k := Default()
	for name, b := range k.actions() {
		if len(b.Keys()) == 0 || b.Help().Key == "" || b.Help().Desc == "" {
			t.Errorf("%s: keys %v help %+v", name, b.Keys(), b.Help())
		}
	}
}

// scopes are the groups of bindings that are active at the same time; a key
// may appear only once within a scope.
func scopes(k *KeyMap) map[string][]*key.Binding {
	g := []*key.Binding{&k.Global.Quit, &k.Global.ForceQuit, &k.Global.Help, &k.Global.NextPane, &k.Global.PrevPane, &k.Global.Refresh, &k.Global.Attention, &k.Global.Palette}
	for i := range k.Global.Panes {
		g = append(g, &k.Global.Panes[i])
	}
	list := []*key.Binding{&k.List.Up, &k.List.Down, &k.List.Top, &k.List.Bottom, &k.List.PageUp, &k.List.PageDown, &k.List.Open, &k.List.Back, &k.List.Filter}
	feed := []*key.Binding{&k.Feed.Compose, &k.Feed.Like, &k.Feed.Repost, &k.Feed.Quote, &k.Feed.Amplify, &k.Feed.Comment, &k.Feed.Delete, &k.Feed.Profile, &k.Feed.Follow, &k.Feed.Timeline, &k.Feed.Likers, &k.Feed.Reposters, &k.Feed.ShowNew, &k.Feed.Media}
	notes := []*key.Binding{&k.Notifications.MarkRead, &k.Notifications.MarkAllRead, &k.Notifications.Filter, &k.Notifications.FilterBack, &k.Notifications.Profile, &k.List.Copy}
	msgs := []*key.Binding{&k.Messages.New, &k.Messages.Reply, &k.Messages.Delete, &k.Messages.DeleteConversation, &k.Messages.Retry, &k.Messages.Profile}
	jobs := []*key.Binding{&k.Jobs.New, &k.Jobs.Retry, &k.Jobs.History, &k.Jobs.Services, &k.Jobs.Connect, &k.Jobs.Toggle, &k.Jobs.Test, &k.Jobs.Disconnect, &k.List.Copy}
	market := []*key.Binding{&k.Market.Role, &k.Market.Status, &k.Market.Start, &k.Market.Deliver, &k.Market.Accept, &k.Market.Revision, &k.Market.Dispute, &k.Market.Cancel, &k.Market.Message, &k.Market.Review, &k.Market.Profile, &k.Market.Section, &k.Market.Money, &k.List.Links, &k.List.Copy}
	// The services section has its own keys; d deletes a listing there
	// and delivers an order in the orders.
	services := []*key.Binding{&k.Market.Profile, &k.Market.Section, &k.Market.Category, &k.Market.Featured, &k.Market.Price, &k.Market.Sort,
		&k.Market.Buy, &k.Market.Reviews, &k.Market.NewListing, &k.Market.Edit, &k.Market.Delete, &k.Market.Money, &k.List.Links, &k.List.Copy}
	// The money section: payouts, the account and the wallet.
	money := []*key.Binding{&k.Market.Section, &k.Market.Status, &k.Market.Money, &k.Market.Payout, &k.Market.Account, &k.Market.Wallet}
	ek := &k.Explore
	explore := []*key.Binding{&ek.Trending, &ek.Search, &ek.Directory, &ek.Recommended, &ek.Bytes, &ek.Hashtags, &ek.Type, &ek.Verified,
		&ek.Filters, &ek.Similar, &ek.Profile, &ek.Like, &ek.Comment, &ek.Delete, &ek.New, &ek.Watch, &ek.Report, &k.List.Links, &k.List.Copy}
	return map[string][]*key.Binding{
		"explore pane":       append(append(append([]*key.Binding{}, g...), list...), explore...),
		"market pane":        append(append(append([]*key.Binding{}, g...), list...), market...),
		"market services":    append(append(append([]*key.Binding{}, g...), list...), services...),
		"market money":       append(append(append([]*key.Binding{}, g...), list...), money...),
		"jobs pane":          append(append(append([]*key.Binding{}, g...), list...), jobs...),
		"jobs form":          {&k.Jobs.Cancel, &k.Global.ForceQuit},
		"feed pane":          append(append(append([]*key.Binding{}, g...), list...), feed...),
		"notifications pane": append(append(append([]*key.Binding{}, g...), list...), notes...),
		"messages pane":      append(append(append([]*key.Binding{}, g...), list...), msgs...),
		"profile pane":       append(append(append([]*key.Binding{}, g...), list...), profileKeys(k)...),
		"composer":           {&k.Composer.Send, &k.Composer.Editor, &k.Composer.Cancel, &k.Composer.Attach, &k.Composer.Library, &k.Composer.Attachments, &k.Global.ForceQuit},
		"composer attachments": {&k.Composer.Remove, &k.Composer.Retry, &k.Composer.Cancel, &k.Composer.Attachments,
			&k.List.Up, &k.List.Down, &k.List.Open, &k.Global.ForceQuit},
		"composer uploads": {&k.List.Up, &k.List.Down, &k.List.Top, &k.List.Bottom, &k.List.Open, &k.Composer.Cancel, &k.Global.ForceQuit},
		"dialog":           {&k.Dialog.Confirm, &k.Dialog.Cancel, &k.Global.ForceQuit},
	}
}

func TestNoDuplicateKeysWithinAScope(t *testing.T) {
	for scope, bs := range scopes(Default()) {
		seen := map[string]string{}
		for _, b := range bs {
			for _, kk := range b.Keys() {
				if prev, ok := seen[kk]; ok {
					t.Errorf("%s: %q bound to both %q and %q", scope, kk, prev, b.Help().Desc)
				}
				seen[kk] = b.Help().Desc
			}
		}
	}
}

func TestRebind(t *testing.T) {
	k := Default()
	if err := k.Rebind(map[string][]string{"feed.like": {"L", "ctrl+l"}}); err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(k.Feed.Like.Keys(), ","); got != "L,ctrl+l" {
		t.Fatalf("like keys = %s", got)
	}
	if k.Feed.Like.Help().Desc != "like" {
		t.Fatalf("rebinding lost the description: %+v", k.Feed.Like.Help())
	}
}

// TestEveryKeyRebindsCtrlCToo: the contract makes every key rebindable,
// the quit that works from a text field included.
func TestEveryKeyRebindsCtrlCToo(t *testing.T) {
	k := Default()
	if err := k.Rebind(map[string][]string{"global.force_quit": {"ctrl+q"}}); err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(k.Global.ForceQuit.Keys(), ","); got != "ctrl+q" {
		t.Errorf("force quit keys = %s", got)
	}
}

func TestRebindRejectsUnknownActionsAtomically(t *testing.T) {
	k := Default()
	err := k.Rebind(map[string][]string{"feed.like": {"x"}, "feed.lik": {"y"}})
	if err == nil || !strings.Contains(err.Error(), `"feed.lik"`) {
		t.Fatalf("err = %v, want it to name the unknown action", err)
	}
	if k.Feed.Like.Keys()[0] != "l" {
		t.Fatal("a failed rebind changed a valid binding")
	}
	if err := k.Rebind(map[string][]string{"feed.like": {}}); err == nil {
		t.Fatal("an empty key list should be refused")
	}
}

// profileKeys are the Profile pane's bindings, all active at once.
func profileKeys(k *KeyMap) []*key.Binding {
	p := &k.Profile
	return []*key.Binding{&p.Section, &p.PrevSection, &p.Edit, &p.Avatar, &p.RemoveAvatar, &p.Capabilities, &p.ClearCapabilities,
		&p.Webhook, &p.Regenerate, &p.TestWebhook, &p.DeleteWebhook, &p.Range, &p.Sort, &p.Report, &k.List.Links, &k.List.Copy}
}
