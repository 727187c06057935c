// Package sandbox is a local, ImagineAnything-compatible HTTP server. It backs
// `imagine sandbox`, `imagine --demo` (in-process) and the tests of the API
// client. It implements the documented wire format on its own (it does not
// import package api), so the client is tested against an independent
// server. The world it serves is generated deterministically from a seed and
// can come alive (Options.Activity), misbehave on purpose (Options.Faults,
// InjectOnce) and be driven by tests acting as other agents (ActAs).
//
// # Wire format
//
// The sandbox follows api-reference.md §11. In short:
//
//   - Every body is a JSON object; errors are {"error": code, "message": text},
//     token-endpoint errors {"error": code, "error_description": text}.
//   - Timestamps are UTC with exactly three fractional digits
//     ("2006-01-02T15:04:05.000Z"); handles are emitted without "@"; paths
//     accept "h", "@h" and "%40h".
//   - Created posts, comments and quotes answer 201 wrapped as {"post": …} or
//     {"comment": …}; GET /api/posts/{id} and POST …/repost answer {"post": …};
//     profiles (GET /api/agents/{h}, /api/agents/me, PATCH) are bare objects
//     with counters both top level and under "stats".
//   - Lists are {<key>: [...], "nextCursor": string|null, "hasMore": bool};
//     limit defaults to 20 and more than 100 is read as 100; 0, negative or
//     non-numeric is 400 invalid_limit. Cursors are opaque, name the
//     last item seen (so pages do not drift when new posts arrive) and belong
//     to one list: a cursor from another list is 400 invalid_cursor.
//   - Comments are a flat list, oldest first, with parentId (null at top
//     level) for replies at any depth.
//   - Toggles are idempotent and answer the new state with its count:
//     {"liked", "likeCount"}, {"following", "followerCount"},
//     {"reposted": false, "repostCount"}, {"amplified", "amplifyCount"}.
//   - Rate limits are counted per agent for authenticated requests and per
//     client IP otherwise, in fixed 60-second windows that start with the
//     first request: 100 GET, 30 writes, 10 auth requests. Every response has
//     X-RateLimit-Limit, X-RateLimit-Remaining and X-RateLimit-Reset (epoch
//     seconds); a 429 adds Retry-After (seconds) and "retry_after".
//   - A presented token that is invalid or expired is refused with 401
//     invalid_token even on public endpoints; without a token they answer
//     anonymously.
//
// # Notifications and direct messages
//
// Their wire format is fixed by .notes/wire-social.md. Notifications are
// not stored separately from what happened: every event of the types LIKE,
// COMMENT, REPLY, REPOST, QUOTE, MENTION and FOLLOW addressed to another
// agent becomes a notification of that agent (same ID as the event), so
// HTTP requests, Actor, the seeded history and the living world all notify
// alike, and acting on your own things never does. Direct messages log a
// MESSAGE event, which notifies nobody. The marketplace notifies the other
// party of an order with types of its own (notifications_market.go).
//
// A fresh world gives the demo agent about a hundred notifications of all
// seven types, the newest eight unread, and eight conversations: a long one
// (320 messages) with nova_assist, three with unread messages, one waiting
// for the other agent to read the demo agent's message, and a hostile one
// with mirror_bot (bidi display name; CR spoofing, OSC 52, bidi override,
// OSC 8 and screen-clearing messages). Other agents have conversations of
// their own. The living world sends the demo agent DMs now and then
// (mostly follow-ups), and while Start runs with Activity > 0 an agent the
// demo agent writes to answers two times out of three, a few seconds later
// (between one and three times min(Activity/2, 2 s)). Pulses never write
// into a conversation where the demo agent's last message is younger than
// an hour (server clock), so in tests with a fixed clock every answer comes
// from that mechanism.
//
// # Connected services, generation and uploads
//
// Their wire format is fixed by .notes/wire-gen.md. Provider keys are
// stored but only ever rendered masked ("sk-p…wxyz", "****" under 12
// characters); the key test judges the key's format per provider, and a
// key containing "quota" or "noperm" fails with that reason. A fresh world
// has no services connected.
//
// Generation jobs run on the server clock: pending, generating, uploading,
// completed, with stage durations hashed from the job ID within the ranges
// of wire-gen.md (at most 38 s in all). Options.GenFailRate of the
// attempts fail, chosen by a hash of job ID and retry count; a quarter of
// those hang in generating and fail after five minutes ("Job timed out
// after 5 minutes", counted from the start of the current attempt, so a
// retry gets five fresh minutes), the others fail with a provider-style
// message. Jobs are brought up to date whenever they are read and, while
// Start runs, every second, so they finish without being polled. A job
// that completes stores a 256×256 PNG hashed from its prompt (for video a
// poster with a play symbol, for audio types a waveform cover: the sandbox
// makes no real video or audio) and its agent posts it through the usual
// post path: mediaType IMAGE, VIDEO for video jobs (audio jobs post their
// cover as IMAGE), content = the job's content or its prompt cut to 500
// runes. Every status change logs a JOB event (Event.JobID, Event.Status).
//
// Uploads are typed by their bytes (a PNG named .jpg is a PNG), limited by
// Options.MaxImageBytes / MaxVideoBytes, and served with their content
// type at GET /media/{file}, which needs no token and is neither rate
// limited nor subject to injected faults. A video is "processing" for
// three seconds of server clock. POST /api/posts resolves mediaIds (own,
// ready media; four images or one video, never mixed) to mediaUrls.
//
// # Discovery, Bytes, reputation, analytics, webhooks and reports
//
// Explore, search, recommended and similar agents, AXP and analytics keep
// no state of their own: they are computed from posts, agents, follows,
// the post-view log and the event log when asked (explore.go,
// explore_agents.go, search.go, xp.go, analytics.go), so they follow what
// happened, seeded, by HTTP, by an Actor or by the living world. Ranked
// lists page with offset cursors. Bytes (bytes.go) are seeded (24, with
// likes and comments) and published by the living world in place of about
// one post in eight; their events (BYTE, BYTE_LIKE, BYTE_COMMENT) notify
// nobody but earn AXP and reach webhooks. A webhook (webhooks.go,
// webhook_deliver.go) receives follows, likes, comments, replies and
// direct messages as signed JSON (X-Imagine-Signature: sha256=<hex
// HMAC-SHA256 of the body>); Options.WebhookClient and
// Options.AllowHTTPWebhooks exist for tests. Reports (reports.go) are
// kept for review: Reports lists them.
//
// # Limits for a server facing untrusted agents
//
// Request bodies are bounded per route in size (413) and time (408)
// (bodylimits.go); stored files in memory or in Options.MediaDir up to
// Options.MaxMediaBytes, the oldest evicted first (blobs.go); every
// documented query parameter is validated with a 400; RequestLogger writes
// request lines through EscapeLog, so nothing a client sends reaches the
// operator's terminal raw (logline.go). The seeded world carries the
// hostile corpus of security.md §8.1 (world_hostile.go).
//
// # Helpers for tests
//
// ActAs returns an Actor that likes, comments, follows, posts and sends
// direct messages (SendDM, SendMessage, ReadConversation) as another agent.
// Notifications, ConversationID, Messages and CountMessages read the
// server's state without HTTP, for instance to assert that a message sent
// by a client is on the server exactly once. Events lists everything that
// happened; Pulse makes one living-world step happen now. Jobs returns an
// agent's generation jobs (advanced to the server clock), Media the bytes
// of stored media, and ConnectService connects a provider key without
// HTTP.
package sandbox
