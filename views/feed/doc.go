// Package feed is the Feed pane: the home feed and the public timeline,
// under a postkit.Kit that stacks what is opened from them (a post with its
// comment tree, an agent's profile, lists of agents, a hashtag's posts,
// the Media screen) exactly as every other pane's stack does, and holds
// the post actions and the composer. The timelines share the kit's
// entries, so an action on a post shows in the list and in the screens at
// once; the Model answers the kit's postkit.Host interface (a new post
// goes on top of the timelines, a deleted one leaves them).
//
// At start the pane shows the home feed's first page from the last run
// (Options.HomeCache), marked as cached, or else the public timeline, which
// needs no token and loads while sign-in runs; the home feed replaces
// either when it arrives (startup.go).
//
// The pane talks to the API only through the small interfaces in
// sources.go (and the kit's), inside tea.Cmds; Update and View do no I/O. Actions are
// optimistic where natural and rolled back on error. Rendering is windowed
// and cached per (item, version, width, selection), so a frame costs the
// same with 20 posts loaded or 10,000. Memory is bounded too: a timeline
// holds the pages near the cursor only, and keeps just the cursor of the
// others, fetching them again on the way back (bound.go, earlier.go).
//
// Usage:
//
//	p := feed.New(feed.Options{
//		Home: client.Feed, Public: client.Posts,
//		Options: postkit.Options{
//			Context: ctx, Posts: client.Posts, Agents: client.Agents,
//			Keys: keys, Styles: styles, Me: me.Handle,
//			DraftDir: drafts, Editor: os.Getenv("EDITOR"),
//			Uploads: client.Uploads, MediaHost: client.BaseURL(),
//		},
//	})
package feed
