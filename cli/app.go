package cli

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/log/v2"

	"imagine/api"
	"imagine/config"
	"imagine/internal/feedcache"
	"imagine/keymap"
	"imagine/theme"
	"imagine/ui"
	"imagine/views/composer"
	"imagine/views/explore"
	"imagine/views/feed"
	"imagine/views/hashtag"
	"imagine/views/jobdetail"
	"imagine/views/jobs"
	"imagine/views/market"
	"imagine/views/me"
	"imagine/views/media"
	"imagine/views/messages"
	"imagine/views/notifications"
	"imagine/views/post"
	"imagine/views/postkit"
	"imagine/views/profile"
)

// appDeps is everything the TUI is built from.
type appDeps struct {
	client   *api.Client
	cfg      config.Config
	draftDir string
	// dataDir keeps what must survive a restart: the DM outbox.
	dataDir string
	// feedCache keeps the home feed's first page across runs; nil (the
	// demo) caches nothing.
	feedCache *feedcache.Store
	// feedMarks keeps where the operator stopped reading the home feed,
	// to show what is new at the next start; searches keeps Explore's
	// recent searches; nil keeps nothing.
	feedMarks feed.VisitMarks
	searches  explore.SearchHistory
	// checkouts keeps the checkout links of orders not paid yet across
	// runs; nil keeps them for the run only.
	checkouts *market.Checkouts
	logger    *log.Logger
	now       func() time.Time
	// tick arms the poll scheduler's timers (nil: tea.Tick); the polling
	// cost tests run the program on a faster clock with now and tick.
	tick func(time.Duration, func(time.Time) tea.Msg) tea.Cmd
	// rejected is the sentence for a refused secret (rejectedText).
	rejected string
	// accounts lists the stored accounts for the account switcher; nil
	// turns it off, noAccounts saying why.
	accounts   func(context.Context) []ui.AccountEntry
	noAccounts string
	// in and out are the terminal (the command's standard streams); nil
	// leaves Bubble Tea's defaults.
	in  io.Reader
	out io.Writer
	// serve is set for an SSH session of `imagine serve` (serve_model.go):
	// its terminal is the operator's, not this machine's.
	serve *serveSession
}

// runProgram builds the model and runs it until quit. Signing in happens
// inside the TUI, so the first frame never waits on the network. switchTo
// is the profile chosen in the account switcher, if that ended the run;
// everything the run started is cancelled before it returns.
func runProgram(ctx context.Context, d appDeps) (switchTo string, err error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	m, err := buildModel(ctx, d, "")
	if err != nil {
		return "", err
	}
	opts := []tea.ProgramOption{tea.WithContext(ctx)}
	if d.in != nil {
		opts = append(opts, tea.WithInput(d.in))
	}
	if d.out != nil {
		opts = append(opts, tea.WithOutput(d.out))
	}
	p := tea.NewProgram(m, opts...)
	final, err := p.Run()
	// The loop has ended however it ended (q, ctrl+c, a signal): what was
	// typed in the last moment, not yet saved by the debounce, is written
	// now.
	if ferr := m.FlushDrafts(); ferr != nil {
		d.logger.Error("drafts not saved at exit", "err", ferr)
	}
	if err != nil && ctx.Err() == nil {
		return "", err
	}
	if fm, ok := final.(*ui.Model); ok && fm.SwitchTo() != "" {
		return fm.SwitchTo(), nil
	}
	return "", exitError(final, d.rejected)
}

// exitError is the error the process exits with after the TUI: the
// refused secret, said plainly, or nil.
func exitError(final tea.Model, rejected string) error {
	m, ok := final.(*ui.Model)
	if !ok || m.Fatal() == nil {
		return nil
	}
	if rejected != "" {
		return errors.New(rejected)
	}
	return m.Fatal()
}

// signIn asks the server who the credentials belong to.
func (d appDeps) signIn(ctx context.Context) (string, error) {
	me, err := d.client.Agents.Me(ctx)
	if err != nil {
		return "", err
	}
	d.logger.Info("signed in", "handle", me.Handle)
	return me.Handle, nil
}

