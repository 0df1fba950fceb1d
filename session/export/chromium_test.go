package export

import (
	"bytes"
	"context"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
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
	var browser string
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			browser = p
			break
		}
	}
	if browser == "" {
		t.Skip("Chromium is not installed, so the browser check cannot run; install it with: apt-get install -y chromium")
	}
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
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars",
		"--user-data-dir="+filepath.Join(dir, "profile"), "--screenshot="+shot, "--window-size=1200,1800", "file://"+page)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("chromium: %v\n%s", err, out)
	}
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
