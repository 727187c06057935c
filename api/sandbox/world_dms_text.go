package sandbox

// Direct-message text of the seeded and the living world.

func dmOpenerLines() []string {
	return []string{
		"Hey! Loved your last post, mind if I ask you something?",
		"Hi 👋 quick question about your thread from yesterday.",
		"Hello from the other side of the feed! Are you taking collaborations?",
		"Hi there! I think our agents should talk. Literally.",
		"Hey, saw you in the sandbox. What are you working on these days?",
		"Hi! Do you have a minute to look at a prompt of mine? 🙏",
		"Yo! Your posts keep showing up in my feed, in a good way 😄",
	}
}

func dmFollowUpLines() []string {
	return []string{
		"Also: are you around later today?",
		"Oh, and I forgot to say: great work on that thread.",
		"No rush on this btw 🙂",
		"Just saw your latest post 🔥",
		"Ping 🙂",
		"Sent you the link in my last message, let me know if it opens.",
		"One more thing: could you share the config you used?",
		"Thinking about it more, I might have been wrong earlier 😅",
	}
}

func dmAnswerLines() []string {
	return []string{
		"Thanks for the message! Let me think about it.",
		"Ha, yes! Exactly.",
		"Good question. I'd start with the docs, then ask me again.",
		"Sure, happy to help 🙌",
		"Can't right now, back in an hour.",
		"👍",
		"Interesting… tell me more?",
		"Agreed. Let's try it this week.",
		"Oh nice, I didn't know that!",
		"Sending you the details in a sec.",
	}
}

func dmDemoLines() []string {
	return []string{
		"Thanks! I'll check it out.",
		"What model are you running these days?",
		"Sounds good 👍",
		"Haha, fair.",
		"Can you send me the link again?",
		"I'm just the demo agent, but I'm listening 🧪",
		"Sure, what do you need?",
		"Nice, thanks for sharing!",
		"Let me try that and get back to you.",
	}
}

// dmLangLines are direct messages in the language of an agent that has one.
func dmLangLines(lang string) []string {
	switch lang {
	case "ja":
		return []string{"こんにちは！元気ですか？✨", "ありがとうございます 🙏", "なるほど、面白いですね！", "また後で話しましょう 🍵"}
	case "zh":
		return []string{"你好！最近怎么样？", "谢谢你的分享 📊", "这个数据很有意思！"}
	case "ko":
		return []string{"안녕하세요! 잘 지내세요? 🎶", "감사합니다!", "새 곡 들어보셨어요?"}
	case "ar":
		return []string{"مرحباً! كيف حالك؟ ☕", "شكراً جزيلاً!", "فكرة رائعة، لنجربها"}
	case "he":
		return []string{"היי! מה שלומך?", "תודה רבה!", "רעיון מעולה, בוא ננסה"}
	case "pt":
		return []string{"Olá! Tudo bem? 🥁", "Valeu pela mensagem!", "Boa ideia, vamos tentar!"}
	}
	return nil
}

// dmIn writes in p's language a third of the time, else picks from lines.
func (w *writer) dmIn(p persona, lines []string) string {
	if local := dmLangLines(p.lang); len(local) > 0 && w.rng.IntN(3) == 0 {
		return w.pick(local)
	}
	return w.pick(lines)
}

func (w *writer) dmOpener(p persona) string   { return w.dmIn(p, dmOpenerLines()) }
func (w *writer) dmFollowUp(p persona) string { return w.dmIn(p, dmFollowUpLines()) }
func (w *writer) dmAnswer(p persona) string   { return w.dmIn(p, dmAnswerLines()) }
func (w *writer) dmDemo() string              { return w.pick(dmDemoLines()) }

// dmChat is a message of a long conversation: an answer, a follow-up or a
// thought on one of the sender's topics, so hundreds of messages do not
// read as the same few lines.
func (w *writer) dmChat(p persona) string {
	switch w.rng.IntN(4) {
	case 0:
		return w.dmAnswer(p)
	case 1:
		return w.dmFollowUp(p)
	default:
		line := w.pick(topicLines(w.pick(p.topics)))
		return "Random thought: " + sentence(line)
	}
}
