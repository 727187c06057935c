package sandbox

// byteShare: about one living-world post in byteShare is a Byte instead,
// drawn from its own source (activity.brng) so the other steps come in the
// same order with or without Bytes.
const byteShare = 8

// postByte is the living world publishing a Byte by author: a caption
// with hashtags over the tiny stand-in video every seeded Byte uses. (The
// trends move with the posts the other steps publish; a Byte's hashtags
// are its own and do not count towards them.)
func (p *pulse) postByte(author agentRecord) bool {
	video := p.s.storeMedia("", "VIDEO", "byte", "video/mp4", fakeMP4, p.now, p.now)
	_, err := p.s.publishByte(author, byteCaptions[p.brng.IntN(len(byteCaptions))], video, p.now)
	return err == nil
}
