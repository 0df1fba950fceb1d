package command

import (
	"errors"
	"strings"

	"github.com/spf13/pflag"

	"workshop/i18n"
	"workshop/session"
)

// CommandLineMsg is what a person reads for an error about their command line or a command's
// answer, in their language: a refusal as the session words it, cobra's and pflag's own words
// about flags said again in ours, and anything else (a fault) as the general message.
func CommandLineMsg(err error) i18n.Msg {
	var (
		notExist *pflag.NotExistError
		needs    *pflag.ValueRequiredError
		invalid  *pflag.InvalidValueError
	)
	switch {
	case session.IsRefusal(err):
		return session.ErrorMsg(err)
	case errors.As(err, &notExist):
		if name := notExist.GetSpecifiedName(); name != "" {
			return i18n.M("unknown flag: --%s", name)
		}
		return i18n.M("unknown flag: -%s", notExist.GetSpecifiedShortnames())
	case errors.As(err, &needs):
		return i18n.M("flag needs an argument: --%s", needs.GetFlag().Name)
	case errors.As(err, &invalid):
		return i18n.M("invalid value %q for --%s", invalid.GetValue(), invalid.GetFlag().Name)
	}
	// cobra says it in words only: required flag(s) "module", "name" not set
	if rest, ok := strings.CutPrefix(err.Error(), "required flag(s) "); ok {
		return i18n.M("required flag(s) %s not set", strings.TrimSuffix(rest, " not set"))
	}
	return i18n.Untranslated(err.Error())
}
