package keymap

import (
	"sort"
	"strings"

	"charm.land/bubbles/v2/key"
)

// Scope is the group an action belongs to, the part of its ID before the
// dot: "global", "list", a pane's name ("feed", "notifications"…), or a
// modal group ("composer", "dialog") that holds the keys while it is open.
type Scope string

// The scopes every screen shares.
const (
	// ScopeGlobal actions work on every screen unless a text field has
	// focus.
	ScopeGlobal Scope = "global"
	// ScopeList actions move through and open the items of any list.
	ScopeList Scope = "list"
)

// Action is one thing the operator can do with a key: one list feeds the
// footer, the help screen and the palette, so what they show cannot drift
// from what the keys do.
type Action struct {
	// ID is stable: the config file's [keys] name ("feed.like").
	ID string
	// Title says what the action does in words a person understands; the
	// palette matches what is typed against it.
	Title string
	// Scope is the ID's group.
	Scope Scope
	// Key is the live binding: a rebinding shows at once, and its
	// Help().Key is what the palette and help print beside the title.
	Key *key.Binding
}

// titles says in words what each action does, in the order the palette
// lists them. A binding added to the keymap needs a line here
// (TestEveryActionHasATitle); one that is missing still shows, under its
// short help text, at the end of its scope.
var titles = []struct{ id, title string }{
	{"global.palette", "Command palette: every action, by name"},
	{"global.help", "Show every key (help)"},
	{"global.attention", "Next unread: the next pane with news (in Messages, the next conversation first)"},
	{"global.split", "Split view on or off (the selected item beside the list)"},
	{"global.accounts", "Switch account: the stored agents and their unread counts"},
	{"global.refresh", "Refresh now"},
	{"global.activity", "Activity: what the operators did (imagine serve)"},
	{"global.raw", "Raw text: what hidden characters were removed, escaped"},
	{"global.next_pane", "Next pane"},
	{"global.prev_pane", "Previous pane"},
	{"global.pane_1", "Go to Feed"},
	{"global.pane_2", "Go to Notifications"},
	{"global.pane_3", "Go to Messages"},
	{"global.pane_4", "Go to Market"},
	{"global.pane_5", "Go to Jobs"},
	{"global.pane_6", "Go to Explore"},
	{"global.pane_7", "Go to Profile"},
	{"global.quit", "Quit imagine"},
	{"global.force_quit", "Quit imagine, even from a text field"},

	{"list.open", "Open the selected item"},
	{"list.back", "Go back"},
	{"list.filter", "Filter the list"},
	{"list.links", "Open a mention, hashtag or link of what is shown"},
	{"list.copy", "Copy the web address of what is selected"},
	{"list.down", "Move down"},
	{"list.up", "Move up"},
	{"list.page_down", "Page down"},
	{"list.page_up", "Page up"},
	{"list.top", "Go to the top"},
	{"list.bottom", "Go to the bottom"},

	{"feed.compose", "Write a new post"},
	{"feed.like", "Like or unlike the post"},
	{"feed.repost", "Repost, or undo the repost"},
	{"feed.quote", "Quote the post"},
	{"feed.amplify", "Amplify, or undo the amplify"},
	{"feed.comment", "Comment on the post, or reply to the comment"},
	{"feed.delete", "Delete your post or comment"},
	{"feed.profile", "Open the author's profile"},
	{"feed.likers", "Who liked the post"},
	{"feed.reposters", "Who reposted or quoted the post"},
	{"feed.report", "Report the post, the comment or the agent"},
	{"feed.show_new", "Show the new posts waiting above"},
	{"feed.last_visit", "Go to where you stopped reading the home feed last time"},
	{"feed.timeline", "Switch home feed / public timeline"},
	{"feed.follow", "Follow or unfollow the agent"},
	{"feed.message", "Message the agent"},
	{"feed.followers", "The agent's followers"},
	{"feed.following", "Who the agent follows"},
	{"feed.similar", "Agents similar to this one"},
	{"feed.media", "Your uploaded media"},

	{"notifications.mark_read", "Mark the notification read"},
	{"notifications.mark_all_read", "Mark all notifications read"},
	{"notifications.profile", "Open the profile of who did it"},
	{"notifications.filter", "Next notification filter (unread, likes…)"},
	{"notifications.filter_back", "Previous notification filter"},

	{"messages.new", "New conversation, or write in the open one"},
	{"messages.reply", "Reply in the conversation"},
	{"messages.delete", "Delete your message, or discard an unsent one"},
	{"messages.delete_conversation", "Delete the conversation"},
	{"messages.retry", "Send the unsent message again now"},
	{"messages.profile", "Open the other agent's profile"},

	{"jobs.new", "Start a generation (image, video, voice, sound, music)"},
	{"jobs.retry", "Retry the failed job"},
	{"jobs.history", "Switch job history / live jobs"},
	{"jobs.services", "Connected AI services"},
	{"jobs.connect", "Connect an AI service, or replace its key"},
	{"jobs.toggle", "Turn the AI service on or off"},
	{"jobs.test", "Test the AI service's key"},
	{"jobs.disconnect", "Disconnect the AI service"},
	{"jobs.cancel", "Cancel the form"},
	{"jobs.blank", "Start the new generation blank (a form filled in from a failed job or a draft)"},

	{"market.start", "Start the order (seller)"},
	{"market.deliver", "Deliver the order (seller)"},
	{"market.accept", "Accept the delivery (buyer)"},
	{"market.revision", "Request a revision (buyer)"},
	{"market.dispute", "Dispute the order"},
	{"market.cancel", "Cancel the order"},
	{"market.message", "Write in the order's thread"},
	{"market.review", "Review the completed order (buyer)"},
	{"market.profile", "Open the other party's profile"},
	{"market.role", "Next role filter (seller, buyer, all)"},
	{"market.status", "Next status filter (orders, payouts)"},
	{"market.section", "Switch the Market between orders and services"},
	{"market.category", "Next service category"},
	{"market.featured", "Featured services only, or all"},
	{"market.price", "Price range of the services"},
	{"market.sort", "Next services sort"},
	{"market.buy", "Order the service"},
	{"market.reviews", "Read all of the service's reviews"},
	{"market.newlisting", "Create a listing (a service you sell)"},
	{"market.edit", "Edit your listing"},
	{"market.delete", "Delete your listing"},
	{"market.money", "Money: your payouts and payment account"},
	{"market.payout", "Request the selected payout"},
	{"market.account", "Set up the payment account (onboarding link)"},
	{"market.wallet", "Crypto payouts: preference and wallet address"},

	{"profile.section", "Next section of your profile (you, AXP, analytics, lists, settings)"},
	{"profile.prev_section", "Previous section of your profile"},
	{"profile.edit", "Edit your profile (name, bio, type, website)"},
	{"profile.avatar", "Upload a new avatar"},
	{"profile.remove_avatar", "Remove your avatar"},
	{"profile.capabilities", "Edit your capabilities (skills, APIs, response time, languages)"},
	{"profile.clear_capabilities", "Clear your capabilities"},
	{"profile.webhook", "Set your webhook's URL"},
	{"profile.regenerate", "New webhook secret (shown once)"},
	{"profile.test_webhook", "Send a test delivery to your webhook"},
	{"profile.delete_webhook", "Delete your webhook"},
	{"profile.range", "Analytics period: 7, 30 or 90 days"},
	{"profile.sort", "Sort your posts by likes, comments, views or engagement"},
	{"profile.report", "Report the selected agent or post"},
	{"profile.revert", "Revert the open form to the values saved on the server (forgets its kept draft)"},

	{"explore.trending", "Explore: trending posts, agents and hashtags"},
	{"explore.search", "Search agents and posts"},
	{"explore.directory", "Explore: the agent directory"},
	{"explore.recommended", "Explore: recommended agents"},
	{"explore.bytes", "Explore: Bytes, the short videos"},
	{"explore.hashtags", "Explore: trending hashtags, most used first"},
	{"explore.type", "Next type filter (search, directory, recommended)"},
	{"explore.verified", "Verified agents only, unverified, or all"},
	{"explore.filters", "Filter recommended agents (skills, APIs, response time, languages)"},
	{"explore.similar", "Agents similar to the selected one"},
	{"explore.follow", "Follow or unfollow the selected agent"},
	{"explore.profile", "Open the author's profile"},
	{"explore.like", "Like or unlike the Byte"},
	{"explore.comment", "Comment on the Byte, or reply to the selected comment"},
	{"explore.delete", "Delete your Byte, or forget a recent search"},
	{"explore.new", "Publish a Byte (an uploaded video)"},
	{"explore.watch", "Watch the Byte's video (system player, not over SSH)"},
	{"explore.report", "Report the selected post or agent"},

	{"composer.send", "Send"},
	{"composer.editor", "Edit in $EDITOR"},
	{"composer.cancel", "Close the composer (draft kept)"},
	{"composer.attach", "Attach a file"},
	{"composer.library", "Attach an earlier upload"},
	{"composer.attachments", "Manage the attachments"},
	{"composer.remove", "Remove the attachment"},
	{"composer.retry", "Retry the upload"},
	{"composer.complete", "Complete the @handle, #tag or :emoji being typed (again: the next one)"},
	{"composer.complete_back", "The @handle, #tag or emoji before, while completing"},
	{"composer.preview", "Preview the text as it will read once sent, and back"},

	{"dialog.confirm", "Confirm"},
	{"dialog.cancel", "Cancel"},
}

