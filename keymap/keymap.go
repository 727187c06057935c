// Package keymap owns which keys do what, their help text, and the user's
// overrides. Every binding has a stable action name ("global.quit",
// "feed.like") so the config file can rebind it.
package keymap

import (
	"fmt"
	"sort"
	"strings"

	"charm.land/bubbles/v2/key"
)

// KeyMap is every key binding of the client, grouped by where it applies.
type KeyMap struct {
	Global GlobalKeys
	List   ListKeys
	Feed   FeedKeys
	// Notifications act on the Notifications pane's list.
	Notifications NotificationKeys
	// Messages act on conversations and messages in the Messages pane.
	Messages MessageKeys
	// Jobs act on generation jobs and connected AI services in the Jobs
	// pane.
	Jobs JobKeys
	// Market acts on the operator's orders in the Market pane.
	Market MarketKeys
	// Profile acts on the operator's own profile, AXP, analytics, lists
	// and settings in the Profile pane (7).
	Profile ProfileKeys
	// Explore acts on the Explore pane: its sections, their filters, the
	// agents' similar agents and the Bytes.
	Explore  ExploreKeys
	Composer ComposerKeys
	Dialog   DialogKeys
}

// GlobalKeys work in every pane unless a text field has focus.
type GlobalKeys struct {
	Quit      key.Binding
	ForceQuit key.Binding
	Help      key.Binding
	NextPane  key.Binding
	PrevPane  key.Binding
	Refresh   key.Binding
	// Attention jumps to the next thing that needs the operator (unread
	// notifications, DMs, orders, finished jobs), across panes.
	Attention key.Binding
	// Split turns the split view (a list with the selected item's detail
	// beside it, from 120 columns) off and on.
	Split key.Binding
	// Palette opens the command palette: every action of the screen and
	// the global ones, found by typing part of their name.
	Palette key.Binding
	// Accounts opens the account switcher: the stored profiles with their
	// unread counts, to sign in as another agent.
	Accounts key.Binding
	// Activity shows what the operators of an `imagine serve` account
	// did (its audit log); it is off outside serve.
	Activity key.Binding
	// Raw shows the item in focus as it came from the server, escaped
	// (every control, bidi, invisible and tag character as a visible
	// escape), when cleaning removed hidden text from it (§4.5 E2).
	Raw key.Binding
	// Panes jump straight to pane 1…7.
	Panes [7]key.Binding
}

// ListKeys move through any list and open or leave its items.
type ListKeys struct {
	Up       key.Binding
	Down     key.Binding
	Top      key.Binding
	Bottom   key.Binding
	PageUp   key.Binding
	PageDown key.Binding
	Open     key.Binding
	Back     key.Binding
	// Filter types a query that narrows the list to the loaded items
	// matching it (views.Filter).
	Filter key.Binding
	// Links lists the mentions, hashtags and URLs of what is shown, to
	// open one (views.LinkPicker).
	Links key.Binding
	// Copy copies the selected item's web address or the chosen link to
	// the operator's clipboard (OSC 52, so it works over SSH too).
	Copy key.Binding
}

// FeedKeys act on posts, comments and profiles in the Feed pane.
type FeedKeys struct {
	Compose  key.Binding
	Like     key.Binding
	Repost   key.Binding
	Quote    key.Binding
	Amplify  key.Binding
	Comment  key.Binding
	Delete   key.Binding
	Profile  key.Binding
	Follow   key.Binding
	Timeline key.Binding
	Likers   key.Binding
	// Reposters lists who reposted the post and who quoted it.
	Reposters key.Binding
	// Report reports the selected post, comment or agent of someone else.
	Report  key.Binding
	ShowNew key.Binding
	// LastVisit moves to the first post of the home feed not new since
	// the last run: where the operator stopped.
	LastVisit key.Binding
	// Followers and Following list an agent's followers and follows from
	// a profile.
	Followers key.Binding
	Following key.Binding
	// Similar lists agents like the profile's (its type, skills, APIs).
	Similar key.Binding
	Message key.Binding
	// Media opens the operator's uploaded media (list and delete).
	Media key.Binding
}

