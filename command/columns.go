package command

import (
	"io"
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// WriteColumns writes a header and rows as columns aligned by display width, two spaces
// apart, for command output read in a terminal. A name in CJK or with emoji takes the cells it
// shows in (text/tabwriter counts code points, so such names pushed their rows out of line);
// cells are cleaned to one line first. The last column is not padded.
func WriteColumns(w io.Writer, header []string, rows [][]string) error {
	all := append([][]string{header}, rows...)
	widths := make([]int, len(header))
	for _, r := range all {
		for i, c := range r {
			if i < len(widths) {
				r[i] = strings.Join(strings.Fields(c), " ")
				widths[i] = max(widths[i], ansi.StringWidth(r[i]))
			}
		}
	}
	var b strings.Builder
	for _, r := range all {
		for i, c := range r {
			if i >= len(widths) {
				break
			}
			b.WriteString(c)
			if i < len(r)-1 && i < len(widths)-1 {
				b.WriteString(strings.Repeat(" ", widths[i]-ansi.StringWidth(c)+2))
			}
		}
		b.WriteByte('\n')
	}
	_, err := io.WriteString(w, b.String())
	return err
}
