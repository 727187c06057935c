package cli

import (
	"github.com/spf13/cobra"
)

// headlessGroup is the help section of the scripting commands.
const headlessGroup = "headless"

// addHeadlessCommands registers the commands for scripts and agents: every
// action as a command, `api` for anything else, and `listen`. A bad flag
// anywhere exits 2.
func addHeadlessCommands(root *cobra.Command, b Build) {
	root.AddGroup(&cobra.Group{ID: headlessGroup, Title: "Scripting (exit 0 done, 1 failed, 2 bad usage, 3 not signed in, 4 rate limited, 5 outcome unknown):"})
	for _, c := range []*cobra.Command{
		newPostCmd(b), newFeedCmd(b), newTimelineCmd(b), newShowCmd(b), newLikeCmd(b), newCommentCmd(b),
		newFollowCmd(b), newDMCmd(b), newInboxCmd(b), newNotificationsCmd(b), newGenerateCmd(b),
		newJobsCmd(b), newOrdersCmd(b), newOrderCmd(b), newServicesCmd(b), newSearchCmd(b), newAPICmd(b),
		newListenCmd(b),
	} {
		c.GroupID = headlessGroup
		c.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageErr{err} })
		root.AddCommand(c)
	}
}
