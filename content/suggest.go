package content

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// suggest returns the candidate a mistyped word most likely meant, or "" when none is close:
// the candidate fewest edits away (a letter added, dropped, changed or two swapped), allowing
// one edit for short words and two from six letters on, or the only candidate that starts
// with the word or the word starts with.
func suggest(word string, candidates []string) string {
	word = strings.ToLower(strings.TrimSpace(word))
	if word == "" {
		return ""
	}
	allowed := 1
	if utf8.RuneCountInString(word) >= 6 {
		allowed = 2
	}
	best, bestD := "", allowed+1
	var prefixed []string
	for _, c := range candidates {
		if c == word {
			continue
		}
		if d := editDistance(word, strings.ToLower(c)); d < bestD {
			best, bestD = c, d
		}
		if lc := strings.ToLower(c); len(word) >= 3 && (strings.HasPrefix(lc, word) || strings.HasPrefix(word, lc)) {
			prefixed = append(prefixed, c)
		}
	}
	if best != "" {
		return best
	}
	if len(prefixed) == 1 {
		return prefixed[0]
	}
	return ""
}

// didYouMean is " (did you mean "x"?)" for the suggestion, or "".
func didYouMean(word string, candidates []string) string {
	if s := suggest(word, candidates); s != "" {
		return fmt.Sprintf(" (did you mean %q?)", s)
	}
	return ""
}

// editDistance is the optimal string alignment distance between a and b: insertions,
// deletions, substitutions and swaps of two neighbouring letters each count one.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	if len(ra) > 64 || len(rb) > 64 {
		// Long words are never typos of a key or id; keep the cost bounded.
		if a == b {
			return 0
		}
		return 64
	}
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
}
