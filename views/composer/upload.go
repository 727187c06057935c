package composer

import (
	"context"
	"errors"
	"io"
	"os"
	"sync/atomic"
	"time"

	tea "charm.land/bubbletea/v2"

	"imagine/api"
)

// Upload pacing defaults.
const (
	// DefaultProgressEvery is the shortest gap between two progress
	// messages of one upload: enough for a smooth bar, few enough frames.
	DefaultProgressEvery = 100 * time.Millisecond
	// DefaultProcessingPoll is how often a processing video is checked.
	DefaultProcessingPoll = 3 * time.Second
	// maxProcessingPolls bounds the checks (about five minutes); after
	// that the post is tried anyway and the server has the last word.
	maxProcessingPolls = 100
	// libraryPage is how many uploads one page of the picker asks for.
	libraryPage = 50
)

// Uploader is what the composer needs to attach media
// (*api.UploadsService): upload images and videos with progress, and list
// the operator's uploads.
type Uploader interface {
	Image(ctx context.Context, name string, r io.Reader, size int64, progress func(sent, total int64)) (*api.Media, error)
	Video(ctx context.Context, name string, r io.Reader, size int64, progress func(sent, total int64)) (*api.Media, error)
	List(ctx context.Context, opts *api.MediaListOptions) (*api.Page[api.Media], error)
}

var _ Uploader = (*api.UploadsService)(nil)

// errNoUploads answers the attach keys when no Uploader was given.
var errNoUploads = errors.New("attachments are not available in this session")

// progressFeed carries an upload's progress from the HTTP body writer to
// the UI without a message per write: the callback stores the latest
// counts and raises a signal; a Cmd waits for the signal and reports the
// counts then. Nothing ticks while no upload runs.
type progressFeed struct {
	sent, total atomic.Int64
	signal      chan struct{} // capacity 1: a pending "something changed"
	done        chan struct{} // closed when the upload returned
}

func newProgressFeed() *progressFeed {
	return &progressFeed{signal: make(chan struct{}, 1), done: make(chan struct{})}
}

// report is the upload's progress callback.
func (f *progressFeed) report(sent, total int64) {
	f.sent.Store(sent)
	f.total.Store(total)
	select {
	case f.signal <- struct{}{}:
	default:
	}
}

// next waits for new progress, then at least every, and returns the
// latest counts; ok is false once the upload has returned.
func (f *progressFeed) next(every time.Duration) (sent, total int64, ok bool) {
	select {
	case <-f.signal:
	case <-f.done:
		return 0, 0, false
	}
	if every > 0 {
		t := time.NewTimer(every)
		select {
		case <-t.C:
		case <-f.done:
			t.Stop()
			return 0, 0, false
		}
	}
	return f.sent.Load(), f.total.Load(), true
}

// uploadRef names one upload attempt of one attachment of one draft.
type uploadRef struct {
	id, key  string
	att, gen int
}

// startUpload sends a's file in a Cmd, with a second Cmd relaying its
// progress.
func (m *Model) startUpload(key string, a *attachment) tea.Cmd {
	up := m.opts.Uploads
	if up == nil {
		a.state, a.err = attFailed, errNoUploads
		return nil
	}
	if a.cancel != nil {
		a.cancel()
	}
	ctx, cancel := context.WithCancel(m.opts.Context)
	a.gen++
	a.cancel = cancel
	a.state, a.sent, a.total, a.err, a.polls = attUploading, 0, a.size, nil, 0
	ref := uploadRef{id: m.opts.ID, key: key, att: a.id, gen: a.gen}
	feed := newProgressFeed()
	path, kind := a.path, a.kind
	run := func() tea.Msg {
		md, err := uploadFile(ctx, up, path, kind, feed.report)
		close(feed.done)
		return uploadDoneMsg{ref: ref, media: md, err: err}
	}
	return tea.Batch(run, m.waitProgress(ref, feed))
}

// waitProgress relays the next progress report of an upload.
func (m *Model) waitProgress(ref uploadRef, feed *progressFeed) tea.Cmd {
	every := m.opts.ProgressEvery
	return func() tea.Msg {
		sent, total, ok := feed.next(every)
		if !ok {
			return nil
		}
		return uploadProgressMsg{ref: ref, sent: sent, total: total, feed: feed}
	}
}