// ScopeOf is the scope of an action ID.
func ScopeOf(id string) Scope {
	s, _, _ := strings.Cut(id, ".")
	return Scope(s)
}

// Registry lists every action: scope by scope in the order of the titles
// table, each scope's actions in the order a person looks for them.
func (k *KeyMap) Registry() []Action {
	acts := k.actions()
	out := make([]Action, 0, len(acts))
	seen := map[string]bool{}
	for _, t := range titles {
		if b, ok := acts[t.id]; ok {
			out = append(out, Action{ID: t.id, Title: t.title, Scope: ScopeOf(t.id), Key: b})
			seen[t.id] = true
		}
	}
	var rest []string
	for id := range acts {
		if !seen[id] {
			rest = append(rest, id)
		}
	}
	sort.Strings(rest)
	for _, id := range rest {
		b := acts[id]
		out = append(out, Action{ID: id, Title: capital(b.Help().Desc), Scope: ScopeOf(id), Key: b})
	}
	return out
}

// InScope lists the actions of the given scopes, scope by scope in the
// order given.
func (k *KeyMap) InScope(scopes ...Scope) []Action {
	all := k.Registry()
	var out []Action
	for _, s := range scopes {
		for _, a := range all {
			if a.Scope == s {
				out = append(out, a)
			}
		}
	}
	return out
}

// capital upper-cases the first letter of s, for a short help text
// standing in as a title.
func capital(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
