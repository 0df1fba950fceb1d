#!/usr/bin/env bash
# Renders an HTML report with headless Chromium into a PNG, to check how it looks on screen,
# and optionally into a PDF, to check how it prints.
#
#   scripts/report-screenshot.sh REPORT.html [OUT.png] [OUT.pdf]
#
# WIDTH and HEIGHT set the window (default 1200×1800; HEIGHT=9000 shows more of a long report).
# PRINT=1 takes the screenshot with the report's print styles at the width of an A4 page, to
# look at the print layout without a PDF viewer.
#
# Needs Chromium (Debian: apt-get install -y chromium). Nothing is fetched from the network:
# the report is one self-contained file.
set -euo pipefail

html=${1:?usage: scripts/report-screenshot.sh REPORT.html [OUT.png] [OUT.pdf]}
png=${2:-${html%.html}.png}
pdf=${3:-}
width=${WIDTH:-1200}
height=${HEIGHT:-1800}

browser=""
for b in chromium chromium-browser google-chrome; do
	if command -v "$b" >/dev/null 2>&1; then
		browser=$b
		break
	fi
done
if [ -z "$browser" ]; then
	echo "no Chromium found; install it with: apt-get install -y chromium" >&2
	exit 1
fi

profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
abs=$(cd "$(dirname "$html")" && pwd)/$(basename "$html")
if [ "${PRINT:-}" = 1 ]; then
	# The same page with its print rules applied on screen, at 210 mm (794 px).
	sed 's/@media print {/@media all {/' "$abs" >"$profile/print.html"
	abs=$profile/print.html
	width=${WIDTH:-794}
fi
flags=(--headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking
	--disable-component-update --disable-sync --hide-scrollbars --user-data-dir="$profile")

"$browser" "${flags[@]}" --screenshot="$png" --window-size="$width,$height" "file://$abs" 2>/dev/null
echo "screenshot: $png"
if [ -n "$pdf" ]; then
	"$browser" "${flags[@]}" --no-pdf-header-footer --print-to-pdf="$pdf" "file://$abs" 2>/dev/null
	echo "print: $pdf"
fi
