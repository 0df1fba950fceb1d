package content

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// Reading the YAML itself. The YAML library stops at the first syntax error, and for many
// errors it names the line where the enclosing block starts rather than the line at fault. So
// decode finds the line itself — the first line after which the file can no longer be read —
// reports it with a hint where the mistake is a common one, leaves that line out and reads the
// file again. One slip therefore does not hide the other problems in the file.

const (
	// maxSyntaxProblems is how many syntax errors one file reports (and how many lines are
	// left out) before the rest of the file is given up.
	maxSyntaxProblems = 10
	// syntaxReadBudget bounds the bytes of YAML read again while looking for the line at fault.
	syntaxReadBudget = 64 << 20
)

var (
	syntaxLine    = regexp.MustCompile(`(?s)^yaml: line (\d+): (.*)$`)
	unknownAnchor = regexp.MustCompile(`^yaml: unknown anchor '(.*)' referenced$`)
	// blockHeader is a line that starts a block of text: "key: |", "- key: >-", with an
	// optional comment.
	blockHeader = regexp.MustCompile(`^(\s*)(-\s+)?([^\s#:][^:#]*):\s+[|>][1-9+-]{0,2}\s*(#.*)?$`)
	// keyLine is a line holding a key, possibly as the first key of a list entry.
	keyLine = regexp.MustCompile(`^\s*(?:-\s+)?([A-Za-z_][A-Za-z0-9_-]*)\s*:(\s|$)`)
)

// parserProblems are the messages of the YAML library's parser, as opposed to its scanner. The
// library reports the line of a parser problem counting from 0, and that line is often the
// start of the block around the problem; it reports the line of a scanner problem counting
// from 1, at or after the problem.
var parserProblems = []string{
	"did not find expected <stream-start>",
	"did not find expected <document start>",
	"did not find expected node content",
	"did not find expected '-' indicator",
	"did not find expected key",
	"did not find expected ',' or ']'",
	"did not find expected ',' or '}'",
	"found undefined tag handle",
	"found duplicate %YAML directive",
	"found incompatible YAML document",
	"found duplicate %TAG directive",
}

// decode parses the YAML and returns the root node of its only document, or nil after reporting
// why there is none. A syntax error is reported at the line at fault; the line is then left out
// and the rest read again, so the returned node may lack what was on such lines.
func (w *walker) decode(data []byte) *yaml.Node {
	src := bytes.Clone(data)
	for round := 1; ; round++ {
		root, err := w.readDocument(src)
		if err == nil {
			return root
		}
		line, col, msg := w.locate(err, src)
		w.addAt(line, col, "invalid YAML: %s", msg)
		start, end, ok := lineSpan(src, line)
		if !ok || round >= maxSyntaxProblems || len(bytes.TrimSpace(src[start:end])) == 0 {
			return nil
		}
		if m := keyLine.FindSubmatch(src[start:end]); m != nil {
			w.leftOut[string(m[1])] = true
		}
		w.leftLines[line] = true
		// Blank the line but keep its end, so every later line keeps its number.
		src = append(src[:start:start], src[end:]...)
	}
}

