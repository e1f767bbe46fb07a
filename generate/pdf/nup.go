package pdf

import "fmt"

// MaxNup returns how many cards of paper fit on one sheet, with the sheet
// turned when more fit that way: the largest --nup Card accepts.
func MaxNup(paper, sheet Paper) int {
	c1, r1, _, _ := grid(paper, sheet)
	c2, r2, _, _ := grid(paper, Paper{sheet.Name, sheet.H, sheet.W})
	return max(c1*r1, c2*r2)
}

// ParseCardOptions reads the card command's paper, sheet and n-up as its
// flags give them, and says why they cannot be used together, naming the
// flag.
func ParseCardOptions(paper, sheet string, nup int) (CardOptions, error) {
	p, err := ParsePaper(paper)
	if err != nil {
		return CardOptions{}, err
	}
	s, err := ParsePaper(sheet)
	if err != nil || (s != A4 && s != Letter) {
		return CardOptions{}, fmt.Errorf("--sheet takes a4 or letter, not %q", sheet)
	}
	switch m := MaxNup(p, s); {
	case nup < 1:
		return CardOptions{}, fmt.Errorf("--nup must be at least 1")
	case nup > 1 && (p == A4 || p == Letter):
		return CardOptions{}, fmt.Errorf("--nup is for small cards (a5, a6, 4x6, 3x5), not %s", p.Name)
	case nup > 1 && nup > m:
		fit := "cards fit"
		if m == 1 {
			fit = "card fits"
		}
		return CardOptions{}, fmt.Errorf("at most %d %s %s on one %s sheet; asked for %d", m, p.Name, fit, s.Name, nup)
	}
	return CardOptions{Paper: p, Nup: nup, Sheet: s}, nil
}
