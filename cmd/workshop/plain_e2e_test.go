package main

import (
	"context"
	"fmt"
	"io"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"workshop/session"
	"workshop/session/work"
)

// plainClient is a participant in plain mode: a terminal that says it is dumb, read as the
// raw byte stream, which is what a screen reader gets.
type plainClient struct {
	t     *testing.T
	name  string
	sess  *gossh.Session
	stdin io.WriteCloser

	mu   sync.Mutex
	out  []byte
	mark int // where the output stood when the last line was sent
}

// dialPlain connects as user on a dumb terminal; env are KEY=value pairs the client sends
// before it asks for the shell, as a client's SendEnv does ("LANG=pt_BR.UTF-8").
func dialPlain(t *testing.T, addr, user string, key gossh.Signer, env ...string) *plainClient {
	t.Helper()
	conn, err := gossh.Dial("tcp", addr, sshConfig(user, key))
	if err != nil {
		t.Fatalf("dial %s: %v", addr, err)
	}
	sess, err := conn.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	for _, kv := range env {
		k, v, _ := strings.Cut(kv, "=")
		if err := sess.Setenv(k, v); err != nil {
			t.Fatalf("setenv %s: %v", k, err)
		}
	}
	if err := sess.RequestPty("dumb", 24, 80, gossh.TerminalModes{gossh.ECHO: 0}); err != nil {
		t.Fatal(err)
	}
	stdin, err := sess.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := sess.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := sess.Shell(); err != nil {
		t.Fatal(err)
	}
	c := &plainClient{t: t, name: user, sess: sess, stdin: stdin}
	go func() {
		buf := make([]byte, 8<<10)
		for {
			n, err := stdout.Read(buf)
			c.mu.Lock()
			c.out = append(c.out, buf[:n]...)
			c.mu.Unlock()
			if err != nil {
				return
			}
		}
	}()
	t.Cleanup(func() { _ = sess.Close(); _ = conn.Close() })
	return c
}

func (c *plainClient) stream() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return string(c.out)
}

// send types a line and enter; the next expect reads only what came after.
func (c *plainClient) send(line string) {
	c.t.Helper()
	c.mu.Lock()
	c.mark = len(c.out)
	c.mu.Unlock()
	if _, err := io.WriteString(c.stdin, line+"\r"); err != nil {
		c.t.Fatalf("%s: type %q: %v", c.name, line, err)
	}
}

// expect waits until the output since the last line sent holds every one of texts, and
// returns that output. It fails after a bounded time.
func (c *plainClient) expect(texts ...string) string {
	c.t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for {
		c.mu.Lock()
		s := string(c.out[c.mark:])
		c.mu.Unlock()
		missing := ""
		for _, want := range texts {
			if !strings.Contains(s, want) {
				missing = want
				break
			}
		}
		if missing == "" {
			return s
		}
		if time.Now().After(deadline) {
			c.t.Fatalf("%s: never read %q; since the last line it read:\n%s", c.name, missing, s)
		}
		time.Sleep(20 * time.Millisecond) // polling interval, not a wait for the server
	}
}

// do sends a line and waits for what it should answer.
func (c *plainClient) do(line string, texts ...string) string {
	c.t.Helper()
	c.send(line)
	return c.expect(texts...)
}

// cursorMoves finds what a plain stream must never hold: an escape sequence of any kind
// (cursor movement, erasing, the alternate screen, hidden cursor, colours, titles, queries).
var cursorMoves = regexp.MustCompile(`\x1b`)

func assertPlainStream(t *testing.T, c *plainClient) {
	t.Helper()
	s := c.stream()
	if loc := cursorMoves.FindStringIndex(s); loc != nil {
		from := max(loc[0]-60, 0)
		t.Fatalf("%s: the plain stream holds an escape sequence at byte %d: %q", c.name, loc[0], s[from:min(loc[1]+20, len(s))])
	}
	for _, seq := range []string{"\x1b[?1049h", "\x1b[?25l", "\x1b[H", "\x1b[2J", "\x1b[K"} {
		if strings.Contains(s, seq) {
			t.Fatalf("%s: the plain stream holds %q", c.name, seq)
		}
	}
}