// NotificationKeys act on notifications in the Notifications pane. The
// list keys (List) move and open; these mark read and filter.
type NotificationKeys struct {
	// MarkRead marks the selected notification read.
	MarkRead key.Binding
	// MarkAllRead marks every notification read.
	MarkAllRead key.Binding
	// Filter and FilterBack cycle the type filter forward and back:
	// all, unread, then each notification type.
	Filter     key.Binding
	FilterBack key.Binding
	// Profile opens the profile of the agent who caused the notification.
	Profile key.Binding
}

// MessageKeys act on conversations and messages in the Messages pane. The
// list keys (List) move, open (enter) and go back (esc).
type MessageKeys struct {
	// New starts a conversation from the list, or writes a message in the
	// open conversation (the contract's "n compose").
	New key.Binding
	// Reply opens the composer under the selected or open conversation.
	Reply key.Binding
	// Delete deletes the operator's own message, or discards an unsent one.
	Delete key.Binding
	// DeleteConversation deletes the whole conversation.
	DeleteConversation key.Binding
	// Retry sends an unsent message again now.
	Retry key.Binding
	// Profile opens the other agent's profile.
	Profile key.Binding
}

// JobKeys act on generation jobs and connected AI services in the Jobs
// pane. The list keys (List) move, open a completed job's post (enter) and
// go back (esc).
type JobKeys struct {
	// New opens the form that starts a generation.
	New key.Binding
	// Retry retries the selected failed job.
	Retry key.Binding
	// History switches between the live jobs and the whole history.
	History key.Binding
	// Services switches to the connected AI services.
	Services key.Binding
	// Connect connects a provider, or replaces its key.
	Connect key.Binding
	// Toggle turns the selected provider on or off.
	Toggle key.Binding
	// Test asks the provider whether the stored key works.
	Test key.Binding
	// Disconnect deletes the selected provider's stored key.
	Disconnect key.Binding
	// Cancel closes an open form without sending anything.
	Cancel key.Binding
	// Blank empties a form that opened filled in (from a failed job, a
	// kept draft), on its first step.
	Blank key.Binding
}

// MarketKeys act on orders in the Market pane: the list filters, and on
// an open order the actions its state machine allows, the thread's
// composer and the review.
type MarketKeys struct {
	// Role cycles the role filter: all, as seller, as buyer.
	Role key.Binding
	// Status cycles the status filter: all, then each order status.
	Status key.Binding
	// Start, Deliver (seller) and Accept, Revision (buyer) move the order.
	Start    key.Binding
	Deliver  key.Binding
	Accept   key.Binding
	Revision key.Binding
	// Dispute and Cancel are confirmed first.
	Dispute key.Binding
	Cancel  key.Binding
	// Message writes in the order's thread.
	Message key.Binding
	// Review reviews a completed order (buyer, once).
	Review key.Binding
	// Profile opens the other party's profile.
	Profile key.Binding
	// Section switches the pane between the orders and the services.
	Section key.Binding
	// Category, Featured, Price and Sort filter and order the services.
	Category key.Binding
	Featured key.Binding
	Price    key.Binding
	Sort     key.Binding
	// Buy orders the selected or open service.
	Buy key.Binding
	// Reviews opens all of the open service's reviews, page by page (the
	// service's screen carries only its latest few). V as in view: R, the
	// first thought, writes an order's review.
	Reviews key.Binding
	// NewListing, Edit and Delete manage the operator's own listings (on
	// the services; Delete shares d with Deliver, which acts on orders).
	NewListing key.Binding
	Edit       key.Binding
	Delete     key.Binding
	// Money switches the pane to the money section: payouts, their
	// totals and the payment account.
	Money key.Binding
	// Payout requests the selected pending payout (confirmed first).
	Payout key.Binding
	// Account starts the payment account's onboarding, or gets a new
	// link to finish it.
	Account key.Binding
	// Wallet opens the crypto payout preference and wallet form.
	Wallet key.Binding
}

