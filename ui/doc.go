// Package ui is the one tea.Model of imagine: it owns the pane set and focus,
// key precedence, layout, the poll scheduler, the status line, help and
// confirmation dialogs. Panes live in views/<pane> and know nothing of ui.
//
// # Routing
//
//  1. tea.KeyPressMsg: an open dialog takes it; else the focused pane if it
//     CapturesInput (only ctrl+c escapes); else the global bindings (quit,
//     help, next/previous pane, 1-7, refresh); else the focused pane.
//  2. tea.WindowSizeMsg: layout(w, h) gives every pane, hidden ones too, its
//     size.
//  3. pollTickMsg{pane, gen}: dropped when gen is stale (the pane was
//     re-armed since); skipped while that pane's fetch is in flight;
//     otherwise the pane's Refresh Cmd runs, wrapped in fetchedMsg.
//  4. fetchedMsg: delivered to its pane only. If the inner message has
//     Err() error, the error is classified (rate limit, offline,
//     unauthorized, other) and the next tick is armed accordingly.
//  5. views.StatusMsg and views.ConfirmMsg are the panes' requests to the
//     root; everything else (action results, spinner ticks) is broadcast to
//     every pane: pane message types are unexported, so only the owner
//     reacts.
//
// # Polling
//
// One fetch in flight per pane; the next tick is armed only when the
// previous result has arrived, at the pane's PollInterval (which is shorter
// while the pane is focused), with ±10 % jitter. A manual refresh (r) fetches
// now and re-arms. Errors back off exponentially with full jitter up to five
// minutes; a 429 waits exactly as long as the server asked. When the
// terminal loses focus, intervals double.
//
// # Idle cost
//
// Nothing on screen changes by the passing of time alone: the status line
// shows "live" rather than a ticking clock, so an idle client writes no
// bytes to the terminal between polls that bring nothing new.
package ui
