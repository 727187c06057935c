// Package ui is the one tea.Model of imagine: it owns the pane set and focus,
// key precedence, layout, the poll scheduler, the status line, help, the
// command palette and confirmation dialogs. Panes live in views/<pane> and
// know nothing of ui.
//
// # Routing
//
//  1. tea.KeyPressMsg: an open dialog takes it; else the open account
//     switcher (accounts.go); else the open palette
//     (every printable key is its query); else the focused pane if it
//     CapturesInput (only ctrl+c escapes); else, while help is shown, the
//     list keys scroll it; else the global bindings (quit, help, palette,
//     account switcher, next/previous pane, 1-7, next unread, refresh);
//     else the focused pane (closing help, so help is a cheat sheet one
//     acts from).
//  2. tea.WindowSizeMsg: layout(w, h) gives every pane, hidden ones too, its
//     size.
//  3. tea.MouseMsg (mouse.go): an open dialog or palette takes it (a click
//     outside closes neither); else the layout rects are the hit map: a
//     click on a tab focuses its pane, a click or a wheel turn in the body
//     goes to what shows there (the focused pane's front, or the split
//     view's detail, which only scrolls), in coordinates relative to that
//     region, unless a text field has focus. Hidden panes never get it.
//  4. pollTickMsg{pane, gen}: dropped when gen is stale (the pane was
//     re-armed since); skipped while that pane's fetch is in flight;
//     otherwise the pane's Refresh Cmd runs, wrapped in fetchedMsg.
//  5. fetchedMsg: delivered to its pane only. If the inner message has
//     Err() error, the error is classified (rate limit, offline,
//     unauthorized, other) and the next tick is armed accordingly.
//  6. views.StatusMsg and views.ConfirmMsg are the panes' requests to the
//     root; views.OpenPostMsg, OpenProfileMsg, OpenHashtagMsg and
//     OpenConversationMsg are stacked on the focused pane (see Screens and
//     stacks), except a conversation asked for on the Messages list, which
//     the pane opens itself; OpenOrderMsg (a marketplace notification's
//     order) is stacked the same way (Options.Orders: a Market model in
//     stacked mode, which polls itself), except on the Market list, which
//     opens it itself; OpenURLMsg opens a link
//     only on the operator's own machine; everything else (action
//     results, spinner ticks) is broadcast to every pane: pane message
//     types are unexported, so only the owner reacts.
//
// # Screens and stacks
//
// A post, a profile, a hashtag or a conversation opened from a pane is
// pushed onto that pane's own stack: the tab does not change, the pane
// underneath keeps its list, selection and scroll, and esc pops back to it
// (esc again goes further back). A pane (Market, Explore, Profile) gets
// stacks by emitting views.Open*Msg and nothing more; the root keeps a
// views.Stack per pane, made the first time something is opened there.
//
// A stack holds views.Screen values: Update, View, SetSize,
// CapturesInput, ShortHelp and FullHelp as a pane has them, plus Depth
// (how many screens it shows; 0 once it closed itself on esc, when the
// stack drops it), Crumbs (its breadcrumb steps) and SetTrail (the steps
// under it, from the pane's name on, which its header draws first).
// Screens are made by the Options, never by a pane: Stacks makes the
// group of posts, profiles and hashtags (a postkit.Kit, as the Feed pane
// embeds over its timelines, which stacks those itself: views.Opener;
// the post, profile and hashtag screens are the packages views/post,
// views/profile and views/hashtag, whose openers the kit is built with),
// Conversations a conversation (a Messages model in stacked mode, sharing
// the Messages pane's drafts and outbox). A request goes to the screen on
// top when it Opens it, else to a new screen pushed over it, so
// Feed › post › @x › DM @x › @x works whatever the kinds. The first group
// on a pane is the stack's base and outlives its screens; the Feed pane
// stacks its posts and profiles itself and is the base of its own stack,
// whose trail is its Path. A pane with screens of its own (a
// conversation in Messages, an order or a service in Market, a Byte in
// Explore) is views.Pathed too: what is opened from there is stacked
// under that screen's breadcrumb ("Messages › Nova @nova › @nova"), and a
// stack showing nothing is rerooted there before each open
// (views.Stack.Reroot), as the pane may have moved since its base was
// made.
//
// While a stack shows a screen it is the pane's front: it takes the
// pane's keys, draws the body and supplies the help. Every stacked screen
// is headed by its breadcrumb ("Notifications › post by @x › @x",
// views.Crumbs). A screen's Cmds come back wrapped in stackMsg with its
// ID, so its results reach it alone (never the broadcast) and are dropped
// once it is gone; what it asks of the root (a status, a confirmation
// whose Yes is wrapped in turn, opening something) is handled as a pane's
// request would be, on the screen's pane. The stacks survive switching
// panes; the attention key (u) drops the stack of the pane it lands on.
//
// # Actions: footer, help and palette
//
// One list feeds the footer, the help screen (?) and the palette (ctrl+p
// or :), as lazygit's bindings do: the keymap's registry
// (keymap.Registry), where every action has a stable ID (the config
// file's name, "feed.like"), a title, a scope and its live binding, whose
// Help().Key is printed beside it. What is on screen narrows it:
//
//   - A pane's actions are those of the keymap groups it answers to: the
//     list keys and the group named after the pane (PaneID.String():
//     "feed", "jobs"…). A new pane (Market, Explore, Profile) whose
//     bindings are in a keymap group of its name, each titled in
//     keymap/actions.go (a test fails otherwise), is in the palette and
//     help with no code; one whose keys are other groups implements
//     views.ActionScoper (a postkit.Kit stacked over Messages answers to
//     "feed", a conversation stacked over the Feed to "messages").
//   - An action that cannot run now is listed with the reason, never
//     hidden: the pane's own (views.ActionGate, "no post selected"), or
//     "not on this screen" when its key is not in the front's FullHelp.
//   - The palette runs a pane's action by pressing its first key for the
//     operator (keymap.Press) to the front, and a global one through the
//     key handling above, so both do exactly what the key does.
//   - The footer puts the screen's ShortHelp on the left, cut with "…",
//     and pins "? help" and "q quit" at the right at every width (none
//     while a text field has the keys: they would be typed).
//   - The tab bar keeps every pane's tab at every width: where the titles
//     do not fit, the other panes' titles are cut to four letters, then
//     left out (tabTitleCuts); the mouse measures the same cells.
//
// # Split view
//
// From 120 columns, a pane that says what enter would open for its
// selection (Targeter) is drawn as its list with that item beside it: a
// preview Stack from Options.Details for a post, a profile or a hashtag
// (a postkit.Kit that records no view and fetches no likers), from
// Options.ConversationDetails for a conversation (a Messages model that
// marks nothing read and keeps no outbox; nil leaves Messages unsplit),
// from Options.JobDetails for a job (drawn from what the list holds, so
// shown at once, without a rest), or from Options.OrderDetails for an
// order (a read-only Market model; the Market's own list, whose rows need
// the width, is split from 160 columns: splitMinFor), cached by target,
// made once the cursor
// rests 150 ms, so scrolling fast fetches nothing and coming back to an
// item fetches nothing again. A preview names no key of its own (postkit's
// Previewing): beside a list the keys are the list's, in the footer. Each
// preview's requests run under a context of its own: one the cursor
// leaves before it loaded (loader) is cancelled and dropped, so the
// read budget goes to the item the cursor rests on, and a post that a
// kept preview holds is handed to the next preview of it (split_fetch.go). A
// screen or a form over the list takes the whole width (listShower). The
// | key turns it off and on; split = false starts it off.
//
// # News of changes
//
// A screen that changed something on the server (a like, a comment, a
// follow, a DM sent or deleted, an order acted on or written about) says
// so with a views.*ChangedMsg, and the root spreads it to every pane,
// every stacked screen and every kept preview (spread.go), each of which holds copies of its own. A kept
// preview is also told when the list beside it holds a newer copy of what
// it shows (resyncDetail), so coming back to an item shows what the list
// shows, without a request when nothing moved.
//
// # Attention
//
// After every message the root compares each pane's Badge (or Alerts, for
// panes whose badge is not an unread count) with what it saw before. When
// one grew for a pane the operator is not looking at, or while the terminal
// is unfocused, the terminal is told (OSC 9, 777 or 99, through tmux, or the
// bell; at most once per 10 s; never for what was waiting at start-up).
// The attention key (u) first opens the next unread conversation below
// the cursor when Messages is in view, then focuses the
// next pane with a badge and moves its cursor to the newest unread item; when that pane's list is behind its
// badge (it was hidden), the pane waits for the list that coming into view
// fetches and selects the newest unread item when it arrives. A terminal
// notification for such a pane says how many items are unread.
//
// # Polling
//
// One fetch in flight per pane; the next tick is armed only when the
// previous result has arrived, at the pane's PollInterval (which is shorter
// while the pane is focused), with ±10 % jitter. A manual refresh (r) fetches
// now and re-arms. Errors back off exponentially with full jitter up to five
// minutes; a 429 waits exactly as long as the server asked, while a pause
// asked by the client's own budget is quiet. When the terminal loses
// focus, intervals double; [poll] in the config overrides cadences. A
// pane on screen whose PollInterval shortens (an order opened polls its
// thread every 4 s) is re-armed at once, counted from its last fetch.
//
// What a poll reads depends on whether its pane is on screen (SetFocused):
//
//   - The cheap count endpoints (/api/notifications/count,
//     /api/conversations/unread) are polled every 12 s in every state, so a
//     badge moves within 15 s of an event.
//   - A hidden pane never fetches its list because its count moved: the
//     count moves the badge, and the pane reports itself Outdated.
//   - A pane coming into view is fetched at once if its data is over 5 s
//     old or it is Outdated; if a hidden-mode fetch was in flight at that
//     moment, it is fetched again when that one returns, should it still be
//     Outdated.
//   - On screen, a poll reads one endpoint when nothing changed: Messages
//     reads the conversation list (its unreadCounts make the badge, its
//     lastMessage says whether the open conversation must be read too),
//     Notifications the count (and its list when the count moved or the
//     list is a minute old).
//   - An idle client stays at or under 20 GET/min in every state, a
//     running generation job's own 2.5 s polling aside
//     (cli.TestIdleClientStaysUnderTheGETBudget measures it).
//
// # Idle cost
//
// Nothing on screen changes by the passing of time alone: the status line
// shows "live" rather than a ticking clock, so an idle client writes no
// bytes to the terminal between polls that bring nothing new.
package ui