func stepWork(t *testing.T, h *session.Hub, pid int64, stepID string) session.Artifact {
	t.Helper()
	a, found, err := h.Work(context.Background(), pid, stepID)
	if err != nil || !found {
		t.Fatalf("work on %s: found %v, %v", stepID, found, err)
	}
	return a
}

func boardOf(t *testing.T, h *session.Hub, pid int64, stepID string) any {
	t.Helper()
	v, _, err := h.Board(context.Background(), pid, stepID)
	if err != nil {
		t.Fatalf("board of %s: %v", stepID, err)
	}
	return v
}

func decodeWork(t *testing.T, h *session.Hub, a session.Artifact) any {
	t.Helper()
	ex := h.Module().Steps[h.Module().StepIndex(a.StepID)].Exercise
	v, err := work.Decode(ex, a.Schema, a.Data)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// A participant on a dumb terminal joins the warm-up and writes both reflections by typing
// lines, following the facilitator's moves; nothing in the stream moves a cursor.
func TestPlainWarmup(t *testing.T) {
	ts, facKey, _ := setup(t)
	out, errOut, rc := runCommand(t, ts.addr(), facKey, `cohort create --module warmup --name "Plain warm-up"`)
	if rc != 0 {
		t.Fatalf("cohort create: %d %s %s", rc, out, errOut)
	}
	code := lastLine(out)
	c := dialPlain(t, ts.addr(), code, nil)
	c.expect("plain mode", "What name")
	c.do("Rui", "Your personal rejoin code is", "Step 1 of 3", "Nothing to do on this step")
	c.do("next", "The facilitator opens the next steps")

	moveTo(t, ts, facKey, code, 2)
	c.expect("The group moved to step 2", "Step 2 of 3", "Write your answer")
	c.do("I renewed my passport online.", "Saved as a draft: 1 line")
	c.do("It took three visits.", "Saved as a draft: 2 lines")
	c.do(".", "Submitted")

	moveTo(t, ts, facKey, code, 3)
	c.expect("Step 3 of 3")
	c.do("We ask for the same papers twice.", "Saved as a draft")
	c.do("done", "Submitted")
	c.do("status", "Step 3 of 3", "You marked it done")

	h := hubOf(t, ts, code)
	snap := h.Snapshot()
	if len(snap.Roster) != 1 {
		t.Fatalf("roster: %+v", snap.Roster)
	}
	pid := snap.Roster[0].ID
	steps := h.Module().Steps
	a := stepWork(t, h, pid, steps[1].ID)
	if a.Status != session.StatusSubmitted || decodeWork(t, h, a).(*work.Reflection).Text != "I renewed my passport online.\nIt took three visits." {
		t.Errorf("step 2 stored %s %s", a.Status, a.Data)
	}
	if a := stepWork(t, h, pid, steps[2].ID); a.Status != session.StatusSubmitted {
		t.Errorf("step 3 stored %s %s", a.Status, a.Data)
	}
	assertPlainStream(t, c)
}

// A plain-mode participant does one step of every exercise kind — alone, on a team board and
// anonymously — by reading lines and typing commands, while live events arrive as lines. The
// work is stored as the full screen stores it, and shows there when they come back.
func TestPlainEveryExerciseKind(t *testing.T) {
	ts, facKey, _ := setup(t)
	code := exercisesCohort(t, ts, facKey)
	c := dialPlain(t, ts.addr(), code, nil)
	c.expect("What name")
	out := c.do("Lia", "Your personal rejoin code is", fmt.Sprintf("Step 1 of %d", exSteps))
	rejoin := rejoinRe.FindString(out)
	h := hubOf(t, ts, code)
	ctx := context.Background()
	fran := session.ShellActor("fran")
	if _, err := h.SplitTeams(ctx, fran, session.TeamPlan{Count: 1}); err != nil {
		t.Fatal(err)
	}
	c.expect("You are in Team 1 now.")
	pid := h.Snapshot().Roster[0].ID
	steps := h.Module().Steps
	go1 := func(n int, texts ...string) {
		t.Helper()
		moveTo(t, ts, facKey, code, n)
		c.expect(append([]string{fmt.Sprintf("Step %d of %d", n, exSteps)}, texts...)...)
	}

	// Live events, one line each.
	if err := h.Announce(ctx, fran, "Coffee at eleven"); err != nil {
		t.Fatal(err)
	}
	c.expect("Announcement from", "Coffee at eleven")

	go1(exReflect, "Write your answer")
	c.do("First line of my answer", "Saved as a draft: 1 line")
	c.do("Second line", "2 lines")
	c.do(".", "Submitted")

	go1(exIdeas, "Type an item")
	c.do("Shorter forms", "Added as item 1. 1 item on your list")
	c.do("Online booking", "Added as item 2")
	c.do("Fewer visits", "Added as item 3")
	c.do("edit 3 Fewer office visits", "Item 3 changed")
	c.do("list", "1. Shorter forms", "3. Fewer office visits")
	c.do("done", "Submitted")

	go1(exTeamIdeas, "your team board")
	c.do("A shared idea", "1 item on your team board")
	c.do("done", "Marked done")

	go1(5, "anonymous board")
	c.do("A quiet worry", "without your name")
	c.do("list", "1. A quiet worry (you)")

	go1(exVote, "You have")
	c.do("dot 1", "Item 1 has 1 of your dots")
	c.do("dot 2", "Item 2 has 1 of your dots")
	c.do("done", "Submitted")
	if err := h.RevealVote(ctx, fran, steps[exVote-1].ID); err != nil {
		t.Fatal(err)
	}
	c.expect("The vote result is out", "Shorter forms: 1 dot")

	go1(7, "You have")
	c.do("dot 1", "Item 1 has 1 of your dots")

	go1(exPlace, "Place each item")
	c.do("place 2 at 4 1", "Item 2 placed at 4 across, 1 up")
	c.do("place 1 at 9 9", "Item 1 placed at 9 across, 9 up")
	c.do("done", "Submitted")

	go1(9, "Place each item")
	c.do("place 1 at 2 8", "Item 1 placed at 2 across, 8 up")

	go1(10, "Fill the journey")
	c.do("set 1 2 Fills in the form", "User actions, Apply: Fills in the form")
	c.do("stage Appeal", "Stage 6 added: Appeal")
	c.do("set 5 6 Nobody answers", "Pain points, Appeal: Nobody answers")
	c.do("done", "Submitted")

	go1(11, "Fill the table", "Columns: 1 Service")
	c.do("row Passport; 1200; online; high", "Row 1 added", "Row 1: Service Passport; Monthly requests 1200; Channel Online; Redesign potential High")
	c.do("set 1 2 many", "not a number")
	c.do("row", "Row 2 added")
	c.do("set 2 1 Parking permit", "Row 2, Service: Parking permit")
	c.do("done", "Submitted")

	go1(12, "Rate each statement")
	c.do("rate 1 4", "Statement 1: 4")
	c.do("2 5", "Statement 2: 5")
	c.do("done", "Submitted")

	go1(13, "Tick the items")
	c.do("tick 1", "Ticked 1: Staff trained")
	c.do("note 2 Next Monday", "Note saved for item 2")
	c.do("done", "Submitted")

	go1(14, "Question 1: Who should test a prototype?")
	c.do("answer 1 1", "Correct.", "they find what the team cannot see")
	c.do("answer 2 2", "Not quite.", "Length alone")
	c.do("done", "Submitted")

	// The timer's start arrives as a line; the step lock as another.
	if err := h.StartTimer(ctx, fran, 5*time.Minute); err != nil {
		t.Fatal(err)
	}
	c.expect("Timer: 5 minutes left.")
	if err := h.Lock(ctx, fran, steps[13].ID); err != nil {
		t.Fatal(err)
	}
	c.expect("This step is locked")
	c.do("answer 1 2", "locked")
	c.do("hand I need help with the table", "Your hand is raised")

	// What was stored is what the full screen stores.
	own := func(i int) any { return decodeWork(t, h, stepWork(t, h, pid, steps[i-1].ID)) }
	if got := own(exReflect).(*work.Reflection).Text; got != "First line of my answer\nSecond line" {
		t.Errorf("reflection %q", got)
	}
	if l := own(exIdeas).(*work.List); len(l.Items) != 3 || l.Items[2].Text != "Fewer office visits" {
		t.Errorf("list %+v", l.Items)
	}
	if b := boardOf(t, h, pid, steps[exTeamIdeas-1].ID).(*work.List); len(b.Items) != 1 || b.Items[0].By != pid {
		t.Errorf("team board %+v", b.Items)
	}
	if b := boardOf(t, h, pid, steps[4].ID).(*work.List); len(b.Items) != 1 || b.Items[0].By != 0 {
		t.Errorf("anonymous board %+v", b.Items)
	}
	if v := own(exVote).(*work.Vote); v.Spent() != 2 {
		t.Errorf("vote %+v", v.Dots)
	}
	if m := own(exPlace).(*work.Matrix); len(m.Places) != 2 {
		t.Errorf("matrix %+v", m.Places)
	}
	if b := boardOf(t, h, pid, steps[8].ID).(*work.Matrix); len(b.Places) != 1 {
		t.Errorf("team matrix %+v", b.Places)
	}
	if j := own(10).(*work.Journey); j.Cells[0][1] != "Fills in the form" || len(j.Stages) != 6 || j.Cells[4][5] != "Nobody answers" {
		t.Errorf("journey %+v", j)
	}
	if tb := own(11).(*work.Table); len(tb.Rows) != 2 || tb.Rows[0][2] != "Online" || tb.Rows[1][0] != "Parking permit" {
		t.Errorf("table %+v", tb.Rows)
	}
	if s := own(12).(*work.Scale); s.Ratings[0] != 4 || s.Ratings[1] != 5 {
		t.Errorf("scale %+v", s.Ratings)
	}
	if cl := own(13).(*work.Checklist); !cl.Ticks[0] || cl.Notes[1] != "Next Monday" {
		t.Errorf("checklist %+v", cl)
	}
	if q := own(14).(*work.Quiz); q.Answers[0] != 0 || q.Answers[1] != 1 {
		t.Errorf("quiz %+v", q.Answers)
	}
	if a := stepWork(t, h, pid, steps[13].ID); a.Status != session.StatusSubmitted {
		t.Errorf("quiz status %s", a.Status)
	}
	assertPlainStream(t, c)

	// Coming back with the rejoin code from a terminal that could show the full screen, the
	// participant gets plain mode again: the choice was remembered. "full" switches this
	// connection to the full screen, where the same work shows.
	_ = c.sess.Close()
	back := dialTerm(t, ts.addr(), "", nil, 100, 30)
	back.waitFor("Join a workshop", "Type plain and press enter")
	back.typeText(rejoin + keyEnter)
	back.waitFor("Welcome, Lia", "Step 14 of 14: Quick check.", "(your answer)")
	back.typeText("full" + keyEnter)
	back.waitFor("Step 14 of 14 — Quick check", "(•) People who will use the service  ✓ right", "(•) When it has many fields  ✗ not quite", "Hand raised")
	if plain, err := ts.srv.manager.WantsPlain(ctx, pid); err != nil || plain {
		t.Errorf("after full: plain mode still chosen (%v, %v)", plain, err)
	}
}
