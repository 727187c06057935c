// Package postkit is the kit of the content screens every pane can stack,
// and the stack itself: a Kit holds the posts the screens share, every post
// action (like, repost, quote, amplify, comment, reply, delete, follow)
// and the composer they hand text to, and a stack of Screens. The agents
// lists (likers, followers, following) and the operator's Media screen are
// here; a post, a profile and a hashtag's posts are packages of their own
// (views/post, views/profile, views/hashtag) whose openers the kit is
// built with (Options.Post, Options.Profile, Options.Hashtag), so postkit
// imports no screen package and screens open each other through the kit.
// A Screen gets the kit in every call and hears of what happened to the
// posts it shows through the kit's events (events.go).
//
// A Kit is one stack of those screens over a list. The Feed pane embeds
// one over its timelines (feed.Model answers the Host interface, so a new
// post shows on top of them and a deleted one leaves them); the root keeps
// one of its own for every other pane (cli's Options.Stacks), a
// views.Screen that opens posts, profiles and hashtags itself
// (views.Opener). Screens open each other inside the kit, synchronously,
// and share its entries: a like on a post a profile lists shows in the
// timeline under it at once.
//
// A send whose answer is lost (api.ErrUnknownOutcome) is never resent
// blindly: the kit reads the server back (reconcile.go, views.SendOnce)
// and the composer says "sent" or "not sent", or "unconfirmed" when the
// read failed too; the next send of that text then checks first.
//
// The kit talks to the API only through the small interfaces in
// sources.go, inside tea.Cmds; Update and View do no I/O. Rendering is
// windowed and cached per (item, version, width), the selection marked in
// the gutter only. A screen left releases the posts only it held, and
// cancels its requests still waiting for the rate budget.
//
// Usage:
//
//	k := postkit.New(postkit.Options{
//		Context: ctx, Posts: client.Posts, Agents: client.Agents,
//		Post: post.Open, Profile: profile.Open,
//		Hashtag: hashtag.Opener(client.Hashtags),
//		Keys: keys, Styles: styles,
//		Root: "Notifications", ComposerID: "feed-notifications",
//	})
//	cmd := k.Update(views.OpenPostMsg{PostID: id})
package postkit
