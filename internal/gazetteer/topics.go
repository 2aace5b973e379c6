package gazetteer

import (
	"bufio"
	"strings"
)

// TopicDef is one topic of the topic lexicon (topics.tsv): an IPTC Media
// Topic or a project topic, with the evidence that files an article under
// it. Word patterns are folded (lower case, umlauts spelt out): "wahl"
// matches words starting with it, "*wahl" words containing it, "=tor" the
// word alone; a pattern with spaces is a phrase of such prefixes.
type TopicDef struct {
	ID, Label, Parent string
	Words, Strong     []string
	Kinds, Sections   []string
	Pos               Pos
}

// readTopics parses topics.tsv: id<TAB>label<TAB>key=value…
func (l *loader) readTopics(data, name string) {
	sc := bufio.NewScanner(strings.NewReader(data))
	sc.Buffer(make([]byte, 0, 64<<10), maxLine)
	for line := 1; sc.Scan(); line++ {
		text := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(text) == "" || text[0] == '#' {
			continue
		}
		pos := Pos{File: name, Line: int32(line)}
		if t := parseTopic(text, pos, &l.errs); t != nil {
			l.addTopic(t)
		}
	}
}

func parseTopic(text string, pos Pos, errs *ErrorList) *TopicDef {
	f := strings.Split(text, "\t")
	if len(f) < 2 || f[0] == "" || strings.TrimSpace(f[1]) == "" {
		errs.add(pos, "want id<TAB>label<TAB>key=value…")
		return nil
	}
	if !topicPattern.MatchString(f[0]) {
		errs.add(pos, "bad topic id %q: want a qcode like medtop:11000000 or sw:wahlen", f[0])
		return nil
	}
	t := &TopicDef{ID: f[0], Label: strings.TrimSpace(f[1]), Pos: pos}
	for _, kv := range f[2:] {
		key, val, ok := strings.Cut(kv, "=")
		list := splitList(val)
		switch {
		case !ok:
			errs.add(pos, "field %q is not key=value", kv)
		case key == "parent":
			t.Parent = val
		case key == "words":
			t.Words = list
		case key == "strong":
			t.Strong = list
		case key == "kinds":
			t.Kinds = list
		case key == "sections":
			t.Sections = list
		default:
			errs.add(pos, "unknown topic field %s= (want parent, words, strong, kinds or sections)", key)
		}
	}
	return t
}

// splitList splits a |-list, dropping empty entries.
func splitList(val string) []string {
	var out []string
	for _, s := range strings.Split(val, "|") {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// addTopic stores t, replacing a topic of an earlier layer with its id.
func (l *loader) addTopic(t *TopicDef) {
	for i, old := range l.g.Topics {
		if old.ID == t.ID {
			l.g.Topics[i] = t
			return
		}
	}
	l.g.Topics = append(l.g.Topics, t)
}

// MaxTopicLetters bounds the letters of all word patterns of the topic
// lexicon (the classifier's tables use 16-bit node numbers).
const MaxTopicLetters = 1<<16 - 1

// checkTopics reports topics whose parent is unknown or whose parents
// loop, and a lexicon too large for the classifier.
func (l *loader) checkTopics() {
	letters := 0
	for _, t := range l.g.Topics {
		for _, w := range append(append([]string(nil), t.Words...), t.Strong...) {
			letters += len(w)
		}
	}
	if letters > MaxTopicLetters && len(l.g.Topics) > 0 {
		l.errs.add(l.g.Topics[0].Pos, "the topic lexicon has %d letters of word patterns; at most %d fit", letters, MaxTopicLetters)
	}
	byID := make(map[string]*TopicDef, len(l.g.Topics))
	for _, t := range l.g.Topics {
		byID[t.ID] = t
	}
	for _, t := range l.g.Topics {
		if t.Parent != "" && byID[t.Parent] == nil {
			l.errs.add(t.Pos, "topic %s: parent=%s is no topic", t.ID, t.Parent)
			continue
		}
		seen := map[string]bool{}
		for p := t; p != nil && p.Parent != ""; p = byID[p.Parent] {
			if seen[p.ID] {
				l.errs.add(t.Pos, "topic %s: its parents form a loop", t.ID)
				break
			}
			seen[p.ID] = true
		}
	}
}
