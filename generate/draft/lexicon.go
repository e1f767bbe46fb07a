package draft

import (
	"strings"
	"sync"
)

// titleHeads are the words that make a run of words before a name a title
// or role: "President", "foreign minister", "Sen.".
var titleHeads = set(`president vice-president president-elect minister leader chancellor king queen
prince princess emir sultan pope secretary-general secretary senator sen. representative rep.
congressman congresswoman governor gov. mayor speaker ambassador envoy spokesman spokeswoman
spokesperson general gen. admiral adm. commander chief director chairman chairwoman chair ceo
founder premier judge justice prosecutor adviser advisor official lawmaker head coach captain
professor prof. candidate negotiator diplomat correspondent analyst economist activist lawyer
attorney commissioner president-elect monarch dictator ayatollah cardinal archbishop bishop
mufti cleric colonel col. lieutenant lt. major maj. sergeant sgt. inspector superintendent
officer executive manager editor researcher scientist author minister-president
administrator barrister solicitor campaigner doctor nurse teacher historian
expert fellow partner owner member astronaut pilot engineer cfo coo chairperson physician surgeon
scientist spokesman medic presenter host anchor director-general deputy-director commander-in-chief
secretary-general ombudsman regulator inspector-general crown`)

// titleWords may stand in a title before or between its head words.
var titleWords = set(`supreme prime foreign deputy vice former acting interim chief top senior
national security defense defence interior finance economy economic health foreign affairs state
general executive then opposition party democratic republican presidential special of the
trade justice energy oil intelligence military army navy police public first grand high
environment education culture labour labor home internal external international regional
assistant associate managing principal lead parliamentary
shadow clinical medical media care wellbeing welfare immigration refugee human
rights legal policy programme program campaign communications press public senior junior chief`)

// honorifics go before a name but are not part of a role.
var honorifics = set(`ayatollah mr. mrs. ms. dr. sir dame sheikh rev. lord lady imam rabbi
hojatoleslam mullah mr mrs ms dr grand
prof. professor`)

// notNames are capitalised words that never start or make a name.
var notNames = set(`january february march april may june july august september october november
december jan. feb. mar. apr. jun. jul. aug. sep. sept. oct. nov. dec. jan feb mar apr jun jul
aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday the a an in on
at of for but and or as if when while after before this that these those it he she they we i
you his her their our its breaking news accessibility links share read more photo video
advertisement image copyright getty reuters ap afp related topics
republican republicans democrat democrats democratic labour conservative
conservatives liberal liberals tory tories green greens crown qc sc kc mp mps`)

// speechVerbs introduce what someone said.
var speechVerbs = set(`said says say told tells added adding adds claimed claims charged charges
stated states declared declares noted notes wrote writes asked asks warned warns insisted insists
argued argues explained explains announced announces tweeted tweets remarked remarks continued
continues stressed stresses urged urges replied replies answered answers responded responds
concluded concludes acknowledged acknowledges admitted admits predicted predicts recalled recalls
vowed vows promised promises suggested suggests told`)

// mediaWords after a name make it a publication: "The New Yorker magazine".
var mediaWords = set(`magazine newspaper daily weekly agency network channel broadcaster radio
television website news outlet`)

// set returns the set of the words in s, built on first use: every
// command would otherwise build the lexicon at start-up, and only new uses
// it.
func set(s string) func() map[string]bool {
	return sync.OnceValue(func() map[string]bool {
		m := map[string]bool{}
		for _, w := range strings.Fields(s) {
			m[w] = true
		}
		return m
	})
}

var months = map[string]int{
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
	"august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
	"oct": 10, "nov": 11, "dec": 12,
}

var weekdays = map[string]int{
	"sunday": 0, "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6,
}

// Words that make a capitalised name an organisation, a place or a thing
// rather than a person: "Kennedy Space Center", "Refugee Council",
// "Space Shuttle Columbia".
var orgWords = set(`department agency program programme council committee company party ministry
office institute foundation association society bank group corporation corp inc ltd airlines
church army navy force administration service services authority commission parliament congress
senate assembly government club team league union federation organization organisation court
police guard trust fund network press times post journal herald news magazine radio television
campaign charity board nhs bbc cnn uk`)

var placeWords = set(`center centre museum airport planetarium complex base station street road
river mountain mountains island islands lake ocean sea bay park square hall building tower bridge
city county province district hospital university college school stadium port harbour harbor
valley desert coast beach state states`)

var thingWords = set(`shuttle act bill prize award mission project plan festival cup orbiter
orbiters rover telescope science medicine satellite vaccine virus disease syndrome index quiz checker meals day
year week new`)

// titleAbbrev spells out abbreviated titles in a role.
var titleAbbrev = map[string]string{
	"sen.": "Senator", "gov.": "Governor", "rep.": "Representative", "gen.": "General",
	"adm.": "Admiral", "lt.": "Lieutenant", "col.": "Colonel", "pres.": "President",
	"sgt.": "Sergeant", "maj.": "Major", "prof.": "Professor", "capt.": "Captain",
}
