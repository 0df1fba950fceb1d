package export

import (
	"fmt"
	"math"
	"strings"
	"unicode/utf8"
)

// Inline SVG charts for the HTML report. They have fixed view boxes and scale with the page;
// labels longer than their room are shortened with the full text as a tooltip, and every
// number is written next to its bar, so a chart reads without colour and on paper.

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

// barSVG draws horizontal bars with their values.
func barSVG(c barChart) string {
	const width, labelW, rowH, pad = 760, 300, 26, 4
	barW := float64(width - labelW - 80)
	top := 0.0
	for _, br := range c.bars {
		top = math.Max(top, br.value)
	}
	h := len(c.bars)*rowH + 2*pad
	var b strings.Builder
	svgOpen(&b, width, h, c.title)
	for i, br := range c.bars {
		y := float64(pad + i*rowH)
		label := br.label
		if c.rank {
			label = fmt.Sprintf("%d. %s", rankAt(c.bars, i), label)
		}
		svgLabel(&b, labelW-8, y+rowH/2+4.5, "end", 13, ink, label, 42)
		w := 0.0
		if top > 0 {
			w = br.value / top * barW
		}
		if br.value > 0 && w < 2 {
			w = 2
		}
		fmt.Fprintf(&b, "<rect x=\"%d\" y=\"%s\" width=\"%s\" height=\"%d\" rx=\"2\" fill=\"%s\"/>\n", labelW, num(y+5), num(w), rowH-10, accent)
		fmt.Fprintf(&b, "<text x=\"%s\" y=\"%s\" font-size=\"12\" fill=\"%s\">%s</text>\n", num(labelW+w+6), num(y+rowH/2+4.5), ink, esc(br.text))
	}
	fmt.Fprintf(&b, "<line x1=\"%d\" y1=\"0\" x2=\"%d\" y2=\"%d\" stroke=\"%s\"/>\n", labelW, labelW, h, muted)
	b.WriteString("</svg>\n")
	return b.String()
}

