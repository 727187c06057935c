package jobs

import (
	"errors"
	"strings"

	"imagine/api"
)

// Field checks of the generation form. They run in huh's per-field
// Validate, before anything is sent, with the client's own local checks
// (api.ValidateGenerate), so the form says exactly what Start would.

// checkPrompt checks the prompt: not blank, at most api.MaxPromptRunes.
func checkPrompt(s string) error {
	return fieldProblem(api.ValidateGenerate(&api.GenerateRequest{
		Provider: api.ProviderOpenAI, GenerationType: api.GenImage, Prompt: s,
	}))
}

// checkPostText checks the optional post text: at most
// api.MaxGeneratedPostRunes.
func checkPostText(s string) error {
	return fieldProblem(api.ValidateGenerate(&api.GenerateRequest{
		Provider: api.ProviderOpenAI, GenerationType: api.GenImage, Prompt: "x", Content: s,
	}))
}

// fieldProblem turns a validation error into the words a form shows.
func fieldProblem(err error) error {
	if err == nil {
		return nil
	}
	return errors.New(problemText(err))
}

// problemText says which field is wrong and why, in the form's words:
// "prompt is 1001 characters, the limit is 1000", "post text is 501
// characters, the limit is 500".
func problemText(err error) string {
	var fe *api.FieldError
	if errors.As(err, &fe) {
		label := fieldLabel(fe.Field)
		if strings.HasPrefix(fe.Message, "is ") {
			return label + " " + fe.Message
		}
		return label + ": " + fe.Message
	}
	msg := err.Error()
	if errors.Is(err, api.ErrValidation) {
		msg = strings.TrimPrefix(msg, api.ErrValidation.Error()+": ")
	}
	return msg
}

// fieldLabel names an API field the way the form does.
func fieldLabel(field string) string {
	switch field {
	case "content":
		return "post text"
	case "generationType":
		return "type"
	}
	return field
}
