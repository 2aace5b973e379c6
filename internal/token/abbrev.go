package token

import (
	"strings"
	"unicode/utf8"
)

// abbreviations are words that keep their full stop: the stop does not end a
// sentence. Lower case, without the stop. Multi-part ones (z. B., u. a.,
// d. h.) are made of single letters, which are always abbreviations. The
// list is the project's own, checked against the abbreviation types of the
// German Punkt model that ships with gopkg.in/neurosnap/sentences.v1 (MIT).
var abbreviations = set(`
abb abg abs abt adr allg anm art aufl bd bearb bes betr bev bsp bspw bzgl bzw
ca chr co corp dipl dgl dr ebd ehem entspr erg etc ev evtl exkl fa fam ff fr
gebr gegr gem ges gest ggf hbf hl hr hrsg inc inkl insb ing jh jhd jr kap kath
kfm kgl lfd lt ltd max mdb mdl mind mio mrd mrz nachf nr nrn od orig pfd pkt
prof prov rd rel resp rev sen sog st std str tel tsd ugs urspr usf usw verf
verh vgl vj vs zb zt zzt zzgl tab abb bzgl jan feb mär apr jun jul aug sep sept okt nov dez
`)

// maxAbbrev is the byte length of the longest abbreviation above.
const maxAbbrev = 6

// terminalAbbreviations may end a sentence: "… und so weiter usw. Danach".
// After them a capitalised sentence starter opens a new sentence.
var terminalAbbreviations = set(`usw etc ff usf chr co inc ltd corp jr sen`)

// terminalPairs are two-part abbreviations that may end a sentence.
var terminalPairs = set(`e.v. v.chr. n.chr. a.d.`)

// sentenceStarters are words that typically open a German sentence; after a
// terminal abbreviation they decide the boundary. Inspired by the sentence
// starters of the German Punkt model (gopkg.in/neurosnap/sentences.v1).
var sentenceStarters = set(`
aber allerdings am auch außerdem bei beide da dabei dafür damals damit danach
daneben darin darüber das dass davon dazu dem den denn dennoch der deshalb des
die dies diese dieser dieses doch ebenso ein eine einer er es ferner ganz
gleichzeitig hier hingegen ich im immerhin in inzwischen jetzt man mit nach
nachdem nun ob obwohl schließlich seit so sie sonst später trotzdem und unter
vielmehr während was weder wenn wer wie wir wo zudem zwar
`)

// monthWords follow an ordinal date: "am 3. Oktober". Also words that
// follow ordinals at all: "15. Jahrhundert", "3. Liga".
var monthWords = set(`
januar jänner februar märz april mai juni juli august september oktober
november dezember jan feb mär apr jun jul aug sep sept okt nov dez
jahrhundert jahrhunderts jahrestag geburtstag spieltag spieltags liga bundesliga
platz runde etappe lesung sitzung stock klasse mal woche weltkrieg
`)

// ordinalContext are words after which "N." is an ordinal: "der 2. Bundesliga".
// clubPrefixes open club names after an ordinal: 1. FC Köln, 1. FSV
// Mainz 05. Case matters: they are looked up as written.
var clubPrefixes = map[string]bool{"FC": true, "FFC": true, "FSV": true, "SC": true, "SV": true,
	"TSV": true, "VfB": true, "VfL": true, "SSV": true, "TuS": true, "BC": true, "HC": true}

var ordinalContext = set(`
am vom zum im beim der die das dem den des dieses diesem gegen
ihr ihre ihrem ihren sein seine seinem seinen jeder jedem jeden
`)

func set(words string) map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// hasLower reports whether set holds s in lower case. ASCII words are
// lower-cased on the stack, so that a lookup does not allocate.
func hasLower(set map[string]bool, s string) bool {
	var buf [24]byte
	return set[string(appendLower(buf[:0], s))]
}

// appendLower appends s in lower case (as strings.ToLower) to dst.
func appendLower(dst []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return append(dst, strings.ToLower(s)...)
		}
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst
}
