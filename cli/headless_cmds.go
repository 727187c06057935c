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
		c.Long += "\n\n" + exitCodesHelp
		c.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageErr{err} })
		root.AddCommand(c)
	}
}