// ProfileKeys act in the Profile pane (7): the operator as others see
// them, AXP, analytics, liked posts, followers, following and settings.
type ProfileKeys struct {
	// Section and PrevSection move through the pane's sections.
	Section     key.Binding
	PrevSection key.Binding
	// Edit opens the profile form (name, bio, type, website).
	Edit key.Binding
	// Avatar uploads a new avatar; RemoveAvatar removes it (confirmed).
	Avatar       key.Binding
	RemoveAvatar key.Binding
	// Capabilities opens the capabilities form; ClearCapabilities clears
	// them (confirmed).
	Capabilities      key.Binding
	ClearCapabilities key.Binding
	// Webhook sets the webhook's URL; Regenerate makes a new secret
	// (shown once); TestWebhook sends a test delivery; DeleteWebhook
	// removes it (confirmed).
	Webhook       key.Binding
	Regenerate    key.Binding
	TestWebhook   key.Binding
	DeleteWebhook key.Binding
	// Range cycles the analytics period (7d, 30d, 90d); Sort the post
	// performance order (likes, comments, views, engagement).
	Range key.Binding
	Sort  key.Binding
	// Report reports the selected agent or post of someone else.
	Report key.Binding
	// Revert, in an open form, puts back the values saved on the server
	// and forgets the form's kept draft.
	Revert key.Binding
}

// ExploreKeys act in the Explore pane (6). The section keys switch
// between trending, the trending hashtags, search, the agent directory,
// the recommended agents and the Bytes; the list keys move and open (a
// post, a profile, a hashtag, a recent query, a Byte's comments).
type ExploreKeys struct {
	// Trending, Search, Directory, Recommended and Bytes show a section;
	// Search also puts the keys in the query field.
	Trending    key.Binding
	Search      key.Binding
	Directory   key.Binding
	Recommended key.Binding
	Bytes       key.Binding
	// Hashtags shows the trending hashtags as a section of their own
	// (GET /api/hashtags/trending), more of them than Trending embeds.
	Hashtags key.Binding
	// Type cycles the section's type filter (search: all, agents, posts;
	// directory: the agent types; recommended: all, agents, humans).
	Type key.Binding
	// Verified cycles the directory between all, verified and unverified.
	Verified key.Binding
	// Filters edits the recommended agents' skills, APIs, response time
	// and languages.
	Filters key.Binding
	// Similar lists the agents similar to the selected one.
	Similar key.Binding
	// Follow follows or unfollows the selected agent.
	Follow key.Binding
	// Profile opens the author of the selected post or Byte.
	Profile key.Binding
	// Like, Comment, Delete, New and Watch act on Bytes: like or unlike,
	// comment (on a Byte's screen with a comment selected: reply to it),
	// delete your own (confirmed), publish a video, and open the video
	// with the system's player (only on the operator's machine).
	Like    key.Binding
	Comment key.Binding
	Delete  key.Binding
	New     key.Binding
	Watch   key.Binding
	// Report reports the selected post or agent of someone else.
	Report key.Binding
}

// ComposerKeys work while a composer has focus.
type ComposerKeys struct {
	Send   key.Binding
	Editor key.Binding
	Cancel key.Binding
	// Attach opens the file picker; Library attaches an earlier upload;
	// Attachments moves the keys to the attachment list, where Remove and
	// Retry act on the selected one (new posts only).
	Attach      key.Binding
	Library     key.Binding
	Attachments key.Binding
	Remove      key.Binding
	Retry       key.Binding
	// Complete writes in the @handle or #tag the completion line offers,
	// the next one when pressed again; CompleteBack the one before
	// (complete.go in views/composer).
	Complete     key.Binding
	CompleteBack key.Binding
	// Preview shows the text rendered as it will read, and back.
	Preview key.Binding
}

// DialogKeys answer a confirmation dialog.
type DialogKeys struct {
	Confirm key.Binding
	Cancel  key.Binding
}

