package quiz

import (
	"github.com/quizcard/quizcard/generate/bank"
)

// sentenceGroups joins facts that may not share a paper (rule 9 in
// paper.go): facts whose excerpts lie in one sentence of the article, and
// facts the bank puts in one group. It returns each fact's group, and a
// function giving the groups a set of excerpts (a matching set's sources)
// draws on.
func sentenceGroups(b *bank.Bank) (map[string][]int, func([]string) []int) {
	n := len(b.Sentences())
	parent := map[int]int{}
	var find func(int) int
	find = func(x int) int {
		if p, ok := parent[x]; ok && p != x {
			r := find(p)
			parent[x] = r
			return r
		}
		return x
	}
	union := func(a, c int) {
		if ra, rc := find(a), find(c); ra != rc {
			parent[max(ra, rc)] = min(ra, rc)
		}
	}
	named := map[string]int{} // bank group name -> node
	nodes := map[string][]int{}
	next := n
	for _, f := range b.Facts {
		ns := b.SentencesOf(f.Source)
		if len(ns) == 0 {
			ns = []int{next} // not in the text: a group of its own
			next++
		}
		if f.Group != "" {
			if _, ok := named[f.Group]; !ok {
				named[f.Group] = next
				next++
			}
			ns = append(ns, named[f.Group])
		}
		for _, x := range ns[1:] {
			union(ns[0], x)
		}
		nodes[f.ID] = ns
	}
	out := map[string][]int{}
	for id, ns := range nodes {
		out[id] = []int{find(ns[0])}
	}
	// Every sentence's group, worked out now: of is called side by side by
	// quizzes sharing the bank, and find writes as it goes.
	root := make([]int, n)
	for i := range root {
		root[i] = find(i)
	}
	of := func(excerpts []string) []int {
		var gs []int
		seen := map[int]bool{}
		for _, e := range excerpts {
			for _, s := range b.SentencesOf(e) {
				if r := root[s]; !seen[r] {
					seen[r] = true
					gs = append(gs, r)
				}
			}
		}
		return gs
	}
	return out, of
}
