package draft

import "testing"

// TestBaseForm: past tenses from news writing, with their base forms
// written out by hand.
func TestBaseForm(t *testing.T) {
	for past, want := range map[string]string{
		"said": "say", "denied": "deny", "imposed": "impose", "pulled": "pull", "rejected": "reject",
		"ruled": "rule", "charged": "charge", "claimed": "claim", "announced": "announce",
		"stopped": "stop", "admitted": "admit", "planned": "plan", "passed": "pass", "called": "call",
		"agreed": "agree", "needed": "need", "continued": "continue", "played": "play",
		"approved": "approve", "seized": "seize", "handled": "handle", "reached": "reach",
		"attacked": "attack", "voted": "vote", "named": "name", "hoped": "hope", "created": "create",
		"executed": "execute", "declared": "declare", "required": "require", "secured": "secure",
		"defined": "define", "decided": "decide", "described": "describe", "managed": "manage",
		"entered": "enter", "opened": "open", "visited": "visit", "developed": "develop",
		"cancelled": "cancel", "controlled": "control", "emerged": "emerge", "waited": "wait",
		"treated": "treat", "warned": "warn", "started": "start", "helped": "help",
		"established": "establish", "finalized": "finalize", "touched": "touch", "wrote": "write",
		"accused": "accuse", "caused": "cause", "raised": "raise", "allowed": "allow", "fixed": "fix",
		"signed": "sign", "launched": "launch", "arrested": "arrest", "killed": "kill",
		"included": "include", "concluded": "conclude", "traded": "trade", "targeted": "target",
		"ordered": "order", "offered": "offer", "compared": "compare", "prepared": "prepare",
		"invoked": "invoke", "liked": "like", "talked": "talk", "returned": "return",
		"threatened": "threaten", "mentioned": "mention", "combined": "combine", "urged": "urge",
		"tried": "try", "died": "die", "focused": "focus", "guided": "guide", "added": "add",
		"expressed": "express", "managed to": "", "overthrew": "overthrow", "rimposed": "rimpose", "negotiated": "negotiate", "evaluated": "evaluate", "guarded": "guard", "defeated": "defeat",
	} {
		got, ok := baseForm(past)
		if want == "" {
			if ok {
				t.Errorf("baseForm(%q) = %q, want no answer", past, got)
			}
			continue
		}
		if !ok || got != want {
			t.Errorf("baseForm(%q) = %q, %v; want %q", past, got, ok, want)
		}
	}
}
