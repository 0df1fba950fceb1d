package export

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata from the current output")

// goldenCases are the files each format of the fixed cohort is compared with.
var goldenCases = []struct {
	file string
	opts Options
}{
	{"golden.csv", Options{Format: CSV}},
	{"golden-artifacts.csv", Options{Format: CSV, Artifacts: true}},
	{"golden-long.csv", Options{Format: CSV, Table: TableLong}},
	{"golden-notes.csv", Options{Format: CSV, Table: TableNotes}},
	{"golden.json", Options{Format: JSON}},
	{"golden.md", Options{Format: Markdown}},
	{"golden.html", Options{Format: HTML}},
}

func TestGolden(t *testing.T) {
	t.Parallel()
	r := newFixture(t).report()
	for _, tc := range goldenCases {
		t.Run(tc.file, func(t *testing.T) {
			var got bytes.Buffer
			if err := r.Write(&got, tc.opts); err != nil {
				t.Fatal(err)
			}
			// Writing again gives the same bytes: nothing depends on map order or timing.
			var again bytes.Buffer
			if err := r.Write(&again, tc.opts); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got.Bytes(), again.Bytes()) {
				t.Fatal("two writes of the same report differ")
			}
			path := filepath.Join("testdata", tc.file)
			if *update {
				if err := os.WriteFile(path, got.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run `go test ./session/export -run TestGolden -update` to create it)", err)
			}
			if !bytes.Equal(got.Bytes(), want) {
				t.Errorf("%s differs from the golden file; if the change is intended, run with -update and review the diff.\n%s", tc.file, firstDiff(got.Bytes(), want))
			}
		})
	}
}

// firstDiff shows the first line where got and want differ.
func firstDiff(got, want []byte) string {
	g, w := bytes.Split(got, []byte("\n")), bytes.Split(want, []byte("\n"))
	for i := 0; i < len(g) || i < len(w); i++ {
		var gl, wl []byte
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if !bytes.Equal(gl, wl) {
			return "line " + strconv.Itoa(i+1) + ":\n  got:  " + string(gl) + "\n  want: " + string(wl)
		}
	}
	return "(same lines, different bytes)"
}
