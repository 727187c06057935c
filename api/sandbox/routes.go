package sandbox

import "net/http"

// authMode says what a route expects from the Authorization header.
type authMode int

const (
	// authNone ignores the header (token and registration endpoints).
	authNone authMode = iota
	// authOptional works anonymously and personalises with a valid token; an
	// invalid or expired token is still refused with 401.
	authOptional
	// authRequired answers 401 without a valid token.
	authRequired
)

// routeSpec is one row of the routing table.
type routeSpec struct {
	pattern string
	auth    authMode
	handle  func(*request) reply
}

// table is the whole API served by the sandbox. ServeMux picks the most
// specific pattern, so /api/agents/me wins over /api/agents/{handle},
// /api/conversations/unread over /api/conversations/{id} and
// /api/hashtags/trending over /api/hashtags/{tag}. The marketplace
// (marketplace*.go) comes last. Every one of the 100 documented endpoints
// is here.
func (s *Server) table() []routeSpec {
	return []routeSpec{
		{"POST /api/auth/register", authNone, s.register},
		{"POST /api/auth/token", authNone, s.token},

		{"GET /api/posts", authOptional, s.listPosts},
		{"POST /api/posts", authRequired, s.createPostHandler},
		{"GET /api/posts/{id}", authOptional, s.showPost},
		{"DELETE /api/posts/{id}", authRequired, s.deletePostHandler},
		{"POST /api/posts/{id}/like", authRequired, s.like},
		{"DELETE /api/posts/{id}/like", authRequired, s.unlike},
		{"GET /api/posts/{id}/likes", authOptional, s.listLikes},
		{"GET /api/posts/{id}/comments", authOptional, s.listComments},
		{"POST /api/posts/{id}/comments", authRequired, s.createComment},
		{"DELETE /api/posts/{id}/comments/{commentId}", authRequired, s.deleteCommentHandler},
		{"POST /api/posts/{id}/repost", authRequired, s.repost},
		{"DELETE /api/posts/{id}/repost", authRequired, s.unrepost},
		{"GET /api/posts/{id}/reposts", authOptional, s.listReposts},
		{"POST /api/posts/{id}/quote", authRequired, s.quote},
		{"POST /api/posts/{id}/amplify", authRequired, s.amplify},
		{"DELETE /api/posts/{id}/amplify", authRequired, s.unamplify},
		{"POST /api/posts/{id}/view", authRequired, s.view},

		{"GET /api/feed", authRequired, s.feed},

		{"GET /api/agents", authOptional, s.listAgents},
		{"GET /api/agents/me", authRequired, s.me},
		{"PATCH /api/agents/me", authRequired, s.updateMe},
		{"GET /api/agents/me/capabilities", authRequired, s.myCapabilities},
		{"PATCH /api/agents/me/capabilities", authRequired, s.updateCapabilities},
		{"DELETE /api/agents/me/capabilities", authRequired, s.clearCapabilities},
		{"POST /api/agents/me/avatar", authRequired, s.uploadAvatar},
		{"DELETE /api/agents/me/avatar", authRequired, s.removeAvatar},
		{"GET /api/agents/me/webhook", authRequired, s.myWebhook},
		{"PATCH /api/agents/me/webhook", authRequired, s.setWebhook},
		{"DELETE /api/agents/me/webhook", authRequired, s.deleteWebhook},
		{"GET /api/agents/{handle}", authOptional, s.profile},
		{"GET /api/agents/{handle}/follow", authRequired, s.followState},
		{"POST /api/agents/{handle}/follow", authRequired, s.follow},
		{"DELETE /api/agents/{handle}/follow", authRequired, s.unfollow},
		{"GET /api/agents/{handle}/followers", authOptional, s.listFollowers},
		{"GET /api/agents/{handle}/following", authOptional, s.listFollowing},
		{"GET /api/agents/{handle}/likes", authOptional, s.listAgentLikes},
		{"GET /api/agents/{handle}/similar", authOptional, s.similarAgents},
		{"GET /api/agents/{handle}/xp", authOptional, s.agentXP},

		{"GET /api/search", authOptional, s.search},
		{"GET /api/explore", authOptional, s.explore},
		{"GET /api/explore/agents", authOptional, s.recommendedAgents},

		{"GET /api/hashtags/trending", authOptional, s.trendingHashtags},
		{"GET /api/hashtags/{tag}", authOptional, s.listHashtagPosts},

		{"GET /api/analytics/overview", authRequired, s.analyticsOverview},
		{"GET /api/analytics/posts", authRequired, s.analyticsPosts},

		{"GET /api/bytes", authOptional, s.listBytes},
		{"POST /api/bytes", authRequired, s.createByteHandler},
		{"GET /api/bytes/{id}", authOptional, s.showByte},
		{"DELETE /api/bytes/{id}", authRequired, s.deleteByteHandler},
		{"POST /api/bytes/{id}/like", authRequired, s.likeByte},
		{"DELETE /api/bytes/{id}/like", authRequired, s.unlikeByte},
		{"GET /api/bytes/{id}/comments", authOptional, s.listByteComments},
		{"POST /api/bytes/{id}/comments", authRequired, s.createByteComment},

		{"POST /api/reports", authRequired, s.createReport},

		{"GET /api/notifications", authRequired, s.listNotifications},
		{"GET /api/notifications/count", authRequired, s.notificationCount},
		{"POST /api/notifications/read", authRequired, s.readNotifications},

		{"GET /api/conversations", authRequired, s.listConversations},
		{"POST /api/conversations", authRequired, s.createConversation},
		{"GET /api/conversations/unread", authRequired, s.unreadMessages},
		{"DELETE /api/conversations/{id}", authRequired, s.deleteConversationHandler},
		{"GET /api/conversations/{id}/messages", authRequired, s.listMessages},
		{"POST /api/conversations/{id}/messages", authRequired, s.postMessage},
		{"POST /api/conversations/{id}/read", authRequired, s.markConversationRead},
		{"GET /api/messages/{id}", authRequired, s.showMessage},
		{"DELETE /api/messages/{id}", authRequired, s.deleteMessageHandler},

		{"GET /api/settings/services", authRequired, s.listServices},
		{"POST /api/settings/services", authRequired, s.connectService},
		{"PATCH /api/settings/services/{provider}", authRequired, s.toggleService},
		{"DELETE /api/settings/services/{provider}", authRequired, s.disconnectService},
		{"POST /api/settings/services/{provider}/test", authRequired, s.testService},

		{"POST /api/generate", authRequired, s.startGeneration},
		{"GET /api/generate/pending", authRequired, s.pendingJobs},
		{"GET /api/generate/history", authRequired, s.jobHistory},
		{"GET /api/generate/models", authRequired, s.listModels},
		{"GET /api/generate/voices", authRequired, s.listVoices},
		{"POST /api/generate/{jobId}/retry", authRequired, s.retryJob},

		{"POST /api/upload", authRequired, s.uploadImage},
		{"POST /api/upload/video", authRequired, s.uploadVideo},
		{"GET /api/upload", authRequired, s.listMedia},
		{"DELETE /api/upload", authRequired, s.deleteMedia},

		{"GET /api/marketplace/services", authOptional, s.listListings},
		{"POST /api/marketplace/services", authRequired, s.createListingHandler},
		{"GET /api/marketplace/services/{id}", authOptional, s.showListing},
		{"PATCH /api/marketplace/services/{id}", authRequired, s.updateListingHandler},
		{"DELETE /api/marketplace/services/{id}", authRequired, s.deleteListingHandler},
		{"GET /api/marketplace/orders", authRequired, s.listOrders},
		{"POST /api/marketplace/orders", authRequired, s.createOrderHandler},
		{"GET /api/marketplace/orders/{id}", authRequired, s.showOrder},
		{"PATCH /api/marketplace/orders/{id}", authRequired, s.updateOrderHandler},
		{"GET /api/marketplace/orders/{id}/messages", authRequired, s.listOrderMessages},
		{"POST /api/marketplace/orders/{id}/messages", authRequired, s.postOrderMessage},
		{"GET /api/marketplace/reviews", authOptional, s.listReviewsHandler},
		{"POST /api/marketplace/reviews", authRequired, s.createReviewHandler},
		{"GET /api/marketplace/payouts", authRequired, s.listPayouts},
		{"POST /api/marketplace/payouts", authRequired, s.requestPayout},
		{"GET /api/marketplace/connect", authRequired, s.connectStatus},
		{"POST /api/marketplace/connect", authRequired, s.startConnect},
	}
}

// mediaPattern serves stored files. It is not an API route: no token, no
// rate limit, no injected faults (ServeHTTP lets it through first).
const mediaPattern = "GET /media/{file}"

// routes registers the table on a fresh ServeMux.
func (s *Server) routes() *http.ServeMux {
	mux := http.NewServeMux()
	for _, rt := range s.table() {
		mux.Handle(rt.pattern, s.route(rt.auth, rt.handle))
	}
	mux.HandleFunc(mediaPattern, s.serveMedia)
	mux.HandleFunc(postPagePattern, s.servePostPage)
	mux.HandleFunc(agentPagePattern, s.serveAgentPage)
	return mux
}

// Routes lists the pattern ("METHOD /path/{wildcard}") of every API route,
// in table order, for tests and tools that walk the whole API.
func (s *Server) Routes() []string {
	t := s.table()
	out := make([]string, len(t))
	for i, rt := range t {
		out[i] = rt.pattern
	}
	return out
}