// readDocument reads the only document of src. It reports an empty file and a second document
// itself, returning nil and no error; it returns the YAML library's error for anything it
// cannot read.
func (w *walker) readDocument(src []byte) (*yaml.Node, error) {
	dec := yaml.NewDecoder(bytes.NewReader(src))
	var doc yaml.Node
	err := safeDecode(dec, &doc)
	if errors.Is(err, io.EOF) {
		w.addAt(1, 1, "file is empty; a module needs %s", strings.Join(requiredModuleKeys, ", "))
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var next yaml.Node
	switch err := safeDecode(dec, &next); {
	case err == nil:
		w.add(&next, "a file holds one module, but a second YAML document starts here")
	case !errors.Is(err, io.EOF):
		return nil, err
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) == 0 {
		w.addAt(1, 1, "file is empty; a module needs %s", strings.Join(requiredModuleKeys, ", "))
		return nil, nil
	}
	return doc.Content[0], nil
}

// safeDecode decodes the next document, turning a panic in the YAML library into an error.
func safeDecode(dec *yaml.Decoder, n *yaml.Node) (err error) {
	defer func() {
		if v := recover(); v != nil {
			err = fmt.Errorf("yaml: %v", v)
		}
	}()
	return dec.Decode(n)
}

// locate finds where a YAML error is and says what it is, with a hint when the cause is a
// common slip.
func (w *walker) locate(err error, src []byte) (line, col int, msg string) {
	msg = err.Error()
	m := syntaxLine.FindStringSubmatch(msg)
	if m == nil {
		if a := unknownAnchor.FindStringSubmatch(msg); a != nil {
			line, col = 1, 1
			if i := bytes.Index(src, []byte("*"+a[1])); i >= 0 {
				line = 1 + bytes.Count(src[:i], []byte("\n"))
				col = 1 + utf8.RuneCount(src[bytes.LastIndexByte(src[:i], '\n')+1:i])
			}
			return line, col, fmt.Sprintf("unknown anchor %q referenced", a[1])
		}
		return 1, 1, strings.TrimPrefix(msg, "yaml: ")
	}
	reported, _ := strconv.Atoi(m[1])
	msg = m[2]
	parser := slices.Contains(parserProblems, msg)
	if parser {
		reported++
	}
	line = w.faultyLine(src, reported, parser)
	text := ""
	if start, end, ok := lineSpan(src, line); ok {
		text = string(src[start:end])
	}
	col = 1 + len(text) - len(strings.TrimLeft(text, " "))
	if hint := syntaxHint(src, line, text, msg); hint != "" {
		return line, col, hint
	}
	return line, col, msg
}

// faultyLine finds the line at fault: the first line after which the file can no longer be
// read. The library's own line bounds the search: a scanner problem lies at or before the line
// it names, a parser problem at or after it.
func (w *walker) faultyLine(src []byte, reported int, parser bool) int {
	starts := lineStarts(src)
	n := len(starts)
	reported = min(max(reported, 1), max(n, 1))
	steps := 2
	for k := n; k > 0; k /= 2 {
		steps++
	}
	if w.syntaxRead+steps*len(src) > syntaxReadBudget {
		return reported
	}
	// readable(k) says whether the first k lines can be read; readable(0) holds and
	// readable(n) does not, since src has the error.
	readable := func(k int) bool {
		end := len(src)
		if k < n {
			end = starts[k]
		}
		w.syntaxRead += end
		return yamlReadable(src[:end])
	}
	lo, hi := 0, n
	if parser {
		if lo = reported - 1; lo > 0 && !readable(lo) {
			lo = 0
		}
	} else if hi = reported; readable(hi) {
		lo, hi = hi, n
	}
	for hi-lo > 1 {
		mid := (lo + hi) / 2
		if readable(mid) {
			lo = mid
		} else {
			hi = mid
		}
	}
	return max(hi, 1)
}

// yamlReadable says whether every document in data parses.
func yamlReadable(data []byte) bool {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	for {
		var n yaml.Node
		err := safeDecode(dec, &n)
		if errors.Is(err, io.EOF) {
			return true
		}
		if err != nil {
			return false
		}
	}
}

// syntaxHint explains the common slips behind a syntax error on a line, or returns "".
func syntaxHint(src []byte, line int, text, msg string) string {
	lead := text[:len(text)-len(strings.TrimLeft(text, " \t"))]
	switch {
	case strings.Contains(lead, "\t"):
		return "a tab indents this line; YAML is indented with spaces only"
	case msg == "found unexpected end of stream" && oddQuotes(text):
		return "a quoted value starts on this line but its closing quote is missing"
	case strings.Count(text, "[") > strings.Count(text, "]"):
		return "a [ list starts on this line but is not closed with ]"
	case strings.Count(text, "{") > strings.Count(text, "}"):
		return "a { mapping starts on this line but is not closed with }"
	}
	if h := blockHint(src, line, text); h != "" {
		return h
	}
	if msg == "mapping values are not allowed in this context" && strings.Count(text, ": ") >= 2 {
		return msg + `; a value that contains ": " must be put in quotes, e.g. title: "Yes: or no?"`
	}
	return ""
}

// oddQuotes says whether a line opens a quote it does not close.
func oddQuotes(text string) bool {
	return strings.Count(text, `"`)%2 == 1 || strings.Count(text, `'`)%2 == 1
}

// blockHint recognises a line of a block of text (a | or > value such as guidance) that is
// indented less than the lines before it, which ends the block early and leaves the line
// stranded, and says how far to indent it.
func blockHint(src []byte, line int, text string) string {
	if line < 2 || keyLine.MatchString(text) || strings.TrimSpace(text) == "" {
		return ""
	}
	at := indent(text)
	lines := strings.Split(string(src), "\n")
	for j := line - 1; j >= 1; j-- {
		s := strings.TrimRight(lines[j-1], "\r")
		if strings.TrimSpace(s) == "" {
			continue
		}
		if m := blockHeader.FindStringSubmatch(s); m != nil {
			keyIndent := len(m[1]) + len(m[2])
			textIndent := -1
			for k := j + 1; k < line; k++ {
				if t := lines[k-1]; strings.TrimSpace(t) != "" {
					textIndent = indent(t)
					break
				}
			}
			if textIndent < 0 && at <= keyIndent {
				// The block's first line is no further in than its key, so the block is
				// empty and this line is read as YAML.
				return fmt.Sprintf("the %s text that starts here must be indented further than its key on line %d; indent it by at least %d spaces",
					strings.TrimSpace(m[3]), j, keyIndent+2)
			}
			if textIndent <= keyIndent || at >= textIndent {
				return ""
			}
			return fmt.Sprintf("this line is indented less than the rest of the %s text that starts on line %d; indent it by at least %d spaces, like the lines above it",
				strings.TrimSpace(m[3]), j+1, textIndent)
		}
		if indent(s) <= at {
			return ""
		}
	}
	return ""
}

// indent counts the spaces that start a line.
func indent(s string) int { return len(s) - len(strings.TrimLeft(s, " ")) }

// lineStarts returns the offset of the start of each line of src.
func lineStarts(src []byte) []int {
	if len(src) == 0 {
		return nil
	}
	starts := []int{0}
	for i, c := range src {
		if c == '\n' && i+1 < len(src) {
			starts = append(starts, i+1)
		}
	}
	return starts
}

// lineSpan returns the offsets of the text of a line (1-based), without its line ending.
func lineSpan(src []byte, line int) (start, end int, ok bool) {
	starts := lineStarts(src)
	if line < 1 || line > len(starts) {
		return 0, 0, false
	}
	start = starts[line-1]
	end = len(src)
	if i := bytes.IndexByte(src[start:], '\n'); i >= 0 {
		end = start + i
	}
	if end > start && src[end-1] == '\r' {
		end--
	}
	return start, end, true
}
