package export

import (
	"bytes"
	"context"
	"encoding/json"
	"html"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

// The HTML report renders in a real browser: headless Chromium takes a screenshot of it
// (as scripts/report-screenshot.sh does), and the charts' blue shows in it, so the inline SVG
// was drawn. Look at the picture itself with the script.
//
// Install Chromium with: apt-get install -y chromium
func TestHTMLRendersInChromium(t *testing.T) {
	t.Parallel()
	browser := browserOrSkip(t)
	dir := t.TempDir()
	var b bytes.Buffer
	if err := newFixture(t).report().Write(&b, Options{Format: HTML}); err != nil {
		t.Fatal(err)
	}
	page := filepath.Join(dir, "report.html")
	if err := os.WriteFile(page, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	shot := filepath.Join(dir, "report.png")
	runBrowser(t, browser, dir, "--screenshot="+shot, "--window-size=1200,1800", "file://"+page)
	f, err := os.Open(shot)
	if err != nil {
		t.Fatalf("no screenshot: %v", err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	bounds := img.Bounds()
	if bounds.Dx() != 1200 || bounds.Dy() != 1800 {
		t.Errorf("screenshot is %v", bounds)
	}
	// The completion chart is in the first screen; its darkest blue (submitted) is used
	// nowhere else on the page.
	blue, ink := 0, 0
	for y := bounds.Min.Y; y < bounds.Max.Y; y += 2 {
		for x := bounds.Min.X; x < bounds.Max.X; x += 2 {
			r, g, b, _ := img.At(x, y).RGBA()
			r, g, b = r>>8, g>>8, b>>8
			switch {
			case near(r, 0x16) && near(g, 0x3f) && near(b, 0x73):
				blue++
			case r < 80 && g < 80 && b < 80:
				ink++
			}
		}
	}
	if blue < 2000 {
		t.Errorf("only %d chart-blue pixels: the charts did not render", blue)
	}
	if ink < 2000 {
		t.Errorf("only %d dark pixels: the text did not render", ink)
	}
}

func near(v, want uint32) bool { return v+12 >= want && v <= want+12 }

// browserOrSkip finds Chromium, or skips the test saying how to install it.
func browserOrSkip(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Skip("Chromium is not installed, so the browser check cannot run; install it with: apt-get install -y chromium")
	return ""
}

// runBrowser runs headless Chromium with a profile of its own in dir and returns what it
// printed on standard output.
func runBrowser(t *testing.T, browser, dir string, args ...string) []byte {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	base := []string{"--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
		"--disable-component-update", "--disable-sync", "--hide-scrollbars", "--user-data-dir=" + filepath.Join(dir, "profile")}
	cmd := exec.CommandContext(ctx, browser, append(base, args...)...)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	if err := cmd.Run(); err != nil {
		t.Fatalf("chromium: %v\n%s", err, errOut.Bytes())
	}
	return out.Bytes()
}

// pictures is where the print and phone tests leave the pictures they took, for a person to
// look at: the directory in REPORT_PICTURES, or nowhere.
func pictures(t *testing.T, name string) string {
	dir := os.Getenv("REPORT_PICTURES")
	if dir == "" {
		return ""
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return filepath.Join(dir, name)
}

// maxPrintedPages bounds the printed report of three people on the participatory policy
// module (16 steps): it took 12 pages before print styles kept headings with what follows
// them and let charts and tables run on; it takes 8 in Chromium 156 with DejaVu fonts.
const maxPrintedPages = 9

// The HTML report of three people prints on a few A4 pages (Chromium's PDF output). The
// pages are rendered to PNG (with pdftoppm, from poppler-utils) into REPORT_PICTURES when
// it is set, to look at them.
//
// Install them with: apt-get install -y chromium poppler-utils
func TestHTMLPrintsOnFewPages(t *testing.T) {
	t.Parallel()
	browser := browserOrSkip(t)
	dir := t.TempDir()
	var b bytes.Buffer
	if err := threePeople(t, "participatory-policy").report().Write(&b, Options{Format: HTML}); err != nil {
		t.Fatal(err)
	}
	page := filepath.Join(dir, "report.html")
	if err := os.WriteFile(page, b.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	pdf := filepath.Join(dir, "report.pdf")
	runBrowser(t, browser, dir, "--no-pdf-header-footer", "--print-to-pdf="+pdf, "file://"+page)
	doc, err := os.ReadFile(pdf)
	if err != nil {
		t.Fatal(err)
	}
	pages := len(regexp.MustCompile(`/Type\s*/Page[^s]`).FindAll(doc, -1))
	if info, err := exec.Command("pdfinfo", pdf).Output(); err == nil {
		if m := regexp.MustCompile(`(?m)^Pages:\s+(\d+)`).FindSubmatch(info); m != nil {
			pages, _ = strconv.Atoi(string(m[1]))
		}
	}
	t.Logf("printed on %d pages", pages)
	if pages < 2 || pages > maxPrintedPages {
		t.Errorf("the report of three people prints on %d pages, want at most %d", pages, maxPrintedPages)
	}
	if out := pictures(t, "print"); out != "" {
		if _, err := exec.LookPath("pdftoppm"); err != nil {
			t.Log("pdftoppm (poppler-utils) is not installed: no pictures of the pages")
			return
		}
		if msg, err := exec.Command("pdftoppm", "-r", "60", "-png", pdf, out).CombinedOutput(); err != nil {
			t.Fatalf("pdftoppm: %v\n%s", err, msg)
		}
	}
}

// layoutProbe measures the page as a phone shows it and writes what it found into the page:
// the smallest text on screen (an SVG's text scaled as drawn), how far anything reaches past
// the screen's right edge, and any chart text drawn outside its chart.
const layoutProbe = `<script>
addEventListener("load", () => {
  let small = 1e9, smallText = "", clipped = [];
  for (const el of document.querySelectorAll("body *")) {
    const text = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim() !== "");
    if (!text || el.closest("nav, script, title, style")) continue;
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    let size = parseFloat(getComputedStyle(el).fontSize);
    if (el instanceof SVGElement) {
      const svg = el.ownerSVGElement, m = el.getScreenCTM();
      size *= m ? Math.hypot(m.a, m.b) : 1;
      const box = svg.getBoundingClientRect();
      if (r.left < box.left - 1 || r.right > box.right + 1) clipped.push(el.textContent.trim());
    }
    if (size < small) { small = size; smallText = el.tagName.toLowerCase() + " " + el.textContent.trim().slice(0, 40); }
  }
  const over = document.documentElement.scrollWidth - innerWidth;
  document.body.insertAdjacentHTML("beforeend", "<pre id=probe>" + JSON.stringify({small, smallText, over, clipped}) + "</pre>");
});
</script>`

// At a phone's width (390 px) the HTML report reads without zooming: no text is smaller than
// 11 px, nothing reaches past the screen's edge (tables show each row as a card), and no
// chart text is cut. The measure runs in a copy of the report with a probe script, which the
// report's own content security policy would block. A screenshot goes to REPORT_PICTURES
// when it is set.
func TestHTMLReadsAtPhoneWidth(t *testing.T) {
	t.Parallel()
	browser := browserOrSkip(t)
	dir := t.TempDir()
	var b bytes.Buffer
	if err := threePeople(t, "participatory-policy").report().Write(&b, Options{Format: HTML}); err != nil {
		t.Fatal(err)
	}
	report := b.String()
	page := filepath.Join(dir, "report.html")
	if err := os.WriteFile(page, []byte(report), 0o600); err != nil {
		t.Fatal(err)
	}
	if shot := pictures(t, "phone.png"); shot != "" {
		runBrowser(t, browser, dir, "--window-size=390,844", "--screenshot="+shot, "file://"+page)
		runBrowser(t, browser, dir, "--window-size=390,16000", "--screenshot="+strings.Replace(shot, ".png", "-long.png", 1), "file://"+page)
	}
	csp := regexp.MustCompile(`<meta http-equiv="Content-Security-Policy"[^>]*>\n`)
	probed := strings.Replace(csp.ReplaceAllString(report, ""), "</body>", layoutProbe+"</body>", 1)
	probe := filepath.Join(dir, "probe.html")
	if err := os.WriteFile(probe, []byte(probed), 0o600); err != nil {
		t.Fatal(err)
	}
	out := runBrowser(t, browser, dir, "--window-size=390,844", "--virtual-time-budget=5000", "--dump-dom", "file://"+probe)
	m := regexp.MustCompile(`<pre id="probe">(.*?)</pre>`).FindSubmatch(out)
	if m == nil {
		t.Fatalf("the probe wrote nothing:\n%.500s", out)
	}
	var got struct {
		Small     float64  `json:"small"`
		SmallText string   `json:"smallText"`
		Over      float64  `json:"over"`
		Clipped   []string `json:"clipped"`
	}
	if err := json.Unmarshal([]byte(html.UnescapeString(string(m[1]))), &got); err != nil {
		t.Fatalf("probe: %v: %s", err, m[1])
	}
	t.Logf("smallest text %.1f px (%q); %.0f px past the edge", got.Small, got.SmallText, got.Over)
	if got.Small < 11 {
		t.Errorf("text of %.1f px at phone width (%q); want at least 11 px", got.Small, got.SmallText)
	}
	if got.Over > 0 {
		t.Errorf("the page is %.0f px wider than the phone's screen", got.Over)
	}
	if len(got.Clipped) > 0 {
		t.Errorf("chart text drawn outside its chart: %q", got.Clipped)
	}
}
