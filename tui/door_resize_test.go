package tui

import (
	"context"
	"io"
	"log/slog"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/ssh"
	"golang.org/x/time/rate"
)

// sizeModel reports every window size it is given.
type sizeModel struct{ sizes chan<- tea.WindowSizeMsg }

func (m sizeModel) Init() tea.Cmd { return nil }
func (m sizeModel) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if s, ok := msg.(tea.WindowSizeMsg); ok && s.Height == 7 {
		m.sizes <- s
	}
	return m, nil
}
func (m sizeModel) View() tea.View { return tea.NewView("") }

// A window dragged through many sizes faster than the program takes them ends at the last
// size, with the sizes it was given in the order they came; once they are delivered no
// sender is left waiting.
func TestWindowChangesEndAtTheLastSize(t *testing.T) {
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	sizes := make(chan tea.WindowSizeMsg, 1024)
	p := tea.NewProgram(sizeModel{sizes}, tea.WithInput(nil), tea.WithOutput(io.Discard), tea.WithoutRenderer(),
		tea.WithoutSignalHandler(), tea.WithContext(ctx))
	go func() { _, _ = p.Run() }()
	windows := make(chan ssh.Window)
	done := make(chan struct{})
	go func() {
		defer close(done)
		forwardWindows(ctx, cancel, p, windows, rate.NewLimiter(rate.Inf, 1), slog.New(slog.DiscardHandler))
	}()
	const last = 500
	for w := 1; w <= last; w++ {
		windows <- ssh.Window{Width: w, Height: 7}
	}
	prev := 0
	bound := time.After(30 * time.Second) // only bounds a failure
	for prev != last {
		select {
		case s := <-sizes:
			if s.Width <= prev {
				t.Fatalf("width %d after %d: sizes out of order", s.Width, prev)
			}
			prev = s.Width
		case <-bound:
			t.Fatalf("the program's last size is %d wide, want %d", prev, last)
		}
	}
	close(windows) // the session's channel closed: forwardWindows ends the session
	<-done
	if ctx.Err() == nil {
		t.Fatal("the session goes on after its window channel closed")
	}
}
