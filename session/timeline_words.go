package session

import "workshop/i18n"

// ActionMsg names a facilitation timeline action for people, in any language: the timeline
// stores the code ("step", "lock", "teams"…), a report or a log view shows the word. A code
// it does not know is shown as stored.
func ActionMsg(action string) i18n.Msg {
	switch action {
	case "create":
		return i18n.M("action|created")
	case "step":
		return i18n.M("action|step")
	case "lock":
		return i18n.M("action|lock")
	case "unlock":
		return i18n.M("action|unlock")
	case "pace":
		return i18n.M("action|pace")
	case "announce":
		return i18n.M("action|announcement")
	case "hand":
		return i18n.M("action|hand")
	case "archive":
		return i18n.M("action|archive")
	case "timer":
		return i18n.M("action|timer")
	case "spotlight":
		return i18n.M("action|spotlight")
	case "vote":
		return i18n.M("action|vote")
	case "teams":
		return i18n.M("action|teams")
	case "people":
		return i18n.M("action|people")
	case "merge-older-work":
		return i18n.M("action|older work merged")
	case "message":
		return i18n.M("action|message")
	case "meeting":
		return i18n.M("action|meeting")
	}
	return i18n.Verbatim(action)
}