// buildModel wires the client's services into the panes and the root model.
// The end-to-end tests build the model through this same function.
func buildModel(ctx context.Context, d appDeps, handle string) (*ui.Model, error) {
	// Every request of this program tells the root when it waits for the
	// rate limit, so the status line can say why a screen still loads.
	pacing := make(chan time.Duration, 1)
	ctx = api.WithPaceObserver(ctx, func(wait time.Duration) {
		select {
		case pacing <- wait:
		default: // one untold is enough: the status line is on already
		}
	})
	keys := keymap.Default()
	if err := keys.Rebind(d.cfg.Keys); err != nil {
		return nil, err
	}
	getenv := os.Getenv
	if d.serve != nil {
		getenv = d.serve.getenv
	}
	noColor := getenv("NO_COLOR") != ""
	dark, fixed := true, false
	switch d.cfg.Theme {
	case "light":
		dark, fixed = false, true
	case "dark":
		fixed = true
	case "", "auto":
	default:
		return nil, fmt.Errorf("config: theme must be auto, dark or light, not %q", d.cfg.Theme)
	}
	styles, err := theme.Build(d.cfg.Palette, dark, noColor)
	if err != nil {
		return nil, fmt.Errorf("config: %w", err)
	}
	styles.Hyperlinks = hyperlinkTerminal(getenv)
	if d.cfg.Hyperlinks != nil {
		styles.Hyperlinks = *d.cfg.Hyperlinks
	}
	notify, err := notifyOptions(d.cfg.Notify, getenv)
	if err != nil {
		return nil, err
	}
	now := d.now
	if now == nil {
		now = time.Now
	}
	preview, err := media.ForSetting(d.cfg.Preview, getenv)
	if err != nil {
		return nil, fmt.Errorf("config: %w", err)
	}
	editor := firstNonEmpty(d.cfg.Editor, getenv("VISUAL"), getenv("EDITOR"))
	if d.serve != nil {
		editor = "" // it would run on the server
	}
	var homeCache feed.HomeCache // a nil *Store must stay a nil interface
	if d.feedCache != nil {
		homeCache = d.feedCache
	}
	// Every composer completes @handles from the agent directory and
	// #tags from the trending ones.
	complete := composer.SourcesFrom(d.client.Agents, d.client.Hashtags)
	screens := postkit.Options{
		Context:  ctx,
		Posts:    d.client.Posts,
		Agents:   d.client.Agents,
		Hashtag:  hashtag.Opener(d.client.Hashtags),
		Profile:  profile.Open,
		Post:     post.Open,
		Keys:     keys,
		Styles:   styles,
		Now:      now,
		Me:       handle,
		DraftDir: d.draftDir,
		Editor:   editor,
		Uploads:  d.client.Uploads,
		// Previews are fetched only from the API's own host, never with
		// credentials; with NO_COLOR they would be blank, so alt text.
		MediaHost: mediaHost(d.client.BaseURL(), noColor),
		Protocol:  preview,
		WebBase:   d.client.BaseURL(),
		// Over SSH the file picker would browse the server's files.
		NoLocalFiles: d.serve != nil,
		Complete:     complete,
		// A post opened after its preview beside the list, or again,
		// shows the comments and likers read then, at once.
		Memo: postkit.NewMemo(),
	}
	if screens.MediaHost != "" {
		// One previewer for the Feed and every stack and preview made from
		// these options: one image cache, one numbering of kitty images.
		screens.Previewer = media.NewPreviewer(media.Options{AllowedHost: screens.MediaHost, Protocol: screens.Protocol})
	}
	feedPane := feed.New(feed.Options{Options: screens, Home: d.client.Feed, HomeCache: homeCache, Public: d.client.Posts,
		LastVisit: d.feedMarks})
	notesPane := notifications.New(notifications.Options{
		Context: ctx,
		Source:  d.client.Notifications,
		Keys:    keys,
		Styles:  styles,
		Now:     now,
		WebBase: d.client.BaseURL(),
	})
	msgOpts := messages.Options{
		Context:       ctx,
		Conversations: d.client.Conversations,
		Keys:          keys,
		Styles:        styles,
		Now:           now,
		Me:            handle,
		DraftDir:      d.draftDir,
		DataDir:       d.dataDir,
		Editor:        editor,
		NoLocalFiles:  d.serve != nil,
		Complete:      complete,
		// A conversation opened after its preview beside the list, or
		// again, shows the page read then, at once.
		Threads: messages.NewThreadMemo(),
	}
	msgPane := messages.New(msgOpts)
	jobsPane := jobs.New(jobs.Options{
		Context:  ctx,
		DraftDir: d.draftDir,
		Generate: d.client.Generate,
		Services: d.client.Services,
		Keys:     keys,
		Styles:   styles,
		Now:      now,
	})
	// The Market pane: orders first, then the Services (with the
	// operator's listings) and Money sections.
	marketOpts := market.Options{
		Context:  ctx,
		Source:   d.client.Market,
		Keys:     keys,
		Styles:   styles,
		Now:      now,
		Me:       handle,
		DraftDir: d.draftDir,
		Editor:   editor,
		Uploads:  d.client.Uploads,
		// Over SSH the file picker would browse the server's files.
		NoLocalFiles: d.serve != nil,
		Complete:     complete,
		// The link to pay an order comes once; it is kept until paid,
		// and shared by the pane and every order opened elsewhere.
		Checkouts: cmp.Or(d.checkouts, market.LoadCheckouts("")),
	}
	marketPane := market.New(marketOpts)
	// The Profile pane: the operator's own profile, AXP, analytics,
	// lists and settings; it reads when it comes into view and on r.
	mePane := me.New(me.Options{
		Context:   ctx,
		Agents:    d.client.Agents,
		Settings:  d.client.Profile,
		Analytics: d.client.Analytics,
		Keys:      keys,
		Styles:    styles,
		Now:       now,
		Previewer: screens.Previewer,
		WebBase:   d.client.BaseURL(),
		// Over SSH a new webhook secret goes to the operator's clipboard,
		// never to a screen a team may share.
		HideSecrets: d.serve != nil,
	})
	// The Explore pane: discovery and Bytes (a Byte's video goes up
	// through the composer's own upload flow).
	explorePane := explore.New(explore.Options{
		Context:   ctx,
		Explore:   d.client.Explore,
		Agents:    d.client.Agents,
		Bytes:     d.client.Bytes,
		Hashtags:  d.client.Hashtags,
		Uploads:   d.client.Uploads,
		Keys:      keys,
		Styles:    styles,
		Now:       now,
		Me:        handle,
		DraftDir:  d.draftDir,
		Editor:    editor,
		Previewer: screens.Previewer,
		WebBase:   d.client.BaseURL(),
		Complete:  complete,
		History:   d.searches,
		// Over SSH a Byte's video would be picked from the server's files.
		NoLocalFiles: d.serve != nil,
	})
	intervals, err := pollIntervals(d.cfg.Poll)
	if err != nil {
		return nil, err
	}
	opts := ui.Options{
		Context: ctx,
		Panes: map[ui.PaneID]ui.Pane{
			ui.FeedPane:          feedPane,
			ui.NotificationsPane: notesPane,
			ui.MessagesPane:      msgPane,
			ui.MarketPane:        marketPane,
			ui.JobsPane:          jobsPane,
			ui.ProfilePane:       mePane,
			ui.ExplorePane:       explorePane,
		},
		Styles:     styles,
		Keys:       keys,
		Handle:     handle,
		NoColor:    noColor,
		FixedTheme: fixed,
		Rate:       d.client.Rate,
		Pacing:     pacing,
		Now:        now,
		Tick:       d.tick,
		Stacks:     stackMaker(screens),
		// A conversation opened from a profile (m) or the palette, on
		// the pane it was opened from.
		Conversations: conversationMaker(msgOpts, msgPane.Outbox()),
		// An order opened from a notification or the palette, on the
		// pane it was opened from.
		Orders:       orderMaker(marketOpts),
		FindAgents:   complete.Agents,
		OrderDetails: orderDetailMaker(marketOpts),
		OpenURL:      urlOpener(os.Getenv),
		Details:      detailMaker(screens),
		NoSplit:      d.cfg.Split != nil && !*d.cfg.Split,
		NoMouse:      d.cfg.Mouse != nil && !*d.cfg.Mouse,
		Logger:       d.logger,
		Rejected:     d.rejected,
		Accounts:     d.accounts,
		NoAccounts:   d.noAccounts,
		SignIn:       d.signIn,
		Notify:       notify,
		Intervals:    intervals,
		Reports:      d.client.Reports,

		// The conversation beside the Messages list in the split view.
		ConversationDetails: conversationDetailMaker(msgOpts),
		// A running or failed job beside the Jobs list.
		JobDetails: func(context.Context) ui.Stack { return jobdetail.New(styles) },
	}
	d.serve.apply(&opts)
	return ui.New(opts), nil
}

