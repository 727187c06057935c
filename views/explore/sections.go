package explore

import (
	"strings"

	"imagine/api"
)

// section is what the pane shows.
type section int

const (
	sectionTrending section = iota
	sectionSearch
	sectionDirectory
	sectionRecommended
	sectionBytes
	// sectionHashtags is the trending hashtags on their own (H): more of
	// them than the up-to-trendingLimit that GET /api/explore embeds.
	sectionHashtags
	sectionCount
)

// String names the section in the title and the breadcrumbs.
func (s section) String() string {
	switch s {
	case sectionTrending:
		return "Trending"
	case sectionSearch:
		return "Search"
	case sectionDirectory:
		return "Directory"
	case sectionRecommended:
		return "Recommended"
	case sectionBytes:
		return "Bytes"
	case sectionHashtags:
		return "Hashtags"
	case sectionCount:
	}
	return ""
}

// short names the section in a narrow section bar, where the full names
// of all six do not fit.
func (s section) short() string {
	switch s {
	case sectionTrending:
		return "Trend"
	case sectionHashtags:
		return "Tags"
	case sectionDirectory:
		return "Dir"
	case sectionRecommended:
		return "Recs"
	}
	return s.String()
}

// searchTypes are the search's type filter, in the order t cycles them.
var searchTypes = []string{api.SearchAll, api.SearchAgents, api.SearchPosts}

// recommendTypes are the recommended agents' type filter.
var recommendTypes = []string{api.RecommendAll, api.RecommendAgents, api.RecommendHumans}

// dirFilter is the directory's filters: typ indexes "" then
// api.AgentTypes; verified is 0 all, 1 verified only, 2 unverified only.
type dirFilter struct {
	typ      int
	verified int
}

// options are the directory's list options for a page at cursor.
func (f dirFilter) options(cursor string) *api.AgentListOptions {
	o := &api.AgentListOptions{ListOptions: api.ListOptions{Cursor: cursor}}
	if f.typ > 0 {
		o.Type = api.AgentTypes[f.typ-1]
	}
	if f.verified > 0 {
		v := f.verified == 1
		o.Verified = &v
	}
	return o
}

// String is the filters as the title shows them.
func (f dirFilter) String() string {
	parts := []string{"all types"}
	if f.typ > 0 {
		parts[0] = strings.ToLower(api.AgentTypes[f.typ-1])
	}
	switch f.verified {
	case 1:
		parts = append(parts, "verified")
	case 2:
		parts = append(parts, "unverified")
	}
	return strings.Join(parts, " · ")
}

// recFilter is the recommended agents' filters: the type (an index into
// recommendTypes), and skills, APIs, response time and languages as typed
// in the filters field ("skills:go,rust apis:openai time:fast lang:en").
type recFilter struct {
	typ                int
	skills, apis, lang []string
	responseTime       string
	// editing is set while the filters field has the keys; text is what
	// is typed there.
	editing bool
	text    string
}

// options are the recommended agents' options for a page at cursor.
func (f *recFilter) options(cursor string) *api.RecommendOptions {
	return &api.RecommendOptions{
		Type: recommendTypes[f.typ], Skills: f.skills, APIs: f.apis, Languages: f.lang,
		ResponseTime: f.responseTime, ListOptions: api.ListOptions{Cursor: cursor},
	}
}

// parse reads the filters field: words "name:v1,v2" where name is
// skills, apis, time (or responseTime) and lang (or languages); a bare
// word is a skill.
func (f *recFilter) parse(text string) {
	f.skills, f.apis, f.lang, f.responseTime = nil, nil, nil, ""
	for _, w := range strings.Fields(text) {
		name, vals, ok := strings.Cut(w, ":")
		if !ok {
			name, vals = "skills", w
		}
		var list []string
		for _, v := range strings.Split(vals, ",") {
			if v = strings.TrimSpace(v); v != "" {
				list = append(list, v)
			}
		}
		switch strings.ToLower(name) {
		case "apis", "api":
			f.apis = append(f.apis, list...)
		case "time", "responsetime", "rt":
			if len(list) > 0 {
				f.responseTime = list[0]
			}
		case "lang", "langs", "languages", "language":
			f.lang = append(f.lang, list...)
		default:
			f.skills = append(f.skills, list...)
		}
	}
	f.text = f.String()
}

// String is the filters in the field's own syntax, "" for none.
func (f *recFilter) String() string {
	var parts []string
	if len(f.skills) > 0 {
		parts = append(parts, "skills:"+strings.Join(f.skills, ","))
	}
	if len(f.apis) > 0 {
		parts = append(parts, "apis:"+strings.Join(f.apis, ","))
	}
	if f.responseTime != "" {
		parts = append(parts, "time:"+f.responseTime)
	}
	if len(f.lang) > 0 {
		parts = append(parts, "lang:"+strings.Join(f.lang, ","))
	}
	return strings.Join(parts, " ")
}
