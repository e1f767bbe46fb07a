package draft

import "strings"

// irregular maps the past tense of irregular verbs to their base form.
var irregular = map[string]string{
	"said": "say", "told": "tell", "took": "take", "made": "make", "gave": "give", "went": "go",
	"came": "come", "saw": "see", "knew": "know", "thought": "think", "brought": "bring",
	"bought": "buy", "fought": "fight", "caught": "catch", "taught": "teach", "sought": "seek",
	"held": "hold", "kept": "keep", "left": "leave", "felt": "feel", "met": "meet", "led": "lead",
	"sent": "send", "spent": "spend", "built": "build", "lent": "lend", "meant": "mean",
	"paid": "pay", "laid": "lay", "stood": "stand", "understood": "understand", "won": "win",
	"lost": "lose", "began": "begin", "became": "become", "ran": "run", "sat": "sit",
	"spoke": "speak", "broke": "break", "chose": "choose", "wrote": "write", "drove": "drive",
	"rode": "ride", "rose": "rise", "fell": "fall", "struck": "strike", "stuck": "stick",
	"hung": "hang", "sang": "sing", "swam": "swim", "drank": "drink", "ate": "eat", "got": "get",
	"forgot": "forget", "found": "find", "flew": "fly", "grew": "grow", "threw": "throw",
	"drew": "draw", "hid": "hide", "shook": "shake", "woke": "wake", "wore": "wear", "tore": "tear",
	"swore": "swear", "froze": "freeze", "stole": "steal", "sold": "sell", "fled": "flee",
	"fed": "feed", "bred": "breed", "slid": "slide", "spun": "spin", "dug": "dig", "shot": "shoot",
	"withdrew": "withdraw", "undertook": "undertake", "overthrew": "overthrow", "arose": "arise",
	"forbade": "forbid", "forgave": "forgive", "sank": "sink", "sprang": "spring", "dealt": "deal",
	"knelt": "kneel", "slept": "sleep", "swept": "sweep", "wept": "weep", "had": "have",
	"did": "do", "heard": "hear", "read": "read", "put": "put", "set": "set", "cut": "cut",
	"hit": "hit", "let": "let", "shut": "shut", "cost": "cost", "quit": "quit", "hurt": "hurt",
	"spread": "spread", "bet": "bet", "upheld": "uphold", "overtook": "overtake", "foresaw": "foresee",
	"mistook": "mistake", "oversaw": "oversee", "withheld": "withhold", "bore": "bear",
	"beat": "beat", "bound": "bind", "fit": "fit", "lit": "light", "bit": "bite", "shone": "shine",
	"sped": "speed", "strove": "strive", "wound": "wind", "added": "add", "focused": "focus",
	"quoted": "quote", "invited": "invite", "united": "unite", "excited": "excite", "cited": "cite",
	"completed": "complete", "deleted": "delete", "competed": "compete", "promoted": "promote",
	"devoted": "devote", "postponed": "postpone", "interfered": "interfere", "ignored": "ignore",
	"restored": "restore", "explored": "explore", "scored": "score", "persuaded": "persuade",
	"guided": "guide", "arranged": "arrange", "changed": "change", "exchanged": "exchange",
	"challenged": "challenge", "ranged": "range", "died": "die", "lied": "lie", "tied": "tie",
	"welcomed": "welcome", "adhered": "adhere", "deplored": "deplore",
}

// baseForm returns the base form of an English past-tense verb ("denied"
// → "deny", "imposed" → "impose"), and whether it is sure of it; the
// caller asks the question another way when it is not.
func baseForm(past string) (string, bool) {
	w := strings.ToLower(past)
	if b, ok := irregular[w]; ok {
		return b, true
	}
	if !strings.HasSuffix(w, "ed") || len(w) < 4 {
		return "", false
	}
	stem := w[:len(w)-2]
	switch {
	case strings.HasSuffix(w, "ied"):
		return w[:len(w)-3] + "y", true
	case strings.HasSuffix(w, "eed") && !strings.HasSuffix(w, "eeded"):
		return w[:len(w)-1], true // agreed → agree
	}
	n := len(stem)
	last := stem[n-1]
	// A doubled final consonant: stopped → stop (but passed, called, added).
	if n >= 3 && stem[n-2] == last && !strings.ContainsRune("aeiouslfz", rune(last)) {
		return stem[:n-1], true
	}
	if n >= 4 && strings.HasSuffix(stem, "ll") && (strings.HasSuffix(stem, "ell") || strings.HasSuffix(stem, "oll")) && syllables(stem) > 1 {
		return stem[:n-1], true // cancelled → cancel, controlled → control
	}
	e := stem + "e"
	switch {
	case strings.ContainsRune("wxy", rune(last)), strings.HasSuffix(stem, "ss"), strings.HasSuffix(stem, "ll"):
		return stem, true // allowed, fixed, played, passed, called
	case strings.ContainsRune("cvzu", rune(last)):
		return e, true // announced, approved, seized, continued
	case strings.HasSuffix(stem, "rg"), strings.HasSuffix(stem, "dg"):
		return e, true // charged, acknowledged
	case last == 's':
		return e, true // imposed, raised, caused, accused
	case last == 'l' && n >= 2 && !strings.ContainsRune("aeioulrw", rune(stem[n-2])):
		return e, true // handled, settled
	case last == 'h', last == 'k' && stem[n-2] == 'c':
		return stem, true // reached, attacked
	}
	v := vowelRun(stem)
	switch {
	case v == "":
		return stem, true
	case (v == "ia" || v == "ua" || v == "ea" && stem == "creat") && endsVowelConsonant(stem):
		return e, true // negotiated, evaluated, persuaded, created
	case len(v) > 1 && !(v[0] == 'u' && n >= len(v)+2 && strings.ContainsRune("gq", rune(stem[n-len(v)-2]))):
		return stem, true // claimed, appeared, treated
	case !endsVowelConsonant(stem):
		return stem, true // wanted, started, helped, warned
	case syllables(stem) == 1:
		return e, true // voted, ruled, named, hoped
	}
	// Several syllables, ending vowel + consonant: by the ending.
	switch stem[n-2:] {
	case "at", "ut", "ar", "ir", "ur", "in", "id", "ud", "ad", "od", "ib", "ag", "ig", "om", "um", "il", "ol", "ok", "ak", "ik", "uk", "ap":
		return e, true // created, executed, declared, required, secured, defined, decided, described, managed, welcomed, compiled
	case "er", "en", "on", "it", "et", "el", "al", "op", "or", "an":
		return stem, true // entered, opened, visited, targeted, travelled, developed, monitored
	}
	return "", false
}

func isVowel(c byte) bool { return strings.IndexByte("aeiou", c) >= 0 }

// vowelRun returns the vowels just before the final consonant of s.
func vowelRun(s string) string {
	i := len(s) - 1
	for i >= 0 && !isVowel(s[i]) {
		i--
	}
	j := i
	for j >= 0 && isVowel(s[j]) {
		j--
	}
	return s[j+1 : i+1]
}

func endsVowelConsonant(s string) bool {
	n := len(s)
	return n >= 2 && !isVowel(s[n-1]) && isVowel(s[n-2])
}

// syllables counts vowel groups, roughly.
func syllables(s string) int {
	n := 0
	prev := false
	for i := 0; i < len(s); i++ {
		v := isVowel(s[i]) || (s[i] == 'y' && i > 0)
		if v && !prev {
			n++
		}
		prev = v
	}
	return n
}
