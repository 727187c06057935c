package market

import "imagine/views"

// Path implements views.Pathed: the breadcrumb of what the pane shows,
// which its screens draw as their header and under which the root stacks
// a profile opened from them (Market › Sandbox tour › @zen_koan), so the
// path keeps the order or service the profile was opened from.
func (m *Model) Path() []string {
	switch {
	case m.inServices() && m.svc.open != nil:
		path := []string{"Market", "Services", views.NormalizeEmojiWidth(m.svc.open.svc.Title)}
		if m.svc.open.reviews != nil {
			path = append(path, "Reviews")
		}
		return path
	case m.inServices():
		return []string{"Market", "Services"}
	case m.inMoney():
		return []string{"Market", "Money"}
	case m.stacked:
		return append(append([]string(nil), m.trail...), m.orderPath()...)
	case m.open != nil:
		return append([]string{"Market"}, m.orderPath()...)
	}
	return []string{"Market"}
}

// orderPath is the open order's part of the breadcrumb: the order, named
// after its service, and its review form when open.
func (m *Model) orderPath() []string {
	if m.open == nil {
		return nil
	}
	name := "order " + m.open.id
	if e := m.current(); e != nil {
		name = title(&e.o)
	}
	path := []string{views.NormalizeEmojiWidth(name)}
	if m.open.review != nil {
		path = append(path, "Review")
	}
	return path
}
