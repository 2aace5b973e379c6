package gazetteer

import (
	"bufio"
	"io/fs"
	"path"
	"strings"

	"github.com/schlagwort/schlagwort/internal/fold"
)

// NounEndings are the inflection endings the tagger removes to find a
// listed noun (Jahres → Jahr, Gipfeln → Gipfel, Ministerinnen →
// Ministerin); lexicon/nouns.txt lists only the forms they do not derive.
// Not -er and -ern: Kinder is listed, so that Berger, Steiner and Huber
// do not pass for forms of Berg, Stein and Hub.
var NounEndings = [...]string{"s", "es", "e", "n", "en", "nen", "ns"}

// readLexicons reads the word lists under lexicon/ that a layer has. It
// hashes them at once, in order, but fills the lists in the background,
// after the layer before has filled its own, while the next layer is
// read: folding the words takes a third of loading the default layer.
func (l *loader) readLexicons(layer Layer) {
	lists := []struct {
		file string
		fill func(section, key string)
	}{
		{"lexicon/given-names.txt", func(_, k string) { l.g.GivenNames[k] = true }},
		{"lexicon/person-titles.txt", func(_, k string) { l.g.PersonTitles[k] = true }},
		{"lexicon/nouns.txt", func(_, k string) { l.g.Nouns = append(l.g.Nouns, k) }},
		{"lexicon/nouns-thesaurus.txt", func(_, k string) { l.g.Nouns = append(l.g.Nouns, k) }},
		{"lexicon/words-thesaurus.txt", func(_, k string) { l.g.Words[k] = true }},
		{"lexicon/org-words.txt", func(section, k string) {
			if section == "legal-forms" {
				l.g.LegalForms[k] = true
			} else {
				l.g.OrgHeads[k] = true
			}
		}},
	}
	var fills []func()
	for _, list := range lists {
		data, err := fs.ReadFile(layer.FS, list.file)
		if err != nil {
			continue // a layer need not carry every list
		}
		l.hash.Write([]byte(path.Join(layer.Name, list.file)))
		l.hash.Write(data)
		fills = append(fills, func() { readList(string(data), list.fill) })
	}
	before, done := l.lexicons, make(chan struct{})
	l.lexicons = done
	go func() {
		defer close(done)
		if before != nil {
			<-before
		}
		for _, fill := range fills {
			fill()
		}
	}()
}

// readList calls fill for every entry; a comment line "# name" names the
// section of the entries after it.
func readList(data string, fill func(section, key string)) {
	section := ""
	sc := bufio.NewScanner(strings.NewReader(data))
	for sc.Scan() {
		text := strings.TrimSpace(sc.Text())
		switch {
		case text == "":
		case text[0] == '#':
			section = strings.TrimSpace(strings.TrimLeft(text, "#"))
		default:
			fill(section, legalKey(text))
		}
	}
}

// legalKey folds an entry. For multi-word entries ("GmbH & Co. KG",
// "e. V.") the last word is kept: that is the token a name ends with.
func legalKey(s string) string {
	f := strings.Fields(s)
	return fold.Key(f[len(f)-1])
}
