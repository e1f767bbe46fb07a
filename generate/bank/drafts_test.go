package bank

import "testing"

// TestAccepted loads a bank with a draft person and a draft fact (written
// by hand in testdata/valid/drafts.toml) and checks what is left without
// them.
func TestAccepted(t *testing.T) {
	b, err := Load("testdata/valid/drafts.toml")
	if err != nil {
		t.Fatal(err)
	}
	facts, entities := b.Drafts()
	if facts != 1 || entities != 1 {
		t.Errorf("Drafts() = %d facts, %d entities; want 1, 1", facts, entities)
	}
	a := b.Accepted()
	if len(a.Facts) != 3 || len(a.Entities) != 4 {
		t.Errorf("Accepted: %d facts, %d entities; want 3, 4", len(a.Facts), len(a.Entities))
	}
	if _, ok := a.Entity("rafsanjani"); ok {
		t.Error("Accepted kept the draft person rafsanjani")
	}
	if _, ok := a.Fact("draft-who"); ok {
		t.Error("Accepted kept the draft fact draft-who")
	}
	if e, ok := a.Entity("rouhani"); !ok || e.Name != "Hassan Rouhani" {
		t.Errorf("Accepted lost rouhani: %+v", e)
	}
	if len(b.Facts) != 4 || len(b.Entities) != 5 {
		t.Error("Accepted changed the bank it was called on")
	}
	if _, ok := b.Entity("rafsanjani"); !ok {
		t.Error("the draft person is gone from the whole bank")
	}
}
