package postkit

import (
	"context"
	"imagine/keymap"
	"imagine/theme"
	"imagine/views/composer"
	"imagine/views/media"
	"time"

	tea "charm.land/bubbletea/v2"
)

// nearEnd is how close to the last loaded item of a screen's list the
// cursor gets before the next page is fetched.
const nearEnd = 5

// composerID tags the composer's messages (and names its drafts) when
// Options.ComposerID does not.
const composerID = "feed"

// Options configure a kit: the Feed pane's (feed.Options holds one) or
// the stack of posts and profiles the root keeps for another pane.
type Options struct {
	// Context is the program's context; every request derives from it
	// (the API client adds the per-request deadlines).
	Context context.Context
	Posts   Posts
	Agents  Agents
	// Hashtag pushes the screen of a hashtag's posts (views.OpenHashtagMsg,
	// a hashtag in a post's links) onto the kit: views/hashtag's Opener,
	// set by whoever builds the kit, so postkit imports no screen of
	// another package; nil opens none.
	Hashtag func(k *Kit, tag string) tea.Cmd
	// Profile pushes the screen of an agent's profile (p on a post or a
	// comment, views.OpenProfileMsg, an agents list): views/profile's
	// Open; nil opens none.
	Profile func(k *Kit, handle string) tea.Cmd
	// Post pushes the screen of a post (enter on a post of any list,
	// views.OpenPostMsg), selecting commentID once its comments arrive:
	// views/post's Open; nil opens none.
	Post   func(k *Kit, e *Entry, commentID string) tea.Cmd
	Keys   *keymap.KeyMap
	Styles *theme.Styles
	// Now is the clock for relative times; nil means time.Now.
	Now func() time.Time
	// Me is the signed-in handle, which decides what is deletable.
	Me string
	// DraftDir holds composer drafts; "" keeps them in memory only.
	DraftDir string
	// Editor is the $VISUAL/$EDITOR command, resolved by the caller.
	Editor string
	// DraftDebounce delays draft saves; 0 means composer.DefaultDebounce.
	DraftDebounce time.Duration

	// Uploads uploads the new post's attachments and lists and deletes the
	// operator's media (the Media screen); nil turns both off.
	Uploads Uploads
	// StartDir is where the attachment file picker starts; "" is the
	// working directory.
	StartDir string
	// NoLocalFiles turns the attachment file picker off; set it for SSH
	// sessions, where the files would be the server's.
	NoLocalFiles bool
	// Complete are where the composer completes @handles and #tags
	// from; without them it offers only those of what is answered.
	Complete composer.Sources
	// MediaHost is the API host (e.g. "imagineanything.com" or the base
	// URL): image previews in the post view are fetched from it and from
	// loopback only, with a plain client of their own. "" turns previews
	// off (the alt text "[image: host]" shows instead).
	MediaHost string
	// Protocol is how previews are drawn, chosen by the caller from the
	// terminal (media.DetectProtocol); the zero value is half-blocks, and
	// media.None shows the alt text only.
	Protocol media.Protocol
	// Previewer, when set, is shared with the other kits of the
	// program (each pane's stack, the split view's previews) instead of
	// one made from MediaHost: one image cache, and kitty image IDs that
	// cannot collide on the terminal.
	Previewer *media.Previewer
	// Memo, when set, is shared with the other kits of the program as
	// Previewer is: a post opened after its preview beside the list, or
	// again, shows the comments and likers read then at once. nil gives
	// the kit a memo of its own.
	Memo *Memo

	// Root names the list that screens are opened from in their
	// breadcrumb ("Notifications › post by @x"); "" is the name of the
	// list under the stack (the Feed's timeline on screen). A kit on its
	// own (New) is the stack of posts and profiles the root keeps for
	// another pane, named after that pane.
	Root string
	// ComposerID tags this kit's composer and its drafts; "" is "feed".
	// Each kit sharing a DraftDir needs its own.
	ComposerID string
	// WebBase is the site the web addresses copied with y point at
	// ({base}/post/{id}); "" copies none.
	WebBase string
	// Preview makes a kit that shows what a list's selection would open,
	// beside the list (the split view): opening a post records no view
	// and fetches no likers.
	Preview bool
}
