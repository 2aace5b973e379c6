package tagger_test

import "testing"

// TestIsNoun checks the noun test behind the unknown-name rule: listed
// nouns, their inflected and irregular forms, compounds, noun endings —
// and names, which must not pass for nouns.
func TestIsNoun(t *testing.T) {
	for _, tc := range []struct {
		word string
		want bool
	}{
		{"Haus", true},
		{"Hauses", true},              // an ending removed
		{"Häuser", true},              // an irregular plural, listed
		{"Jahres", true},              // genitive -es
		{"Regierungssprechers", true}, // a compound, inflected
		{"Werktag", true},             // a three-letter last part after four letters
		{"Überlastung", true},         // -ung
		{"Aroma", true},               // from the thesaurus list
		{"Russisch", true},            // a language
		{"Okonkwo", false},
		{"Merkel", false},
		{"Whitcombe", false},
		{"Konrad", false},     // Rad after only three letters is no compound
		{"Harrison", false},   // a short last part needs a first part that is a word
		{"Sullivan", false},   // (Son, Van)
		{"Lehmann", false},    // (Mann after leh-)
		{"Berger", false},     // bergen + -er alone is no noun
		{"Leitzins", true},    // leit- of leiten
		{"Weltcupsieg", true}, // Weltcup- is a compound itself
		{"Nachlader", true},   // nach + laden + -er
		{"Zukäufen", true},    // a two-letter particle before Käufe
		{"Homöopathie", true}, // -pathie
		{"Glock", false},
	} {
		if got := defaultTagger().IsNoun(tc.word); got != tc.want {
			t.Errorf("IsNoun(%q) = %v, want %v", tc.word, got, tc.want)
		}
	}
}