// pollIntervals turns the config's [poll] table (pane name to cadence)
// into the root's overrides.
func pollIntervals(poll map[string]config.Duration) (map[ui.PaneID]time.Duration, error) {
	out := map[ui.PaneID]time.Duration{}
	for name, d := range poll {
		id, ok := ui.PaneByName(name)
		if !ok {
			return nil, fmt.Errorf("config: [poll] has no pane %q", name)
		}
		if d.Duration > 0 && d.Duration < time.Second {
			return nil, fmt.Errorf("config: [poll] %s = %s is too fast (at least 1s)", name, d.Duration)
		}
		out[id] = d.Duration
	}
	return out, nil
}

// mediaHost is where image previews may be fetched from: the API server,
// unless colours are off (half-block previews need them).
func mediaHost(baseURL string, noColor bool) string {
	if noColor {
		return ""
	}
	return baseURL
}

// stackMaker makes the stack of posts and profiles opened from a pane: a
// postkit.Kit on its own, named after the pane in its breadcrumb, with
// drafts of its own. $EDITOR is left out: Bubble Tea hands the editor's
// answer back unaddressed, and it would not find its way to a stack
// (ui/stacks.go).
func stackMaker(opts postkit.Options) func(ui.PaneID) ui.Stack {
	return func(id ui.PaneID) ui.Stack {
		o, name := opts, id.String()
		o.Root = strings.ToUpper(name[:1]) + name[1:]
		o.ComposerID = "feed-" + name
		o.Editor = ""
		return postkit.New(o)
	}
}

