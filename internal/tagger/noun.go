package tagger

import "github.com/schlagwort/schlagwort/internal/gazetteer"

// isNoun reports whether the folded word k is a German common noun: a
// listed noun or an inflected form of one (Jahres, Risiken), or a compound
// whose last part is one (Regierungssprecher, Ukrainekrieges), or a word
// with a noun suffix (Überlastung). Surnames built like compounds
// (Hoffmann, Steinberg) count as nouns here: the rules that use this give
// up a name rather than guess wrong.
//
// Where the last part of a compound may start is compoundStart's, what
// may come before it firstPart's. The lookups hash from the end of the
// word, so that one pass over it gives the hash of every last part (see
// nounSet and anyPart).
func (t *Tagger) isNoun(k []byte) bool {
	if nounSuffix(k) || t.anyPart(k, len(k), 0, nil) {
		return true
	}
	for _, e := range gazetteer.NounEndings {
		if n := len(k) - len(e); n >= 3 && string(k[n:]) == e && t.anyPart(k, n, len(e), nil) {
			return true
		}
	}
	if n := len(k) - 2; n >= 3 && n <= 60 && string(k[n:]) == "en" { // Risiken, Zentren, Viren, Themen
		for _, r := range latinSingulars {
			if t.anyPart(k, n, 2, r) {
				return true
			}
		}
	}
	return t.agentNoun(k)
}

// agentNoun reports a compound whose last part is a verb stem and -er:
// Nachlader (laden), Ballspieler. Alone such words are listed or names
// (Berger is no noun of bergen).
func (t *Tagger) agentNoun(k []byte) bool {
	n := len(k) - 2
	if n < 3 || string(k[n:]) != "er" {
		return false
	}
	for p := 3; n-p >= 3; p++ {
		if compoundStart(p, len(k)) && t.verbStem(k[p:n]) && t.firstPart(k[:p]) {
			return true
		}
	}
	return false
}

// latinSingulars end the singulars of plurals in -en: Risiko, Zentrum,
// Virus, Thema.
var latinSingulars = [][]byte{[]byte("o"), []byte("um"), []byte("us"), []byte("a")}

// nounSuffixes end only nouns (folded): Überlastung, Verschwiegenheit,
// Variabilität, Thermoregulation, Topologie, Ergebnis, Moderator,
// Homöopathie, Mediathek, and languages (auf Russisch); not -ik (Bubik).
var nounSuffixes = [...]string{"ung", "ungen", "heit", "heiten", "keit", "keiten",
	"schaft", "schaften", "itaet", "itaeten", "tion", "tionen", "sion", "sionen",
	"ismus", "ismen", "logie", "logien", "nis", "nisse", "nissen", "tum", "tuemer",
	"chen", "ment", "mente", "ments", "enz", "enzen", "anz", "anzen", "ator", "atoren", "eur", "eure", "euren", "isch",
	"pathie", "pathien", "grafie", "graphie", "nomie", "sophie", "thek", "theken"}

// nounSuffix reports a word of at least three letters before one of the
// nounSuffixes.
func nounSuffix(k []byte) bool {
	if len(k) < 5 {
		return false
	}
	for _, suf := range nounSuffixesByLast[k[len(k)-1]] {
		if len(k) >= len(suf)+3 && string(k[len(k)-len(suf):]) == suf {
			return true
		}
	}
	return false
}

// nounSuffixesByLast holds the nounSuffixes by their last byte: a word is
// compared with the few that end like it.
var nounSuffixesByLast = func() (by [256][]string) {
	for _, suf := range nounSuffixes {
		by[suf[len(suf)-1]] = append(by[suf[len(suf)-1]], suf)
	}
	return by
}()

// nounSet holds the listed nouns as 64-bit hashes in an open-addressing
// table. A key is hashed from its last byte to its first, so hashing a
// word backwards passes through the hash of each of its endings.
type nounSet struct {
	slots []uint64 // 0 is empty
	shift uint
}

const (
	nounSeed  = 14695981039346656037 // FNV-1a offset basis
	nounPrime = 1099511628211
)

