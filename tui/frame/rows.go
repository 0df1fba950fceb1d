package frame

import (
	"sync"

	"github.com/charmbracelet/colorprofile"
)

// Rows remembers rows as converted to a colour profile, for all the writers of a server. After
// a move most screens show the same rows, and converting a row's colours (parsing every escape
// sequence in it) costs more than the rest of drawing it: each row is converted once for every
// screen. Safe for concurrent use; writers without one convert every row they draw.
type Rows struct {
	mu sync.Mutex
	m  map[rowKey]string
}

type rowKey struct {
	profile colorprofile.Profile
	row     string
}

// rowsSize bounds the rows kept; past it the cache starts again empty, which costs one
// conversion per row and keeps memory flat whatever the screens show.
const rowsSize = 8192

// NewRows returns an empty cache of converted rows.
func NewRows() *Rows { return &Rows{m: map[rowKey]string{}} }

func (r *Rows) get(p colorprofile.Profile, row string) (string, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	s, ok := r.m[rowKey{p, row}]
	return s, ok
}

func (r *Rows) put(p colorprofile.Profile, row, converted string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if len(r.m) >= rowsSize {
		clear(r.m)
	}
	r.m[rowKey{p, row}] = converted
}
