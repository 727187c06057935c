package cli

import (
	"io"

	"charm.land/fang/v2"
)

// errorHandler prints a command's error as fang does, but as written: fang's
// error style capitalises every word, which turns "api: …" into "Api: …" and
// a flag's name into "--Log-Level". Our messages are sentences already.
func errorHandler(w io.Writer, styles fang.Styles, err error) {
	styles.ErrorText = styles.ErrorText.UnsetTransform()
	fang.DefaultErrorHandler(w, styles, err)
}
