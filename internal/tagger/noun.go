package tagger

import "github.com/schlagwort/schlagwort/internal/gazetteer"

// isNoun reports whether the folded word k is a German common noun: a
// listed noun or an inflected form of one, or a compound whose last part
// of at least four letters is one (Regierungssprecher, Ukrainekrieges).
// Surnames built like compounds (Hoffmann, Steinberg) count as nouns
// here: the rules that use this give up a name rather than guess wrong.
func (t *Tagger) isNoun(k []byte) bool {
	if t.nounForm(k) || nounSuffix(k) {
		return true
	}
	// The first part of a compound has at least three letters, four
	// before a last part of three (Werktag, Zentralbau; but Konrad).
	for p := 3; len(k)-p >= 3; p++ {
		if (p >= 4 || len(k)-p >= 4) && t.nounForm(k[p:]) {
			return true
		}
	}
	return false
}

// nounSuffixes end only nouns (folded): Überlastung, Verschwiegenheit,
// Variabilität, Thermoregulation, Topologie, Ergebnis, Moderator, and
// languages (auf Russisch).
var nounSuffixes = [...]string{"ung", "ungen", "heit", "heiten", "keit", "keiten",
	"schaft", "schaften", "itaet", "itaeten", "tion", "tionen", "sion", "sionen",
	"ismus", "ismen", "logie", "logien", "nis", "nisse", "nissen", "tum", "tuemer",
	"chen", "ment", "mente", "ments", "enz", "enzen", "anz", "anzen", "ator", "atoren", "eur", "eure", "euren", "isch"}

// nounSuffix reports a word of at least three letters before one of the
// nounSuffixes.
func nounSuffix(k []byte) bool {
	for _, suf := range nounSuffixes {
		if len(k) >= len(suf)+3 && string(k[len(k)-len(suf):]) == suf {
			return true
		}
	}
	return false
}

// nounForm reports whether k is a listed noun or one with an inflection
// ending.
func (t *Tagger) nounForm(k []byte) bool {
	if t.g.Nouns[string(k)] {
		return true
	}
	for _, e := range gazetteer.NounEndings {
		n := len(k) - len(e)
		if n >= 3 && string(k[n:]) == e && t.g.Nouns[string(k[:n])] {
			return true
		}
	}
	return t.latinPlural(k)
}

// latinPlural reports a plural in -en of a listed noun in -o, -um, -us or
// -a: Risiken, Museen (Museum), Zentren, Viren, Themen, Konten.
func (t *Tagger) latinPlural(k []byte) bool {
	n := len(k) - 2
	if n < 3 || n > 60 || string(k[n:]) != "en" {
		return false
	}
	var buf [64]byte
	stem := append(buf[:0], k[:n]...)
	for _, e := range [...]string{"o", "um", "us", "a"} {
		if t.g.Nouns[string(append(stem, e...))] {
			return true
		}
	}
	return false
}
