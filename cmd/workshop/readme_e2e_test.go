package main

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"workshop/content"
	"workshop/internal/testenv"
	"workshop/session"
)

// Every SSH command the README shows works as printed: each line of its "Over SSH" block is
// split into words as a shell would, and the words after the host are joined with spaces, as
// ssh sends them, and run against the real server.
func TestReadmeSSHExamplesWorkAsPrinted(t *testing.T) {
	examples := readmeSSHExamples(t)
	if len(examples) < 10 {
		t.Fatalf("found %d examples in the README's Over SSH block", len(examples))
	}
	ts, facKey, dir := setup(t)
	code := ""
	for _, ex := range examples {
		words := shellWords(t, ex)
		if len(words) < 5 || strings.Join(words[:4], " ") != "ssh -p 2222 HOST" {
			t.Fatalf("README example %q does not start with ssh -p 2222 HOST", ex)
		}
		sent := strings.Join(words[4:], " ") // what ssh sends: the words, joined with spaces
		if strings.Contains(sent, "K7MQ2P") {
			if code == "" {
				t.Fatalf("%q comes before the README creates a cohort", ex)
			}
			sent = strings.ReplaceAll(sent, "K7MQ2P", code)
		}
		switch words[4] {
		case "teams":
			// Five teams need five people; they joined earlier (see below).
		case "vote":
			facRun(t, ts, facKey, "step "+code+" "+strconv.Itoa(firstVoteStep(t)+1))
		}
		var out, errOut string
		var rc int
		if strings.Contains(ex, " < ") {
			// The roster the import example reads: the people the person examples fix.
			out, errOut, rc = runCommandIn(t, ts.addr(), facKey, sent, "name,department\nAna Sousa,Health\nAna,Tax\nAna,Transport\n")
		} else {
			out, errOut, rc = runCommand(t, ts.addr(), facKey, sent)
		}
		if rc != 0 {
			t.Errorf("README example %q (sent as %q): exit %d\n%s%s", ex, sent, rc, out, errOut)
			continue
		}
		if words[4] == "cohort" && words[5] == "create" {
			if !strings.Contains(out, `Created cohort "Tuesday group"`) {
				t.Errorf("%q did not create a cohort named Tuesday group:\n%s", ex, out)
			}
			code = lastLine(out)
			joinPeople(t, dir, code, 5)
		}
	}
}

// readmeSSHExamples returns the command lines of the README's "Over SSH" block.
func readmeSSHExamples(t *testing.T) []string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	_, rest, ok := strings.Cut(string(b), "### Over SSH")
	if !ok {
		t.Fatal("the README has no Over SSH section")
	}
	_, rest, ok = strings.Cut(rest, "```sh\n")
	block, _, ok2 := strings.Cut(rest, "```")
	if !ok || !ok2 {
		t.Fatal("the README's Over SSH section has no sh block")
	}
	var out []string
	for _, l := range strings.Split(block, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// shellWords splits a command line as sh would for these examples: single and double quotes,
// backslashes, a comment from an unquoted #, and a > redirection (which the shell keeps
// for itself) dropped.
func shellWords(t *testing.T, line string) []string {
	t.Helper()
	var words []string
	var cur strings.Builder
	inWord, redirect := false, false
	end := func() {
		if inWord {
			if redirect {
				redirect = false // the redirection's file name
			} else {
				words = append(words, cur.String())
			}
		}
		cur.Reset()
		inWord = false
	}
	for i := 0; i < len(line); i++ {
		c := line[i]
		switch {
		case c == ' ' || c == '\t':
			end()
		case c == '#' && !inWord:
			end()
			return words
		case (c == '>' || c == '<') && !inWord:
			redirect = true
		case c == '\'':
			j := strings.IndexByte(line[i+1:], '\'')
			if j < 0 {
				t.Fatalf("unclosed ' in %q", line)
			}
			cur.WriteString(line[i+1 : i+1+j])
			i += j + 1
			inWord = true
		case c == '"':
			i++
			for ; i < len(line) && line[i] != '"'; i++ {
				if line[i] == '\\' && i+1 < len(line) {
					i++
				}
				cur.WriteByte(line[i])
			}
			if i >= len(line) {
				t.Fatalf("unclosed \" in %q", line)
			}
			inWord = true
		case c == '\\' && i+1 < len(line):
			i++
			cur.WriteByte(line[i])
			inWord = true
		default:
			cur.WriteByte(c)
			inWord = true
		}
	}
	end()
	return words
}

// joinPeople adds n participants to a cohort through the store, as a server beside it would.
func joinPeople(t *testing.T, dir, code string, n int) {
	t.Helper()
	ctx := context.Background()
	st := testenv.OpenStore(t, filepath.Join(dir, "workshop.db"))
	defer st.Close()
	c, err := st.CohortByCode(ctx, code)
	if err != nil {
		t.Fatal(err)
	}
	for i := range n {
		if _, err := st.AddParticipant(ctx, session.Participant{CohortID: c.ID, Name: "Person " + strconv.Itoa(i+1), RejoinCode: session.NewRejoinCode()}); err != nil {
			t.Fatal(err)
		}
	}
}

// firstVoteStep is the index of service-digitisation's first vote step.
func firstVoteStep(t *testing.T) int {
	t.Helper()
	mod, ok := testenv.Library(t, "").Get("service-digitisation")
	if !ok {
		t.Fatal("no service-digitisation module")
	}
	for i, s := range mod.Steps {
		if s.Exercise != nil && s.Exercise.Kind == content.KindVote {
			return i
		}
	}
	t.Fatal("service-digitisation has no vote step")
	return -1
}
