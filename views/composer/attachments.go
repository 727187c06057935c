package composer

import (
	"context"
	"fmt"

	"imagine/api"
)

// attState is where an attachment is on its way to a post.
type attState int

const (
	// attUploading: the file is being sent.
	attUploading attState = iota
	// attProcessing: a video was uploaded and the server is processing it.
	attProcessing
	// attReady: the media ID can go into the post.
	attReady
	// attFailed: the upload failed; err says why. Retry or remove it.
	attFailed
	// attPaused: restored from a draft without a media ID; it uploads
	// only when the operator asks (retry), since the file may have changed.
	attPaused
)

// attachment is one file or uploaded media item in the composer.
type attachment struct {
	id    int    // local serial, stable while the composer lives
	path  string // the local file; "" when picked from the uploads
	name  string // cleaned display name
	kind  string // api.MediaTypeImage or api.MediaTypeVideo
	ctype string
	size  int64

	state       attState
	sent, total int64
	err         error
	gen         int // bumped on every upload attempt; drops stale results
	cancel      context.CancelFunc
	polls       int // processing checks so far

	mediaID string
	url     string
}

// progress is the share of the upload sent, 0…1.
func (a *attachment) progress() float64 {
	if a.total <= 0 {
		return 0
	}
	return min(float64(a.sent)/float64(a.total), 1)
}

// percent is the share sent in whole percent, rounded, but 100 only once
// every byte is out.
func (a *attachment) percent() int {
	p := int(a.progress()*100 + 0.5)
	if p >= 100 && a.sent < a.total {
		return 99
	}
	return p
}

// attachSet is the attachments of one draft, in the order they go into the
// post; sel is the one the attachment keys act on.
type attachSet struct {
	items []*attachment
	sel   int
}

// kind is the media type of the set, "" when empty.
func (s *attachSet) kind() string {
	if s == nil || len(s.items) == 0 {
		return ""
	}
	return s.items[0].kind
}

// canAdd explains why one more item of kind cannot join the set, or "".
// With files above zero the set takes that many of any kind (an order
// message's); else a post's rule holds: images or one video.
func (s *attachSet) canAdd(kind string, files int) string {
	have := s.kind()
	n := 0
	if s != nil {
		n = len(s.items)
	}
	switch {
	case files > 0 && n >= files:
		return fmt.Sprintf("a message takes at most %d attachments", files)
	case files > 0:
		return ""
	case have != "" && have != kind:
		return fmt.Sprintf("a post takes %d images or 1 video, not both", api.MaxImagesPerPost)
	case kind == api.MediaTypeVideo && n >= api.MaxVideosPerPost:
		return "a post takes only 1 video"
	case kind == api.MediaTypeImage && n >= api.MaxImagesPerPost:
		return fmt.Sprintf("a post takes at most %d images", api.MaxImagesPerPost)
	}
	return ""
}

// byID returns the attachment with local id, if it is still there.
func (s *attachSet) byID(id int) *attachment {
	if s == nil {
		return nil
	}
	for _, a := range s.items {
		if a.id == id {
			return a
		}
	}
	return nil
}

// has reports whether the set already holds path (a local file) or
// mediaID (an upload).
func (s *attachSet) has(path, mediaID string) bool {
	if s == nil {
		return false
	}
	for _, a := range s.items {
		if (path != "" && a.path == path) || (mediaID != "" && a.mediaID == mediaID) {
			return true
		}
	}
	return false
}

// remove drops the attachment with local id, cancelling its upload.
func (s *attachSet) remove(id int) *attachment {
	for i, a := range s.items {
		if a.id != id {
			continue
		}
		if a.cancel != nil {
			a.cancel()
		}
		s.items = append(s.items[:i], s.items[i+1:]...)
		s.sel = min(s.sel, max(len(s.items)-1, 0))
		return a
	}
	return nil
}

// selected is the attachment the keys act on, if any.
func (s *attachSet) selected() *attachment {
	if s == nil || len(s.items) == 0 {
		return nil
	}
	return s.items[min(max(s.sel, 0), len(s.items)-1)]
}

// count returns how many attachments are in each state.
func (s *attachSet) count() map[attState]int {
	out := map[attState]int{}
	if s == nil {
		return out
	}
	for _, a := range s.items {
		out[a.state]++
	}
	return out
}

// mediaIDs lists the ready media IDs in order.
func (s *attachSet) mediaIDs() []string {
	if s == nil {
		return nil
	}
	var ids []string
	for _, a := range s.items {
		if a.state == attReady {
			ids = append(ids, a.mediaID)
		}
	}
	return ids
}

// urls lists the addresses of the ready attachments in order.
func (s *attachSet) urls() []string {
	if s == nil {
		return nil
	}
	var out []string
	for _, a := range s.items {
		if a.state == attReady && a.url != "" {
			out = append(out, a.url)
		}
	}
	return out
}

// cancelAll stops every upload in flight (the draft is being dropped).
func (s *attachSet) cancelAll() {
	if s == nil {
		return
	}
	for _, a := range s.items {
		if a.cancel != nil {
			a.cancel()
		}
	}
}
