package quiz

import (
	"testing"
)

// TestPool: a pool holds a question for every fact of the test banks
// (each makes a clean item), two fact questions share a group label
// exactly when the oracle puts their facts in one sentence group, and
// every question passes the oracle's rules about one question.
func TestPool(t *testing.T) {
	for name, b := range testBanks(t) {
		q, err := Pool(b, Options{}, rng(1))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		o := newOracle(b)
		labelOf := map[int]string{} // oracle's sentence group -> pool label
		groupOf := map[string]int{} // pool label -> oracle's sentence group
		facts := 0
		for _, qu := range q.Questions {
			if qu.Group == "" {
				t.Errorf("%s: %s has no group", name, qu.ID)
			}
			for _, v := range o.check(&Quiz{Title: "Pool", Questions: []Question{qu}}) {
				t.Errorf("%s: %s", name, v)
			}
			if len(qu.Facts) != 1 {
				continue
			}
			facts++
			g := o.group[qu.Facts[0]]
			if l, ok := labelOf[g]; ok && l != qu.Group {
				t.Errorf("%s: one sentence group, labels %q and %q", name, l, qu.Group)
			}
			if h, ok := groupOf[qu.Group]; ok && h != g {
				t.Errorf("%s: label %q on two sentence groups", name, qu.Group)
			}
			labelOf[g], groupOf[qu.Group] = qu.Group, g
		}
		if facts != len(b.Facts) {
			t.Errorf("%s: %d fact questions in the pool, %d facts in the bank", name, facts, len(b.Facts))
		}
		if len(q.Versions) != 1 || len(q.Versions[0].Items) != len(q.Questions) {
			t.Errorf("%s: versions %d", name, len(q.Versions))
		}
	}
}
