// Package tagger links the people, places and organisations a German
// article mentions to gazetteer entities, finds unknown ones as candidates,
// and scores their salience.
package tagger

import (
	"fmt"
	"sync"
	"unicode/utf8"

	"github.com/schlagwort/schlagwort/internal/gazetteer"
	"github.com/schlagwort/schlagwort/internal/match"
	"github.com/schlagwort/schlagwort/internal/tagging"
	"github.com/schlagwort/schlagwort/internal/topic"
)

// MaxArticleBytes is the default limit on title plus body.
const MaxArticleBytes = 1 << 20

// Tagger tags articles against one gazetteer. It is safe for concurrent use.
type Tagger struct {
	g     *gazetteer.Gazetteer
	ix    *match.Index
	short shortIndex        // person entity -> token ids of its short form
	class []wordClass       // by vocabulary id: the lexicon classes of the word; lexicon words have the lowest ids
	cues  *cueIndex         // cue words of the entity kinds
	topic *topic.Classifier // files the article under topics
	nouns nounSet           // the gazetteer's nouns, see isNoun
	pool  sync.Pool         // *state, reused across calls
}

// New builds the match index for g.
func New(g *gazetteer.Gazetteer) *Tagger {
	n := 0
	for _, e := range g.Entities {
		n += e.NumAliases()
	}
	b := match.NewBuilder(n)
	for name := range g.GivenNames {
		b.Protect(name)
	}
	// The lexicon's words come first, so that they take the lowest ids
	// and the classes need an entry for them only, not for every word.
	words := lexiconWords(g, b)
	b.AddAll(len(g.Entities), func(i int, dst []match.Alias) []match.Alias {
		// A record is at most 64 KB: its alias indexes fit 16 bits.
		for j, a := range g.Entities[i].Aliases() {
			dst = append(dst, match.Alias{Entity: int32(i), Index: uint16(j), Text: a.Text, Common: a.Common})
		}
		return dst
	})
	t := &Tagger{g: g, ix: b.Build(), nouns: newNounSet(g.Nouns)}
	t.class = lexiconClasses(words)
	t.short = shortForms(g, t.ix)
	t.cues = newCueIndex(g)
	t.topic = topic.New(g.Topics)
	t.pool.New = func() any { return new(state) }
	return t
}

// Gazetteer returns the gazetteer the tagger links to.
func (t *Tagger) Gazetteer() *gazetteer.Gazetteer { return t.g }

// Tag tags one article. It fails with a tagging.Error (code EInvalid) for an
// article without text or with invalid UTF-8, and ETooLarge above
// MaxArticleBytes.
func (t *Tagger) Tag(a *tagging.Article) (tagging.Result, error) {
	if err := Validate(a, MaxArticleBytes); err != nil {
		return tagging.Result{}, err
	}
	s := t.pool.Get().(*state)
	defer t.pool.Put(s)
	s.reset(t, a)
	s.run()
	ents := s.entities()
	topics := t.topic.Classify(s.topicInput(ents))
	return tagging.Result{ArticleID: a.ID, Entities: ents, Topics: topics, GazetteerVersion: t.g.Version}, nil
}

// Validate checks what every tagging path requires of an article: UTF-8 in
// every text field, some text, and the size limit.
func Validate(a *tagging.Article, maxBytes int) error {
	if err := checkUTF8(a); err != nil {
		return err
	}
	if isBlank(a.Title) && isBlank(a.Body) {
		return tagging.Errorf(tagging.EInvalid, "body", "article has neither title nor body text")
	}
	return CheckSize(a, maxBytes)
}

// checkUTF8 names the first field that is not UTF-8 and the byte where it
// goes wrong.
func checkUTF8(a *tagging.Article) error {
	fields := [...]struct{ name, text string }{{"id", a.ID}, {"title", a.Title}, {"body", a.Body}, {"section", a.Section}, {"url", a.URL}}
	for _, f := range fields {
		if err := CheckUTF8(f.name, f.text); err != nil {
			return err
		}
	}
	for i, au := range a.Authors {
		if err := CheckUTF8(fmt.Sprintf("authors[%d]", i), au); err != nil {
			return err
		}
	}
	return nil
}

// CheckUTF8 returns an EInvalid error for field if s is not UTF-8, naming
// the first byte that is not.
func CheckUTF8(field, s string) error {
	if utf8.ValidString(s) {
		return nil
	}
	return tagging.Errorf(tagging.EInvalid, field, "invalid UTF-8 at byte %d", invalidAt(s))
}

// CheckSize checks title plus body against a size limit; Validate does it
// too, against the limit it is given.
func CheckSize(a *tagging.Article, maxBytes int) error {
	if n := len(a.Title) + len(a.Body); n > maxBytes {
		return tagging.Errorf(tagging.ETooLarge, "body", "title and body are %d bytes, limit is %d", n, maxBytes)
	}
	return nil
}

func invalidAt(s string) int {
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return -1
}

func isBlank(s string) bool {
	for _, r := range s {
		if r != ' ' && r != '\t' && r != '\n' && r != '\r' && r != '\u00a0' {
			return false
		}
	}
	return true
}

// Stats describes the size of the match index.
func (t *Tagger) Stats() string { return t.ix.Stats() }
