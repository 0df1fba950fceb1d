package export

import (
	"fmt"
	"strconv"
	"strings"
)

// Bar charts in the HTML report are HTML, not pictures: each row is a label and a bar whose
// length is a share of the widest, with its number written beside it. Their text is the
// page's own, so it wraps instead of being cut or shrunk on a phone, and it prints sharp;
// every number is written out, so a chart reads without colour.

// barHTML draws horizontal bars with their values.
func barHTML(c barChart) string {
	top := 0.0
	for _, br := range c.bars {
		top = max(top, br.value)
	}
	var b strings.Builder
	tag := "ul"
	if c.rank {
		tag = "ol"
	}
	b.WriteString("<" + tag + " class=\"bars\">\n")
	for i, br := range c.bars {
		label := esc(br.label)
		if c.rank {
			label = "<span class=\"rank\">" + strconv.Itoa(rankAt(c.bars, i)) + ".</span> " + label
		}
		w := 0.0
		if top > 0 {
			w = br.value / top * 100
		}
		fmt.Fprintf(&b, "<li><span class=\"label\">%s</span><span class=\"track\"><span class=\"bar\" style=\"width:%s%%\"></span><span class=\"value\">%s</span></span></li>\n",
			label, pct(w), esc(br.text))
	}
	b.WriteString("</" + tag + ">\n")
	return b.String()
}

// stackHTML draws one bar per row split into its series, each part with its count, and a
// legend above.
func stackHTML(c stackChart) string {
	colours := shades(len(c.series), len(c.series) == 3)
	var b strings.Builder
	b.WriteString("<ul class=\"key\">")
	for i, s := range c.series {
		fmt.Fprintf(&b, "<li><span class=\"swatch\" style=\"background:%s\"></span>%s</li>", colours[i], esc(s))
	}
	b.WriteString("</ul>\n<ul class=\"bars stack\">\n")
	for _, row := range c.rows {
		total := 0
		for _, v := range row.values {
			total += v
		}
		fmt.Fprintf(&b, "<li><span class=\"label\">%s</span><span class=\"track\">", esc(row.label))
		if total == 0 {
			b.WriteString("<span class=\"none\">" + esc(c.none) + "</span>")
		}
		for j, v := range row.values {
			if v == 0 || total == 0 {
				continue
			}
			fmt.Fprintf(&b, "<span class=\"part\" style=\"width:%s%%;background:%s;color:%s\" title=\"%s: %d\">%d</span>",
				pct(float64(v)/float64(total)*100), colours[j], textOn(colours[j]), esc(c.series[j]), v, v)
		}
		b.WriteString("</span></li>\n")
	}
	b.WriteString("</ul>\n")
	return b.String()
}

// pct formats a percentage with at most one decimal.
func pct(f float64) string { return num(f) }