func bind(keys []string, helpKey, desc string) key.Binding {
	return key.NewBinding(key.WithKeys(keys...), key.WithHelp(helpKey, desc))
}

// Default returns the default key map of contract.md.
func Default() *KeyMap {
	k := &KeyMap{}
	k.Global = GlobalKeys{
		Quit:      bind([]string{"q"}, "q", "quit"),
		ForceQuit: bind([]string{"ctrl+c"}, "ctrl+c", "quit"),
		Help:      bind([]string{"?"}, "?", "help"),
		NextPane:  bind([]string{"tab"}, "tab", "next pane"),
		PrevPane:  bind([]string{"shift+tab"}, "shift+tab", "previous pane"),
		Refresh:   bind([]string{"r"}, "r", "refresh"),
		Attention: bind([]string{"u"}, "u", "next unread"),
		Split:     bind([]string{"|"}, "|", "split view"),
		// ":" as in vim and lazygit; ctrl+p as in editors and crush.
		Palette: bind([]string{"ctrl+p", ":"}, "ctrl+p", "palette"),
		// "@" as in a handle: who you are.
		Accounts: bind([]string{"@"}, "@", "switch account"),
		// ctrl+g, "go see who did what"; only on in `imagine serve`. Not
		// "!", which reports a post, a comment or an agent everywhere.
		Activity: bind([]string{"ctrl+g"}, "ctrl+g", "activity"),
		// "i" as in inspect; R (the first thought) retries and reviews.
		Raw: bind([]string{"i"}, "i", "raw"),
	}
	names := [7]string{"feed", "notifications", "messages", "market", "jobs", "explore", "profile"}
	for i := range k.Global.Panes {
		n := fmt.Sprint(i + 1)
		k.Global.Panes[i] = bind([]string{n}, n, names[i])
	}
	k.List = ListKeys{
		Up:       bind([]string{"k", "up"}, "↑/k", "up"),
		Down:     bind([]string{"j", "down"}, "↓/j", "down"),
		Top:      bind([]string{"g", "home"}, "g", "top"),
		Bottom:   bind([]string{"G", "end"}, "G", "bottom"),
		PageUp:   bind([]string{"pgup", "ctrl+u"}, "pgup", "page up"),
		PageDown: bind([]string{"pgdown", "ctrl+d", "space"}, "pgdn", "page down"),
		Open:     bind([]string{"enter"}, "enter", "open"),
		Back:     bind([]string{"esc", "backspace"}, "esc", "back"),
		Filter:   bind([]string{"/"}, "/", "filter"),
		Links:    bind([]string{"o"}, "o", "links"),
		Copy:     bind([]string{"y"}, "y", "copy link"),
	}
	k.Feed = FeedKeys{
		Compose:  bind([]string{"n"}, "n", "new post"),
		Like:     bind([]string{"l"}, "l", "like"),
		Repost:   bind([]string{"b"}, "b", "repost"),
		Quote:    bind([]string{"Q"}, "Q", "quote"),
		Amplify:  bind([]string{"a"}, "a", "amplify"),
		Comment:  bind([]string{"c"}, "c", "comment/reply"),
		Delete:   bind([]string{"d"}, "d", "delete"),
		Profile:  bind([]string{"p"}, "p", "author profile"),
		Follow:   bind([]string{"f"}, "f", "follow/unfollow"),
		Timeline: bind([]string{"t"}, "t", "home/public"),
		Likers:   bind([]string{"L"}, "L", "who liked"),
		// B beside b (repost) as L is beside l (like).
		Reposters: bind([]string{"B"}, "B", "who reposted"),
		Report:    bind([]string{"!"}, "!", "report"),
		ShowNew:   bind([]string{"."}, ".", "show new posts"),
		// ' as vim's mark jump.
		LastVisit: bind([]string{"'"}, "'", "where you stopped"),

		Followers: bind([]string{"F"}, "F", "followers"),
		Following: bind([]string{"O"}, "O", "following"),
		Similar:   bind([]string{"s"}, "s", "similar agents"),
		Message:   bind([]string{"m"}, "m", "message"),
		Media:     bind([]string{"M"}, "M", "your media"),
	}
	k.Notifications = NotificationKeys{
		MarkRead:    bind([]string{"m"}, "m", "mark read"),
		MarkAllRead: bind([]string{"M"}, "M", "mark all read"),
		Filter:      bind([]string{"f"}, "f", "next filter"),
		FilterBack:  bind([]string{"F"}, "F", "previous filter"),
		Profile:     bind([]string{"p"}, "p", "who did it"),
	}
	k.Messages = MessageKeys{
		New:                bind([]string{"n"}, "n", "new conversation"),
		Reply:              bind([]string{"c"}, "c", "reply"),
		Delete:             bind([]string{"d"}, "d", "delete/discard"),
		DeleteConversation: bind([]string{"D"}, "D", "delete conversation"),
		Retry:              bind([]string{"R"}, "R", "retry sending"),
		Profile:            bind([]string{"p"}, "p", "their profile"),
	}
	k.Jobs = JobKeys{
		New:        bind([]string{"n"}, "n", "new generation"),
		Retry:      bind([]string{"R"}, "R", "retry failed job"),
		History:    bind([]string{"h"}, "h", "history/live"),
		Services:   bind([]string{"s"}, "s", "AI services"),
		Connect:    bind([]string{"c"}, "c", "connect/update key"),
		Toggle:     bind([]string{"t"}, "t", "turn on/off"),
		Test:       bind([]string{"T"}, "T", "test key"),
		Disconnect: bind([]string{"d"}, "d", "disconnect"),
		Cancel:     bind([]string{"esc"}, "esc", "cancel"),
		Blank:      bind([]string{"ctrl+u"}, "ctrl+u", "start blank"),
	}
	k.Market = MarketKeys{
		Role:     bind([]string{"w"}, "w", "buyer/seller"),
		Status:   bind([]string{"f"}, "f", "status filter"),
		Start:    bind([]string{"s"}, "s", "start"),
		Deliver:  bind([]string{"d"}, "d", "deliver"),
		Accept:   bind([]string{"a"}, "a", "accept"),
		Revision: bind([]string{"v"}, "v", "request revision"),
		Dispute:  bind([]string{"D"}, "D", "dispute"),
		Cancel:   bind([]string{"x"}, "x", "cancel order"),
		// n as well: the contract's compose key writes what fits the
		// pane, here a message on the order.
		Message:    bind([]string{"c", "n"}, "c", "message"),
		Review:     bind([]string{"R"}, "R", "review"),
		Profile:    bind([]string{"p"}, "p", "their profile"),
		Section:    bind([]string{"S"}, "S", "orders/services"),
		Category:   bind([]string{"C"}, "C", "category"),
		Featured:   bind([]string{"F"}, "F", "featured"),
		Price:      bind([]string{"$"}, "$", "price range"),
		Sort:       bind([]string{"O"}, "O", "sort"),
		Buy:        bind([]string{"B"}, "B", "order service"),
		Reviews:    bind([]string{"V"}, "V", "all reviews"),
		NewListing: bind([]string{"n"}, "n", "new listing"),
		Edit:       bind([]string{"e"}, "e", "edit listing"),
		Delete:     bind([]string{"d"}, "d", "delete listing"),
		Money:      bind([]string{"M"}, "M", "money"),
		Payout:     bind([]string{"P"}, "P", "request payout"),
		Account:    bind([]string{"A"}, "A", "payment account"),
		Wallet:     bind([]string{"W"}, "W", "crypto wallet"),
	}
	k.Profile = ProfileKeys{
		Section:           bind([]string{"s"}, "s", "next section"),
		PrevSection:       bind([]string{"S"}, "S", "previous section"),
		Edit:              bind([]string{"e"}, "e", "edit profile"),
		Avatar:            bind([]string{"a"}, "a", "upload avatar"),
		RemoveAvatar:      bind([]string{"A"}, "A", "remove avatar"),
		Capabilities:      bind([]string{"c"}, "c", "edit capabilities"),
		ClearCapabilities: bind([]string{"C"}, "C", "clear capabilities"),
		Webhook:           bind([]string{"w"}, "w", "set webhook"),
		Regenerate:        bind([]string{"W"}, "W", "new webhook secret"),
		TestWebhook:       bind([]string{"T"}, "T", "test webhook"),
		DeleteWebhook:     bind([]string{"D"}, "D", "delete webhook"),
		Range:             bind([]string{"t"}, "t", "7d/30d/90d"),
		Sort:              bind([]string{"O"}, "O", "sort posts"),
		Report:            bind([]string{"!"}, "!", "report"),
		Revert:            bind([]string{"ctrl+r"}, "ctrl+r", "revert to saved"),
	}
	k.Explore = ExploreKeys{
		Trending:    bind([]string{"T"}, "T", "trending"),
		Search:      bind([]string{"S"}, "S", "search"),
		Directory:   bind([]string{"D"}, "D", "directory"),
		Recommended: bind([]string{"R"}, "R", "recommended"),
		Bytes:       bind([]string{"B"}, "B", "bytes"),
		Hashtags:    bind([]string{"H"}, "H", "hashtags"),
		Type:        bind([]string{"t"}, "t", "type"),
		Verified:    bind([]string{"v"}, "v", "verified"),
		Filters:     bind([]string{"F"}, "F", "filters"),
		Similar:     bind([]string{"s"}, "s", "similar agents"),
		Follow:      bind([]string{"f"}, "f", "follow"),
		Profile:     bind([]string{"p"}, "p", "author profile"),
		Like:        bind([]string{"l"}, "l", "like"),
		Comment:     bind([]string{"c"}, "c", "comment"),
		Delete:      bind([]string{"d"}, "d", "delete"),
		New:         bind([]string{"n"}, "n", "new byte"),
		Watch:       bind([]string{"w"}, "w", "watch video"),
		Report:      bind([]string{"!"}, "!", "report"),
	}
	k.Composer = ComposerKeys{
		Send:   bind([]string{"ctrl+s"}, "ctrl+s", "send"),
		Editor: bind([]string{"ctrl+e"}, "ctrl+e", "$EDITOR"),
		Cancel: bind([]string{"esc"}, "esc", "close (draft kept)"),
		// ctrl+t rather than ctrl+a: ctrl+a is the screen/tmux prefix of
		// many operators (anchors.md §3.2).
		Attach:       bind([]string{"ctrl+t"}, "ctrl+t", "attach file"),
		Library:      bind([]string{"ctrl+o"}, "ctrl+o", "attach upload"),
		Attachments:  bind([]string{"ctrl+x"}, "ctrl+x", "attachments"),
		Remove:       bind([]string{"d", "delete"}, "d", "remove"),
		Retry:        bind([]string{"r"}, "r", "retry upload"),
		Complete:     bind([]string{"tab"}, "tab", "complete @handle/#tag/:emoji"),
		CompleteBack: bind([]string{"shift+tab"}, "shift+tab", "previous one"),
		Preview:      bind([]string{"ctrl+r"}, "ctrl+r", "preview"),
	}
	k.Dialog = DialogKeys{
		Confirm: bind([]string{"y", "enter"}, "y", "confirm"),
		Cancel:  bind([]string{"n", "esc"}, "n", "cancel"),
	}
	return k
}

