package pdf

// MaxNup returns how many cards of paper fit on one sheet, with the sheet
// turned when more fit that way: the largest --nup Card accepts.
func MaxNup(paper, sheet Paper) int {
	c1, r1, _, _ := grid(paper, sheet)
	c2, r2, _, _ := grid(paper, Paper{sheet.Name, sheet.H, sheet.W})
	return max(c1*r1, c2*r2)
}