// stackSVG draws one bar per row split into its series, each part's count written in it.
func stackSVG(c stackChart) string {
	const width, labelW, rowH = 760, 300, 28
	barW := float64(width - labelW - 20)
	colours := shades(len(c.series), len(c.series) == 3)
	// The legend wraps onto as many lines as it needs above the bars.
	type key struct {
		x, y  float64
		label string
	}
	var keys []key
	x, y := float64(labelW), 6.0
	for _, s := range c.series {
		label := shorten(s, 30)
		w := 19 + float64(utf8.RuneCountInString(label))*6.6 + 16
		if x > labelW && x+w > width {
			x, y = labelW, y+20
		}
		keys = append(keys, key{x, y, label})
		x += w
	}
	legendH := int(y) + 24
	h := legendH + len(c.rows)*rowH + 6
	var b strings.Builder
	svgOpen(&b, width, h, c.title)
	for i, k := range keys {
		fmt.Fprintf(&b, "<rect x=\"%s\" y=\"%s\" width=\"14\" height=\"14\" fill=\"%s\" stroke=\"%s\"/>\n", num(k.x), num(k.y), colours[i], muted)
		fmt.Fprintf(&b, "<text x=\"%s\" y=\"%s\" font-size=\"12\" fill=\"%s\">%s</text>\n", num(k.x+19), num(k.y+12), ink, esc(k.label))
	}
	for i, row := range c.rows {
		y := float64(legendH + i*rowH)
		svgLabel(&b, labelW-8, y+rowH/2+4.5, "end", 13, ink, row.label, 42)
		total := 0
		for _, v := range row.values {
			total += v
		}
		if total == 0 {
			fmt.Fprintf(&b, "<rect x=\"%d\" y=\"%s\" width=\"%s\" height=\"%d\" fill=\"none\" stroke=\"%s\" stroke-dasharray=\"4 3\"/>\n", labelW, num(y+4), num(barW), rowH-8, gridLine)
			fmt.Fprintf(&b, "<text x=\"%d\" y=\"%s\" font-size=\"12\" fill=\"%s\">no answers</text>\n", labelW+8, num(y+rowH/2+4.5), muted)
			continue
		}
		x := float64(labelW)
		for j, v := range row.values {
			if v == 0 {
				continue
			}
			w := float64(v) / float64(total) * barW
			fmt.Fprintf(&b, "<rect x=\"%s\" y=\"%s\" width=\"%s\" height=\"%d\" fill=\"%s\" stroke=\"#ffffff\" stroke-width=\"1\"><title>%s: %d</title></rect>\n",
				num(x), num(y+4), num(w), rowH-8, colours[j], esc(c.series[j]), v)
			if w >= 22 {
				fmt.Fprintf(&b, "<text x=\"%s\" y=\"%s\" text-anchor=\"middle\" font-size=\"12\" fill=\"%s\">%d</text>\n", num(x+w/2), num(y+rowH/2+4.5), textOn(colours[j]), v)
			}
			x += w
		}
	}
	b.WriteString("</svg>\n")
	return b.String()
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
		svgLabel(&b, x, y, anchor, 12, muted, name, 28)
	}
	fmt.Fprintf(&b, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"%s\" stroke-width=\"1.5\"/>\n", ml, mt, size, size, muted)
	// Axes: the ends under and beside the square, the names centred.
	bottom := float64(mt + size)
	svgLabel(&b, float64(ml), bottom+16, "start", 12, ink, m.x.Low, 24)
	svgLabel(&b, float64(ml+size), bottom+16, "end", 12, ink, m.x.High, 24)
	svgLabel(&b, float64(ml)+half, bottom+38, "middle", 13, ink, m.x.Label+" →", 40)
	fmt.Fprintf(&b, "<text transform=\"translate(40 %s) rotate(-90)\" text-anchor=\"start\" font-size=\"12\" fill=\"%s\">%s</text>\n", num(bottom), ink, esc(shorten(m.y.Low, 24)))
	fmt.Fprintf(&b, "<text transform=\"translate(40 %d) rotate(-90)\" text-anchor=\"end\" font-size=\"12\" fill=\"%s\">%s</text>\n", mt, ink, esc(shorten(m.y.High, 24)))
	fmt.Fprintf(&b, "<text transform=\"translate(18 %s) rotate(-90)\" text-anchor=\"middle\" font-size=\"13\" fill=\"%s\">%s</text>\n", num(float64(mt)+half), ink, esc(shorten(m.y.Label+" →", 40)))

	cell := float64(size) / 10
	var taken [][2]float64
	for _, p := range m.points {
		x := float64(ml) + (p.x+0.5)*cell
		y := float64(mt) + (9-p.y+0.5)*cell
		x, y = freeSpot(taken, x, y, float64(ml), float64(mt), float64(size))
		taken = append(taken, [2]float64{x, y})
		fmt.Fprintf(&b, "<g><title>%d. %s</title><circle cx=\"%s\" cy=\"%s\" r=\"11\" fill=\"%s\" stroke=\"#ffffff\" stroke-width=\"1.5\"/>", p.n, esc(p.text), num(x), num(y), accent)
		fmt.Fprintf(&b, "<text x=\"%s\" y=\"%s\" text-anchor=\"middle\" font-size=\"11\" font-weight=\"600\" fill=\"#ffffff\">%d</text></g>\n", num(x), num(y+4), p.n)
	}
	b.WriteString("</svg>\n")
	return b.String()
}

// freeSpot moves a dot off dots already drawn, trying spots on growing rings around its place
// in a fixed order, so the same data always gives the same picture.
func freeSpot(taken [][2]float64, x, y, left, top, size float64) (float64, float64) {
	const gap = 22.0
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
			if nx < left+11 || nx > left+size-11 || ny < top+11 || ny > top+size-11 {
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