func newNounSet(nouns []string) nounSet {
	bits := uint(4)
	for 1<<bits < 2*len(nouns) {
		bits++
	}
	s := nounSet{slots: make([]uint64, 1<<bits), shift: 64 - bits}
	for _, n := range nouns {
		s.add(hashBack(nounSeed, []byte(n)) | 1)
	}
	return s
}

// hashBack continues h over b from its last byte to its first. A set key
// is the hash with its lowest bit set: never 0, the empty slot.
func hashBack(h uint64, b []byte) uint64 {
	for i := len(b) - 1; i >= 0; i-- {
		h = (h ^ uint64(b[i])) * nounPrime
	}
	return h
}

func (s *nounSet) add(h uint64) {
	mask := uint64(len(s.slots) - 1)
	for i := (h * 0x9E3779B97F4A7C15) >> s.shift; ; i = (i + 1) & mask {
		switch s.slots[i] {
		case h:
			return
		case 0:
			s.slots[i] = h
			return
		}
	}
}

func (s *nounSet) has(h uint64) bool {
	mask := uint64(len(s.slots) - 1)
	for i := (h * 0x9E3779B97F4A7C15) >> s.shift; ; i = (i + 1) & mask {
		switch s.slots[i] {
		case h:
			return true
		case 0:
			return false
		}
	}
}

// anyPart reports whether, with the last cut bytes of k replaced by repl
// (n = len(k)-cut), the whole word or a last part of a compound is a
// listed noun: k[p:n]+repl for p = 0 and the compound starts p, where the
// part k[p:n] keeps at least three letters. A last part of three or four
// letters counts only after a first part that can open a compound
// (Werktag, Zentralbau, Kaufmann; but not Harrison, Sullivan, Lehmann).
func (t *Tagger) anyPart(k []byte, n, cut int, repl []byte) bool {
	s := &t.nouns
	if len(s.slots) == 0 {
		return false
	}
	h := hashBack(nounSeed, repl)
	for p := n - 1; p >= 0; p-- {
		h = (h ^ uint64(k[p])) * nounPrime
		if n-p >= 3 && compoundStart(p, len(k)) && s.has(h|1) &&
			(p == 0 || p > 2 && len(k)-p > 4 || t.firstPart(k[:p])) {
			return true
		}
	}
	return false
}

// firstPart reports whether x can open a compound: a noun, itself
// perhaps a compound (Weltcup-), also with a linking -s, -es, -n, -en or
// -e (Urlaubs-, Regierungs-); another German word (zentral), a verb stem
// (Lehr-, Leit-) or a particle (Nach-, Haupt-).
func (t *Tagger) firstPart(x []byte) bool {
	if compoundParticles[string(x)] {
		return true // also the two-letter ones: Zukauf, Abbau, Anlass
	}
	if len(x) < 3 {
		return false
	}
	if t.word(x) || t.isNoun(x) {
		return true
	}
	for _, e := range [...]string{"s", "es", "n", "en", "e"} {
		if n := len(x) - len(e); n >= 3 && string(x[n:]) == e && t.isNoun(x[:n]) {
			return true
		}
	}
	return false
}

// word reports a German word other than a noun, or the stem of a verb in
// -en or -n (lehr of lehren).
func (t *Tagger) word(x []byte) bool {
	return t.g.Words[string(x)] || t.verbStem(x)
}

// verbStem reports the stem of a listed verb in -en or -n.
func (t *Tagger) verbStem(x []byte) bool {
	if len(x) > 60 {
		return false
	}
	var buf [64]byte
	stem := append(buf[:0], x...)
	return t.g.Words[string(append(stem, "en"...))] || t.g.Words[string(append(stem[:len(x)], 'n'))]
}

// compoundParticles open compounds without being words on their own.
var compoundParticles = wordSet(`nach vor ab an auf aus ein mit zu um über unter hinter haupt welt
	neben gegen durch wieder rück vorder ober nieder hoch tief groß klein`)

// compoundStart reports whether a word of length l may be read from p:
// the whole word, or a last part after a first part of three letters or
// more, four before a last part of three, or of four letters or more
// after a first part of two (which anyPart checks is a particle).
func compoundStart(p, l int) bool {
	return p == 0 || p >= 3 && l-p >= 3 && (p >= 4 || l-p >= 4) || p == 2 && l-p >= 4
}
