package bank

import (
	"bytes"
	"os"
	"testing"
)

// FuzzDraft: whatever a curator types, the block either makes a bank that
// loads with the fact in it, every text exactly as typed, or is refused
// with problems; never a bank that fails to load, never a changed text.
func FuzzDraft(f *testing.F) {
	old, err := os.ReadFile("testdata/valid/small.toml")
	if err != nil {
		f.Fatal(err)
	}
	f.Add("new-fact", "who", "Who waited?", "macron", "Rouhani never emerged from his room.", "{answer} waited.", "tag")
	f.Add("n2", "number", `How "many"?`, "444", "held for 444 days", "", "")
	f.Add("d", "when", "When?\n", "--08-23", "goes back to the", "", "a,b")
	f.Add("x", "quote", `a\b"c'''`, "trump", "naive or an accomplice", "{answer} {answer}", "")
	f.Fuzz(func(t *testing.T, id, kind, ask, answer, source, statement, tag string) {
		d := Draft{ID: id, Kind: kind, Ask: ask, Answer: answer, Source: source, Statement: statement}
		if tag != "" {
			d.Tags = []string{tag}
		}
		content, b, err := Extend("bank.toml", old, d.TOML())
		if err != nil {
			if _, ok := err.(ErrorList); !ok {
				t.Fatalf("refusal is %T, want ErrorList", err)
			}
			return
		}
		if !bytes.HasPrefix(content, old) {
			t.Fatal("existing bytes changed")
		}
		again, err := Parse("bank.toml", content)
		if err != nil {
			t.Fatalf("accepted content does not load: %v", err)
		}
		got, ok := again.Fact(id)
		if !ok || len(b.Facts) != len(again.Facts) {
			t.Fatalf("fact %q not in the bank", id)
		}
		if got.Ask != ask || got.Source != source || got.Statement != statement {
			t.Fatalf("texts changed: %q %q %q", got.Ask, got.Source, got.Statement)
		}
	})
}

func TestExtendKeepsBytes(t *testing.T) {
	old := []byte("# comment\n[article] # odd\n  title   =   'T'\noutlet=\"O\"\ndate = 2019-11-03\nsummary = \"S\"\ntext = '''\nMacron waited for the call. Trump waited for the call. Rouhani waited there.\n'''\n\n\n[[people]]\nid=\"khamenei\"\nname=\"K\"\nrole=\"r\"\n[[people]]\nid=\"macron\"\nname=\"M\"\nrole=\"r\"\n[[people]]\nid=\"trump\"\nname=\"T\"\nrole=\"r\"\n[[people]]\nid=\"rouhani\"\nname=\"R\"\nrole=\"r\"\n# trailing comment, no newline")
	d := Draft{ID: "waited", Kind: "who", Ask: "Who waited?", Answer: "macron", Source: "Macron waited for the call."}
	content, b, err := Extend("b.toml", old, d.TOML())
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(content, old) || len(b.Facts) != 1 {
		t.Fatalf("content:\n%s", content)
	}
	if Lines(old) != 28 || Lines(content) != 28+7 {
		t.Errorf("lines %d, %d", Lines(old), Lines(content))
	}
}
