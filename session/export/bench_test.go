package export

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"testing"

	"workshop/session"
	"workshop/session/work"
)

// bigFixture is a 300-person cohort in 30 teams with work on every step of the fixture
// module: a reflection, three ideas, a team board, the anonymous pool, votes, placements on
// three matrices, a journey, a team census, ratings, a checklist and a quiz each.
func bigFixture(b *testing.B, people int) *fixture {
	b.Helper()
	f := newStore(b)
	f.cohort("BIG300", "Three hundred")
	var pids []int64
	for i := range people {
		pids = append(pids, f.join(fmt.Sprintf("Participant %03d", i+1), i%60).ID)
	}
	nTeams := max(people/10, 1)
	names := make([]string, nTeams)
	assign := map[int64]int{}
	for i := range names {
		names[i] = fmt.Sprintf("Team %02d", i+1)
	}
	for i, pid := range pids {
		assign[pid] = i % nTeams
	}
	teams, err := f.st.ReplaceTeams(f.ctx, f.c.ID, names, assign, session.Event{At: at(5), Actor: "ana", Action: "teams", Detail: "30 teams"})
	if err != nil {
		b.Fatal(err)
	}
	text := strings.Repeat("A thought about the service and what could be better. ", 8)
	var pool []work.Item
	for i := range 60 {
		pool = append(pool, item(fmt.Sprintf("pool-%02d", i), fmt.Sprintf("Anonymous point %02d", i), 0))
	}
	f.board("roundtable", session.OwnerPool, list(pool...), 20)
	for ti, t := range teams {
		owner := session.OwnerTeam(t.ID)
		var pains []work.Item
		rows := [][]string{}
		places := map[string]work.Place{}
		for k := range 5 {
			id := fmt.Sprintf("pain-%d-%d", ti, k)
			pains = append(pains, item(id, fmt.Sprintf("Pain %d of team %d", k, ti), pids[ti]))
			places[id] = work.Place{X: (ti + k) % 10, Y: (ti * k) % 10}
		}
		for k := range 10 {
			rows = append(rows, []string{fmt.Sprintf("Service %d", k), fmt.Sprint(100 + k), "Online"})
		}
		f.board("pains", owner, list(pains...), 15)
		f.board("team-sort", owner, work.Matrix{Places: places}, 30)
		f.board("census", owner, work.Table{Rows: rows}, 40)
	}
	for i, pid := range pids {
		st := session.StatusSubmitted
		if i%7 == 0 {
			st = session.StatusDraft
		}
		ideas := []work.Item{}
		for k := range 3 {
			ideas = append(ideas, item(fmt.Sprintf("idea-%d-%d", i, k), fmt.Sprintf("Idea %d from %d", k, i), pid))
		}
		f.art("story", pid, work.Reflection{Text: text}, st, 10)
		f.art("ideas", pid, list(ideas...), st, 12)
		f.art("pains", pid, shared, st, 15)
		f.art("roundtable", pid, shared, st, 20)
		f.art("vote-ideas", pid, work.Vote{Dots: map[string]int{fmt.Sprintf("idea-%d-0", (i*7)%people): 2, fmt.Sprintf("idea-%d-1", (i*13)%people): 1}}, st, 22)
		f.art("vote-round", pid, work.Vote{Dots: map[string]int{fmt.Sprintf("pool-%02d", i%60): 1, fmt.Sprintf("pool-%02d", (i*3)%60): 1}}, st, 24)
		places := map[string]work.Place{}
		for k := range 10 {
			places[fmt.Sprintf("idea-%d-%d", (i+k*11)%people, k%3)] = work.Place{X: (i + k) % 10, Y: (i * k) % 10}
		}
		f.art("sort", pid, work.Matrix{Places: places}, st, 26)
		f.art("team-sort", pid, shared, st, 30)
		f.art("round-sort", pid, work.Matrix{Places: map[string]work.Place{fmt.Sprintf("pool-%02d", i%60): {X: i % 10, Y: (i / 10) % 10}}}, st, 32)
		f.art("journey", pid, work.Journey{Stages: []string{"Find out", "Apply"}, Cells: [][]string{{"Search", "Fill in"}, {"Lost", "Relieved"}}}, st, 35)
		f.art("census", pid, shared, st, 40)
		f.art("ready", pid, work.Scale{Ratings: []int{1 + i%5, 1 + (i/5)%5}}, st, 45)
		f.art("rollout", pid, work.Checklist{Ticks: []bool{i%2 == 0, i%3 == 0}, Notes: []string{"", "A note"}}, st, 50)
		f.art("check", pid, work.Quiz{Answers: []int{i % 2, (i + 1) % 2}}, st, 55)
	}
	for _, s := range f.mod.Steps {
		spent := map[int64]int{}
		for i, pid := range pids {
			spent[pid] = 1 + i%9
		}
		f.spent(s.ID, spent)
	}
	return f
}

// BenchmarkExport300 measures reading a 300-person cohort with every kind of work from the
// store and writing it, per format (results in docs/benchmarks.md).
func BenchmarkExport300(b *testing.B) {
	f := bigFixture(b, 300)
	cases := append(goldenCases[:0:0], goldenCases...)
	cases = append(cases, struct {
		file string
		opts Options
	}{"golden.xlsx", Options{Format: XLSX}})
	for _, tc := range cases {
		name := strings.TrimPrefix(tc.file, "golden")
		name = strings.TrimPrefix(strings.TrimPrefix(name, "."), "-")
		b.Run(name, func(b *testing.B) {
			var size int
			for b.Loop() {
				r, err := Build(f.ctx, f.m, f.c.ID, Stamp{Reproducible: true})
				if err != nil {
					b.Fatal(err)
				}
				var buf bytes.Buffer
				if err := r.Write(&buf, tc.opts); err != nil {
					b.Fatal(err)
				}
				size = buf.Len()
			}
			b.ReportMetric(float64(size)/1024, "KB/export")
		})
	}
	b.Run("build-only", func(b *testing.B) {
		for b.Loop() {
			if _, err := Build(f.ctx, f.m, f.c.ID, Stamp{Reproducible: true}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("write-html-only", func(b *testing.B) {
		r, err := Build(f.ctx, f.m, f.c.ID, Stamp{Reproducible: true})
		if err != nil {
			b.Fatal(err)
		}
		for b.Loop() {
			if err := r.Write(io.Discard, Options{Format: HTML}); err != nil {
				b.Fatal(err)
			}
		}
	})
}
