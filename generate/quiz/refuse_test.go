package quiz

import (
	"testing"

	"github.com/quizcard/quizcard/generate/bank"
)

// TestNoOrderSays: --forms with order on a bank that cannot order 4
// events is refused, and the refusal says what the bank has and what to
// do. The bank is written by hand: one event it can order, one whose name
// gives its year ("the 1953 coup", see selfDated), one without a year and
// one foil; the counts in the wants are read off it.
func TestNoOrderSays(t *testing.T) {
	data := `[article]
title = "T"
outlet = "O"
date = "2019-11-03"
summary = "S"
text = "The embassy was seized in 1979. The 1953 coup came first. A vigil is held on 23 August. Ann Lee and Bo Chan and Cy Dunn and Di Egan spoke."

[[people]]
id = "ann"
name = "Ann Lee"
role = "prosecutor"
[[people]]
id = "bo"
name = "Bo Chan"
role = "judge"
[[people]]
id = "cy"
name = "Cy Dunn"
role = "clerk"
[[people]]
id = "di"
name = "Di Egan"
role = "lawyer"

[[events]]
id = "seizure"
name = "the embassy seizure"
date = "1979"
[[events]]
id = "coup"
name = "the 1953 coup"
date = "1953"
[[events]]
id = "vigil"
name = "the vigil"
date = "--08-23"
[[events]]
id = "treaty"
name = "the treaty"
date = "1990"
foil = true

[[facts]]
id = "spoke"
kind = "who"
ask = "Who spoke first?"
answer = "ann"
source = "Ann Lee and Bo Chan and Cy Dunn and Di Egan spoke."
statement = "{answer} spoke first."
`
	b, err := bank.Parse("order.toml", []byte(data))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		filter bank.Filter
		want   string
	}{
		{bank.Filter{}, "no ordering question is possible: it needs 4 events with different dates, and the bank has 1 dated event it can order (not counting 1 whose name gives its date or place in time, 1 without a year, 1 foil); drop order from --forms, or add dated events ([[events]] with a date)"},
		{bank.Filter{Kinds: []string{"who"}}, "no ordering question is possible with --kinds who: ordering questions are of kind when; add when to --kinds, or drop order from --forms"},
		{bank.Filter{Tags: []string{"x"}}, "no ordering question is possible with --tags: events, which ordering questions order, have no tags; drop --tags, or drop order from --forms"},
	} {
		_, err := Build(b, Options{Count: 2, Forms: []Form{MC, Order}, Filter: tc.filter}, rng(1))
		if err == nil || err.Error() != tc.want {
			t.Errorf("filter %+v:\n got %v\nwant %s", tc.filter, err, tc.want)
		}
	}
}
