package fonts

import "testing"

func TestCovers(t *testing.T) {
	for _, tc := range []struct {
		r    rune
		want bool
	}{
		{'A', true}, {'é', true}, {'’', true}, {'“', true}, {'–', true},
		{'—', true}, {'…', true}, {'•', true}, {'\n', true},
		{0x1F600, false}, // emoji: above U+FFFF
		{0x4E2D, false},  // CJK: not in the Go fonts
		{0x0007, false},  // a control character
	} {
		if got := Covers(tc.r); got != tc.want {
			t.Errorf("Covers(%U) = %v, want %v", tc.r, got, tc.want)
		}
	}
}