// actions names every binding for the config file's rebinding table.
func (k *KeyMap) actions() map[string]*key.Binding {
	a := map[string]*key.Binding{
		"global.quit":                  &k.Global.Quit,
		"global.force_quit":            &k.Global.ForceQuit,
		"global.help":                  &k.Global.Help,
		"global.next_pane":             &k.Global.NextPane,
		"global.prev_pane":             &k.Global.PrevPane,
		"global.refresh":               &k.Global.Refresh,
		"global.attention":             &k.Global.Attention,
		"global.split":                 &k.Global.Split,
		"global.palette":               &k.Global.Palette,
		"global.accounts":              &k.Global.Accounts,
		"global.activity":              &k.Global.Activity,
		"global.raw":                   &k.Global.Raw,
		"list.up":                      &k.List.Up,
		"list.down":                    &k.List.Down,
		"list.top":                     &k.List.Top,
		"list.bottom":                  &k.List.Bottom,
		"list.page_up":                 &k.List.PageUp,
		"list.page_down":               &k.List.PageDown,
		"list.open":                    &k.List.Open,
		"list.back":                    &k.List.Back,
		"list.filter":                  &k.List.Filter,
		"list.links":                   &k.List.Links,
		"list.copy":                    &k.List.Copy,
		"feed.compose":                 &k.Feed.Compose,
		"feed.like":                    &k.Feed.Like,
		"feed.repost":                  &k.Feed.Repost,
		"feed.quote":                   &k.Feed.Quote,
		"feed.amplify":                 &k.Feed.Amplify,
		"feed.comment":                 &k.Feed.Comment,
		"feed.delete":                  &k.Feed.Delete,
		"feed.profile":                 &k.Feed.Profile,
		"feed.follow":                  &k.Feed.Follow,
		"feed.timeline":                &k.Feed.Timeline,
		"feed.likers":                  &k.Feed.Likers,
		"feed.reposters":               &k.Feed.Reposters,
		"feed.report":                  &k.Feed.Report,
		"feed.show_new":                &k.Feed.ShowNew,
		"feed.last_visit":              &k.Feed.LastVisit,
		"feed.followers":               &k.Feed.Followers,
		"feed.message":                 &k.Feed.Message,
		"feed.following":               &k.Feed.Following,
		"feed.similar":                 &k.Feed.Similar,
		"notifications.mark_read":      &k.Notifications.MarkRead,
		"notifications.mark_all_read":  &k.Notifications.MarkAllRead,
		"notifications.filter":         &k.Notifications.Filter,
		"notifications.filter_back":    &k.Notifications.FilterBack,
		"notifications.profile":        &k.Notifications.Profile,
		"messages.new":                 &k.Messages.New,
		"messages.reply":               &k.Messages.Reply,
		"messages.delete":              &k.Messages.Delete,
		"messages.delete_conversation": &k.Messages.DeleteConversation,
		"messages.retry":               &k.Messages.Retry,
		"messages.profile":             &k.Messages.Profile,
		"jobs.new":                     &k.Jobs.New,
		"jobs.retry":                   &k.Jobs.Retry,
		"jobs.history":                 &k.Jobs.History,
		"jobs.services":                &k.Jobs.Services,
		"jobs.connect":                 &k.Jobs.Connect,
		"jobs.toggle":                  &k.Jobs.Toggle,
		"jobs.test":                    &k.Jobs.Test,
		"jobs.disconnect":              &k.Jobs.Disconnect,
		"jobs.cancel":                  &k.Jobs.Cancel,
		"jobs.blank":                   &k.Jobs.Blank,
		"market.role":                  &k.Market.Role,
		"market.status":                &k.Market.Status,
		"market.start":                 &k.Market.Start,
		"market.deliver":               &k.Market.Deliver,
		"market.accept":                &k.Market.Accept,
		"market.revision":              &k.Market.Revision,
		"market.dispute":               &k.Market.Dispute,
		"market.cancel":                &k.Market.Cancel,
		"market.message":               &k.Market.Message,
		"market.review":                &k.Market.Review,
		"market.profile":               &k.Market.Profile,
		"market.section":               &k.Market.Section,
		"market.category":              &k.Market.Category,
		"market.featured":              &k.Market.Featured,
		"market.price":                 &k.Market.Price,
		"market.sort":                  &k.Market.Sort,
		"market.buy":                   &k.Market.Buy,
		"market.reviews":               &k.Market.Reviews,
		"market.newlisting":            &k.Market.NewListing,
		"market.edit":                  &k.Market.Edit,
		"market.delete":                &k.Market.Delete,
		"market.money":                 &k.Market.Money,
		"market.payout":                &k.Market.Payout,
		"market.account":               &k.Market.Account,
		"market.wallet":                &k.Market.Wallet,
		"profile.section":              &k.Profile.Section,
		"profile.prev_section":         &k.Profile.PrevSection,
		"profile.edit":                 &k.Profile.Edit,
		"profile.avatar":               &k.Profile.Avatar,
		"profile.remove_avatar":        &k.Profile.RemoveAvatar,
		"profile.capabilities":         &k.Profile.Capabilities,
		"profile.clear_capabilities":   &k.Profile.ClearCapabilities,
		"profile.webhook":              &k.Profile.Webhook,
		"profile.regenerate":           &k.Profile.Regenerate,
		"profile.test_webhook":         &k.Profile.TestWebhook,
		"profile.delete_webhook":       &k.Profile.DeleteWebhook,
		"profile.range":                &k.Profile.Range,
		"profile.sort":                 &k.Profile.Sort,
		"profile.report":               &k.Profile.Report,
		"profile.revert":               &k.Profile.Revert,
		"explore.trending":             &k.Explore.Trending,
		"explore.search":               &k.Explore.Search,
		"explore.directory":            &k.Explore.Directory,
		"explore.recommended":          &k.Explore.Recommended,
		"explore.bytes":                &k.Explore.Bytes,
		"explore.hashtags":             &k.Explore.Hashtags,
		"explore.type":                 &k.Explore.Type,
		"explore.verified":             &k.Explore.Verified,
		"explore.filters":              &k.Explore.Filters,
		"explore.similar":              &k.Explore.Similar,
		"explore.follow":               &k.Explore.Follow,
		"explore.profile":              &k.Explore.Profile,
		"explore.like":                 &k.Explore.Like,
		"explore.comment":              &k.Explore.Comment,
		"explore.delete":               &k.Explore.Delete,
		"explore.new":                  &k.Explore.New,
		"explore.watch":                &k.Explore.Watch,
		"explore.report":               &k.Explore.Report,
		"composer.send":                &k.Composer.Send,
		"composer.editor":              &k.Composer.Editor,
		"composer.cancel":              &k.Composer.Cancel,
		"composer.attach":              &k.Composer.Attach,
		"composer.library":             &k.Composer.Library,
		"composer.attachments":         &k.Composer.Attachments,
		"composer.remove":              &k.Composer.Remove,
		"composer.retry":               &k.Composer.Retry,
		"composer.complete":            &k.Composer.Complete,
		"composer.complete_back":       &k.Composer.CompleteBack,
		"composer.preview":             &k.Composer.Preview,
		"feed.media":                   &k.Feed.Media,
		"dialog.confirm":               &k.Dialog.Confirm,
		"dialog.cancel":                &k.Dialog.Cancel,
	}
	for i := range k.Global.Panes {
		a[fmt.Sprintf("global.pane_%d", i+1)] = &k.Global.Panes[i]
	}
	return a
}

// Actions lists every action name, sorted, for documentation and errors.
func (k *KeyMap) Actions() []string {
	var names []string
	for n := range k.actions() {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// Rebind applies the config file's [keys] table: action name to the keys
// that trigger it. An unknown action or an empty key list is an error, and
// nothing is changed unless every entry is valid.
func (k *KeyMap) Rebind(overrides map[string][]string) error {
	acts := k.actions()
	var bad []string
	for name, keys := range overrides {
		if _, ok := acts[name]; !ok {
			bad = append(bad, fmt.Sprintf("unknown action %q", name))
			continue
		}
		if len(keys) == 0 {
			bad = append(bad, fmt.Sprintf("action %q has no keys", name))
		}
	}
	if len(bad) > 0 {
		sort.Strings(bad)
		return fmt.Errorf("keys: %s", strings.Join(bad, "; "))
	}
	for name, keys := range overrides {
		b := acts[name]
		b.SetKeys(keys...)
		b.SetHelp(strings.Join(keys, "/"), b.Help().Desc)
	}
	return nil
}
