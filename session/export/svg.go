package export

import (
	"fmt"
	"math"
	"strings"
	"unicode/utf8"
)

// The matrix chart of the HTML report is inline SVG: a square with a fixed view box that
// scales with the page down to a width where its smallest text still reads (the style sheet
// sets it), with labels longer than their room shortened and the full text as a tooltip.
// Bar charts are HTML (charts.go), so their text reflows instead of shrinking.

const (
	accent   = "#1f5fa8"
	ink      = "#1b1f24"
	muted    = "#5b6570"
	gridLine = "#c9d1d9"
)

func svgOpen(b *strings.Builder, w, h int, label string) {
	fmt.Fprintf(b, "<svg viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" role=\"img\" aria-label=\"%s\">\n", w, h, w, h, esc(label))
}

// svgLabel writes a text that may be shortened, with its full text as a tooltip.
func svgLabel(b *strings.Builder, x, y float64, anchor string, size int, fill, text string, maxChars int) {
	short := shorten(text, maxChars)
	b.WriteString("<g>")
	if short != text {
		b.WriteString("<title>" + esc(text) + "</title>")
	}
	fmt.Fprintf(b, "<text x=\"%s\" y=\"%s\" text-anchor=\"%s\" font-size=\"%d\" fill=\"%s\">%s</text></g>\n", num(x), num(y), anchor, size, fill, esc(short))
}

// shorten cuts text to n characters with an ellipsis.
func shorten(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return strings.TrimSpace(string(r[:n-1])) + "…"
}

// num formats a coordinate with at most one decimal.
func num(f float64) string {
	return strings.TrimSuffix(fmt.Sprintf("%.1f", f), ".0")
}

// matrixSVG draws a 2×2: the four quadrants with their names, the axes with their ends, and
// each item as a numbered dot at its place (high values at the top and on the right).
func matrixSVG(m matrixChart) string {
	const ml, mt, size, mb, mr = 58, 10, 380, 50, 12
	width, height := ml+size+mr, mt+size+mb
	var b strings.Builder
	svgOpen(&b, width, height, m.title)
	half := float64(size) / 2
	fills := []string{"#e8f0f9", "#f4f7fb", "#f4f7fb", "#e8f0f9"}
	for q := range 4 {
		x := float64(ml) + float64(q%2)*half
		y := float64(mt) + float64(q/2)*half
		fmt.Fprintf(&b, "<rect x=\"%s\" y=\"%s\" width=\"%s\" height=\"%s\" fill=\"%s\" stroke=\"%s\"/>\n", num(x), num(y), num(half), num(half), fills[q], gridLine)
	}
	// Quadrant names in the outer corners, where dots are least likely.
	for q, name := range m.quadrants {
		if q > 3 {
			break
		}
		x, anchor := float64(ml)+8, "start"
		if q%2 == 1 {
			x, anchor = float64(ml+size)-8, "end"
		}
		y := float64(mt) + 18
		if q >= 2 {
			y = float64(mt+size) - 8
		}
		svgLabel(&b, x, y, anchor, 13, muted, name, 26)
	}
	fmt.Fprintf(&b, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"%s\" stroke-width=\"1.5\"/>\n", ml, mt, size, size, muted)
	// Axes: the ends under and beside the square, the names centred.
	bottom := float64(mt + size)
	svgLabel(&b, float64(ml), bottom+17, "start", 13, ink, m.x.Low, 22)
	svgLabel(&b, float64(ml+size), bottom+17, "end", 13, ink, m.x.High, 22)
	svgLabel(&b, float64(ml)+half, bottom+39, "middle", 14, ink, m.x.Label+" →", 38)
	fmt.Fprintf(&b, "<text transform=\"translate(40 %s) rotate(-90)\" text-anchor=\"start\" font-size=\"13\" fill=\"%s\">%s</text>\n", num(bottom), ink, esc(shorten(m.y.Low, 22)))
	fmt.Fprintf(&b, "<text transform=\"translate(40 %d) rotate(-90)\" text-anchor=\"end\" font-size=\"13\" fill=\"%s\">%s</text>\n", mt, ink, esc(shorten(m.y.High, 22)))
	fmt.Fprintf(&b, "<text transform=\"translate(18 %s) rotate(-90)\" text-anchor=\"middle\" font-size=\"14\" fill=\"%s\">%s</text>\n", num(float64(mt)+half), ink, esc(shorten(m.y.Label+" →", 38)))

	cell := float64(size) / 10
	var taken [][2]float64
	for _, p := range m.points {
		x := float64(ml) + (p.x+0.5)*cell
		y := float64(mt) + (9-p.y+0.5)*cell
		x, y = freeSpot(taken, x, y, float64(ml), float64(mt), float64(size))
		taken = append(taken, [2]float64{x, y})
		fmt.Fprintf(&b, "<g><title>%d. %s</title><circle cx=\"%s\" cy=\"%s\" r=\"12\" fill=\"%s\" stroke=\"#ffffff\" stroke-width=\"1.5\"/>", p.n, esc(p.text), num(x), num(y), accent)
		fmt.Fprintf(&b, "<text x=\"%s\" y=\"%s\" text-anchor=\"middle\" font-size=\"13\" font-weight=\"600\" fill=\"#ffffff\">%d</text></g>\n", num(x), num(y+4.5), p.n)
	}
	b.WriteString("</svg>\n")
	return b.String()
}

// freeSpot moves a dot off dots already drawn, trying spots on growing rings around its place
// in a fixed order, so the same data always gives the same picture.
func freeSpot(taken [][2]float64, x, y, left, top, size float64) (float64, float64) {
	const gap = 24.0
	clear := func(x, y float64) bool {
		for _, t := range taken {
			if math.Hypot(t[0]-x, t[1]-y) < gap {
				return false
			}
		}
		return true
	}
	if clear(x, y) {
		return x, y
	}
	for ring := 1; ring <= 6; ring++ {
		for k := range 8 {
			a := float64(k) * math.Pi / 4
			nx := x + math.Cos(a)*gap*float64(ring)
			ny := y + math.Sin(a)*gap*float64(ring)
			if nx < left+12 || nx > left+size-12 || ny < top+12 || ny > top+size-12 {
				continue
			}
			if clear(nx, ny) {
				return nx, ny
			}
		}
	}
	return x, y
}

// shades returns n blues from light to dark, or dark to light.
func shades(n int, darkFirst bool) []string {
	light := [3]float64{0xe3, 0xeb, 0xf4}
	dark := [3]float64{0x16, 0x3f, 0x73}
	out := make([]string, n)
	for i := range n {
		t := 0.0
		if n > 1 {
			t = float64(i) / float64(n-1)
		}
		if darkFirst {
			t = 1 - t
		}
		var c [3]int
		for k := range 3 {
			c[k] = int(math.Round(light[k] + (dark[k]-light[k])*t))
		}
		out[i] = fmt.Sprintf("#%02x%02x%02x", c[0], c[1], c[2])
	}
	return out
}

// textOn picks white or dark text for a fill colour.
func textOn(fill string) string {
	var r, g, bl int
	// Fills are our own palette's; one that does not parse reads as black, so gets white text.
	_, _ = fmt.Sscanf(fill, "#%02x%02x%02x", &r, &g, &bl)
	if 0.299*float64(r)+0.587*float64(g)+0.114*float64(bl) < 140 {
		return "#ffffff"
	}
	return ink
}