// uploadFile opens path and uploads it as kind. The size is taken again
// here, so a file that grew since it was checked is refused before sending.
func uploadFile(ctx context.Context, up Uploader, path, kind string, progress func(sent, total int64)) (*api.Media, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if err := checkSize(displayName(path), kind, st.Size()); err != nil {
		return nil, err
	}
	if kind == api.MediaTypeVideo {
		return up.Video(ctx, uploadName(path), f, st.Size(), progress)
	}
	return up.Image(ctx, uploadName(path), f, st.Size(), progress)
}

// attachmentFor finds the attachment a result is for, if that attempt is
// still the current one.
func (m *Model) attachmentFor(ref uploadRef) *attachment {
	if ref.id != m.opts.ID {
		return nil
	}
	a := m.atts[ref.key].byID(ref.att)
	if a == nil || a.gen != ref.gen {
		return nil
	}
	return a
}

// uploadProgress moves the bar and waits for the next report.
func (m *Model) uploadProgress(msg uploadProgressMsg) tea.Cmd {
	a := m.attachmentFor(msg.ref)
	if a == nil || a.state != attUploading {
		return nil
	}
	a.sent, a.total = msg.sent, msg.total
	return m.waitProgress(msg.ref, msg.feed)
}

// uploadDone records the media ID, or why the upload failed.
func (m *Model) uploadDone(msg uploadDoneMsg) tea.Cmd {
	a := m.attachmentFor(msg.ref)
	if a == nil {
		return nil
	}
	if a.cancel != nil {
		a.cancel()
		a.cancel = nil
	}
	switch {
	case msg.err != nil:
		a.state, a.err = attFailed, msg.err
	case msg.media == nil || msg.media.ID == "":
		a.state, a.err = attFailed, errors.New("the server returned no media ID")
	default:
		a.mediaID, a.url = msg.media.ID, msg.media.URL
		a.sent = a.total
		a.state = attReady
		if msg.media.Status == "processing" {
			a.state = attProcessing
		}
	}
	cmds := []tea.Cmd{m.saveMediaCmd(msg.ref.key)}
	if a.state == attProcessing {
		cmds = append(cmds, m.processingTick(msg.ref))
	}
	return tea.Batch(append(cmds, m.settled(msg.ref.key))...)
}

// processingTick schedules the next check of a processing video. It ticks
// only while a video is processing.
func (m *Model) processingTick(ref uploadRef) tea.Cmd {
	return tea.Tick(m.opts.ProcessingPoll, func(time.Time) tea.Msg { return processingDueMsg{ref: ref} })
}

// checkProcessing asks the uploads list for the video's status.
func (m *Model) checkProcessing(msg processingDueMsg) tea.Cmd {
	a := m.attachmentFor(msg.ref)
	if a == nil || a.state != attProcessing || m.opts.Uploads == nil {
		return nil
	}
	ctx, up, ref, id := m.opts.Context, m.opts.Uploads, msg.ref, a.mediaID
	return func() tea.Msg {
		page, err := up.List(ctx, &api.MediaListOptions{Type: api.MediaTypeVideo, ListOptions: api.ListOptions{Limit: 20}})
		out := processingMsg{ref: ref, err: err}
		if page != nil {
			for _, md := range page.Items {
				if md.ID == id {
					out.found, out.status = true, md.Status
				}
			}
		}
		return out
	}
}

// processed applies a status check: ready, failed, or check again later.
// A video missing from the newest uploads cannot be checked; it is taken
// as ready and the server decides when the post is sent.
func (m *Model) processed(msg processingMsg) tea.Cmd {
	a := m.attachmentFor(msg.ref)
	if a == nil || a.state != attProcessing {
		return nil
	}
	a.polls++
	switch {
	case msg.err == nil && msg.found && msg.status == "failed":
		a.state, a.err = attFailed, errors.New("the server could not process the video")
	case msg.err == nil && (!msg.found || msg.status != "processing"), a.polls >= maxProcessingPolls:
		a.state = attReady
	default:
		return m.processingTick(msg.ref)
	}
	return m.settled(msg.ref.key)
}
