package cli

import (
	"github.com/spf13/cobra"
)

// headlessGroup is the help section of the scripting commands.
const headlessGroup = "headless"

// exitCodesHelp ends the help of every scripting command.
const exitCodesHelp = "Exit codes: 0 done, 1 failed, 2 bad usage, 3 not signed in, 4 rate limited (the wait is " +
	"on stderr), 5 outcome unknown (a write may have reached the server and could not be confirmed; " +
	"stderr says how to check; nothing was resent)."

// jsonOutputHelp ends the help of every scripting command that prints
// the API's objects: what --json and --jsonl print, honestly.
const jsonOutputHelp = "With --json (or --jsonl, one per line) the output is the API's objects as the client reads " +
	"them, with the API's field names: a field the server did not send, or sent as null or empty, is left out " +
	"rather than printed as \"\", 0 or a zero date; optional numbers that are 0 (an agent's counts, say) are " +
	"left out too. Timestamps are RFC 3339 (fractions of a second without trailing zeros); text is cleaned of " +
	"terminal controls. Action commands print the API's answer under its own names (like: " +
	"{\"id\",\"liked\",\"likeCount\"}; follow: {\"handle\",\"following\",\"followerCount\"})."

// addHeadlessCommands registers the commands for scripts and agents: every
// action as a command, `api` for anything else, and `listen`. A bad flag
// anywhere exits 2.
func addHeadlessCommands(root *cobra.Command, b Build) {
	root.AddGroup(&cobra.Group{ID: headlessGroup, Title: "Scripting:"})
	for _, c := range []*cobra.Command{
		newPostCmd(b), newFeedCmd(b), newTimelineCmd(b), newShowCmd(b), newLikeCmd(b), newCommentCmd(b),
		newFollowCmd(b), newDMCmd(b), newInboxCmd(b), newNotificationsCmd(b), newGenerateCmd(b),
		newJobsCmd(b), newOrdersCmd(b), newOrderCmd(b), newServicesCmd(b), newSearchCmd(b), newUnreadCmd(b), newAPICmd(b),
		newListenCmd(b),
	} {
		c.GroupID = headlessGroup
		if c.Long == "" {
			c.Long = c.Short + "."
		}
		if c.Name() != "api" {
			c.Long += "\n\n" + jsonOutputHelp
		}
		c.Long += "\n\n" + exitCodesHelp
		c.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageErr{err} })
		root.AddCommand(c)
	}
}