// conversationMaker makes the screen of a conversation opened over a pane:
// a Messages model in stacked mode, with the pane's drafts (the same
// directory and composer) and the pane's outbox, so a message sent from
// there is queued, retried and saved as one sent from the Messages tab.
// $EDITOR is left out, as for stackMaker.
func conversationMaker(opts messages.Options, box *messages.Outbox) func(ui.PaneID) ui.Stack {
	return func(ui.PaneID) ui.Stack {
		o := opts
		o.Stacked, o.Outbox, o.Editor = true, box, ""
		return messages.New(o)
	}
}

// orderMaker makes the screen of an order opened over another pane: a
// Market model in stacked mode, with the pane's drafts.
func orderMaker(opts market.Options) func(ui.PaneID) ui.Stack {
	return func(ui.PaneID) ui.Stack {
		o := opts
		o.Stacked = true
		return market.New(o)
	}
}

// orderDetailMaker makes the preview of an order beside a list: a Market
// model in preview mode, read-only, with no drafts and no $EDITOR.
func orderDetailMaker(opts market.Options) func(context.Context) ui.Stack {
	return func(ctx context.Context) ui.Stack {
		o := opts
		o.Context = ctx
		o.Preview = true
		o.DraftDir, o.Editor = "", ""
		return market.New(o)
	}
}

// detailMaker makes the preview shown beside a list in the split view: a
// postkit.Kit in preview mode (it records no view and fetches no likers),
// no composer drafts and no $EDITOR.
func detailMaker(opts postkit.Options) func(context.Context) ui.Stack {
	return func(ctx context.Context) ui.Stack {
		o := opts
		o.Context = ctx
		o.Root, o.Preview = "Selected", true
		o.ComposerID, o.DraftDir, o.Editor = "feed-preview", "", ""
		return postkit.New(o)
	}
}

// conversationDetailMaker makes the preview of a conversation shown beside
// the Messages list: a Messages model in preview mode, which marks nothing
// read, and has no outbox, no drafts and no $EDITOR, so that the pane's
// outbox file has one writer.
func conversationDetailMaker(opts messages.Options) func(context.Context) ui.Stack {
	return func(ctx context.Context) ui.Stack {
		o := opts
		o.Context = ctx
		o.Preview = true
		o.DraftDir, o.DataDir, o.Editor = "", "", ""
		return messages.New(o)
	}
}
