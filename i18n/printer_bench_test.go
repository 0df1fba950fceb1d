package i18n

import "testing"

// What a message costs a screen that draws it: a plain key, a key with a number, a plural.
func BenchmarkT(b *testing.B) {
	for _, l := range []Lang{English, Portuguese} {
		p := New(l)
		b.Run(string(l)+"/plain", func(b *testing.B) {
			for b.Loop() {
				_ = p.T("Keys")
			}
		})
		b.Run(string(l)+"/args", func(b *testing.B) {
			for b.Loop() {
				_ = p.T("Please enlarge your terminal.\nIt is %d×%d; workshop needs at least %d×%d.", 30, 10, 40, 12)
			}
		})
		b.Run(string(l)+"/plural", func(b *testing.B) {
			for b.Loop() {
				_ = p.T("%d participants", 12)
			}
		})
	}
}

func BenchmarkTText(b *testing.B) {
	for _, l := range []Lang{English, Portuguese} {
		p := New(l)
		b.Run(string(l), func(b *testing.B) {
			for b.Loop() {
				_ = p.T("Spotlight: %s", "An answer")
			}
		})
	}
}
