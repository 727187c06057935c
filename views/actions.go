package views

import "imagine/keymap"

// ActionScoper is implemented by a pane or a stacked screen whose keys
// are not the keymap group named after its pane: a Feed model stacked
// over Messages answers to the "feed" keys, not the "messages" ones. The
// root lists the actions of these scopes, and the global ones, in the
// palette and the help screen. Without it, a pane's scopes are the list
// keys and the group named after the pane (ui.PaneID.String()), so a new
// pane whose bindings are in such a group needs no code at all.
type ActionScoper interface {
	ActionScopes() []keymap.Scope
}

// ActionGate is implemented by a pane or screen that can tell why one of
// its actions cannot run now ("no post selected"). The palette lists such
// an action with the reason rather than hiding it, and does not run it.
// Without it the root can only tell an action that is not on the screen
// showing (its key is not in FullHelp); any other is run and the pane
// answers.
type ActionGate interface {
	// ActionDisabled returns why the action with this keymap ID cannot
	// run now, or "" when it can.
	ActionDisabled(id string) string
}
