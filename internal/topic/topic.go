// Package topic files an article under topics of the IPTC Media Topics
// vocabulary from the evidence in the topic lexicon: German words and
// phrases (with their inflections and compounds), the kinds and topic hints
// of the entities the article mentions, and the newsroom section.
package topic

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"sync"

	"github.com/schlagwort/schlagwort/internal/fold"
	"github.com/schlagwort/schlagwort/internal/gazetteer"
	"github.com/schlagwort/schlagwort/internal/tagging"
)

// Evidence weights and score shape. A topic's raw evidence r becomes the
// score 1 - exp(-r/scale): r = scale gives 0.63. Documented in the README.
const (
	wWord      = 1.0  // a lexicon word, first occurrence in the tail
	wRepeat    = 0.25 // each further occurrence of the same word (at most 3)
	wEntity    = 1.0  // an entity of a listed kind, times (0.5 + salience)
	wHint      = 1.5  // an entity whose gazetteer record names the topic
	wSection   = 3.0  // the section the CMS sent
	scale      = 6.0
	threshold  = 0.5 // topics below this score are not returned
	relative   = 0.5 // nor topics with less than this share of the best one's evidence
	maxTop     = 3   // top-level topics per article at most
	maxFiner   = 3   // finer topics per article at most
	maxReasons = 6   // evidence items reported per topic
)

// Word is one word of the article with the weight of its place: title
// words count more than lead words, lead words more than the tail.
type Word struct {
	Key    []byte // folded key (fold.AppendKey)
	Weight float64
}

// Entity is an entity the article mentions.
type Entity struct {
	ID       string
	Kind     string
	Topics   []string // topic hints from the gazetteer
	Salience float64
}

// Input is what the classifier reads of an article.
type Input struct {
	Section  string
	Words    []Word
	Entities []Entity
}

// Classifier is immutable and safe for concurrent use.
type Classifier struct {
	pool     sync.Pool // *tally
	topics   []node
	children [][]int // by top level: all topics below it
	byID     map[string]int
	words    *matcher
	kinds    map[string][]int // entity kind -> topics
	sections map[string][]int // folded section -> topics
}

// node is one topic of the taxonomy.
type node struct {
	id, label string
	parent    int // -1 for a top level
	top       int // index of the top-level ancestor
}

// New builds the classifier from the gazetteer's topic lexicon.
func New(defs []*gazetteer.TopicDef) *Classifier {
	c := &Classifier{byID: map[string]int{}, kinds: map[string][]int{}, sections: map[string][]int{}, words: newMatcher()}
	for i, d := range defs {
		c.byID[d.ID] = i
		c.topics = append(c.topics, node{id: d.ID, label: d.Label, parent: -1})
	}
	for i, d := range defs {
		if p, ok := c.byID[d.Parent]; ok && d.Parent != "" {
			c.topics[i].parent = p
		}
		c.index(i, d)
	}
	c.words.infix.build()
	c.words.start.seal()
	c.children = make([][]int, len(c.topics))
	for i := range c.topics {
		c.topics[i].top = c.topLevel(i)
		if top := c.topics[i].top; top != i {
			c.children[top] = append(c.children[top], i)
		}
	}
	return c
}

func (c *Classifier) index(i int, d *gazetteer.TopicDef) {
	for _, w := range d.Words {
		c.words.add(w, i, wWord)
	}
	for _, w := range d.Strong {
		c.words.add(w, i, 2*wWord)
	}
	for _, k := range d.Kinds {
		c.kinds[k] = append(c.kinds[k], i)
	}
	for _, s := range d.Sections {
		k := fold.Key(s)
		c.sections[k] = append(c.sections[k], i)
	}
}

// topLevel follows parents to the top (bounded, the loader rejects loops).
func (c *Classifier) topLevel(i int) int {
	for n := 0; c.topics[i].parent >= 0 && n < 32; n++ {
		i = c.topics[i].parent
	}
	return i
}

// Len returns the number of topics.
func (c *Classifier) Len() int { return len(c.topics) }

// tally collects the evidence of one article. Reasons are kept as
// pattern ids and only turned into text for the topics returned. Tallies
// are pooled: an article's classification allocates little but its result.
type tally struct {
	raw      []float64
	total    []float64  // by topic: raw plus the raw of the topics below
	idx      []int      // scratch of best
	patterns [][]int32  // by topic: first patterns found
	reasons  [][]string // by topic: entities and section
	count    []uint8    // by pattern: occurrences so far (saturating)
	hits     []int32    // patterns with count > 0, to reset count
	ids      []int32    // scratch of scan
}

func (c *Classifier) getTally() *tally {
	t, _ := c.pool.Get().(*tally)
	if t == nil {
		n := len(c.topics)
		t = &tally{raw: make([]float64, n), total: make([]float64, n), patterns: make([][]int32, n), reasons: make([][]string, n),
			count: make([]uint8, len(c.words.patterns))}
	}
	return t
}

// putTally clears t and returns it to the pool.
func (c *Classifier) putTally(t *tally) {
	clear(t.raw)
	for i := range t.patterns {
		t.patterns[i] = t.patterns[i][:0]
		t.reasons[i] = t.reasons[i][:0]
	}
	for _, id := range t.hits {
		t.count[id] = 0
	}
	t.hits = t.hits[:0]
	c.pool.Put(t)
}

// addPattern adds word evidence; id < 0 adds weight only.
func (t *tally) addPattern(topic int, w float64, id int32) {
	t.raw[topic] += w
	if id >= 0 && len(t.patterns[topic]) < maxReasons {
		t.patterns[topic] = append(t.patterns[topic], id)
	}
}

func (t *tally) add(topic int, w float64, reason string) {
	t.raw[topic] += w
	if len(t.reasons[topic]) < maxReasons && !contains(t.reasons[topic], reason) {
		t.reasons[topic] = append(t.reasons[topic], reason)
	}
}

// evidence names the reasons of topic i and of its finer topics when i
// is a top level: entities and section first, then words.
func (c *Classifier) evidence(t *tally, i int) []string {
	out := make([]string, 0, maxReasons)
	add := func(r string) {
		if len(out) < maxReasons && !contains(out, r) {
			out = append(out, r)
		}
	}
	from := func(j int) {
		for _, r := range t.reasons[j] {
			add(r)
		}
		for _, id := range t.patterns[j] {
			add(c.words.patterns[id].reason)
		}
	}
	from(i)
	for _, j := range c.children[i] {
		from(j)
	}
	if len(out) == 0 {
		return nil // as before the preallocation
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// Classify returns the article's topics, highest score first: at most
// maxTop top levels above the threshold and, under them, at most maxFiner
// finer topics above the threshold.
func (c *Classifier) Classify(in Input) []tagging.Topic {
	if len(c.topics) == 0 {
		return nil
	}
	t := c.getTally()
	defer c.putTally(t)
	c.words.scan(in.Words, t)
	for _, e := range in.Entities {
		reason := "" // "entity:" and the id, made once per entity that counts
		add := func(i int, w float64) {
			if reason == "" {
				reason = "entity:" + e.ID
			}
			t.add(i, w, reason)
		}
		for _, i := range c.kinds[e.Kind] {
			add(i, wEntity*(0.5+e.Salience))
		}
		for _, h := range e.Topics {
			if i, ok := c.byID[h]; ok {
				add(i, wHint*(0.5+e.Salience))
			}
		}
	}
	if in.Section != "" {
		for _, i := range c.sections[fold.Key(strings.TrimSpace(in.Section))] {
			t.add(i, wSection, "section:"+in.Section)
		}
	}
	return c.pick(t)
}

// pick rolls finer evidence up to the top levels and chooses the topics.
func (c *Classifier) pick(t *tally) []tagging.Topic {
	copy(t.total, t.raw)
	for i, n := range c.topics {
		if n.top != i && t.raw[i] > 0 {
			t.total[n.top] += t.raw[i]
		}
	}
	isTop := func(i int) bool { return c.topics[i].top == i }
	out := c.best(make([]tagging.Topic, 0, maxTop+maxFiner), t.total, t, isTop, maxTop)
	chosen := func(i int) bool {
		for _, tp := range out {
			if c.topics[i].top != i && tp.ID == c.topics[c.topics[i].top].id {
				return true
			}
		}
		return false
	}
	out = c.best(out, t.raw, t, chosen, maxFiner)
	if len(out) == 0 {
		return nil // as before the preallocation: no topics is nil
	}
	slices.SortStableFunc(out, func(a, b tagging.Topic) int { return cmp.Compare(b.Score, a.Score) })
	return out
}

// best appends to out the topics that pass keep with the highest scores,
// at most n, each above the threshold and with at least a share relative
// of the evidence of the best one.
func (c *Classifier) best(out []tagging.Topic, raw []float64, t *tally, keep func(int) bool, n int) []tagging.Topic {
	top := 0.0
	for i, r := range raw {
		if r > top && keep(i) {
			top = r
		}
	}
	idx := t.idx[:0]
	for i, r := range raw {
		if r > 0 && r >= relative*top && score(r) >= threshold && keep(i) {
			idx = append(idx, i)
		}
	}
	slices.SortFunc(idx, func(a, b int) int { return cmp.Compare(raw[b], raw[a]) })
	for _, i := range idx[:min(n, len(idx))] {
		nd := c.topics[i]
		out = append(out, tagging.Topic{ID: nd.id, Label: nd.label, Score: score(raw[i]),
			TopLevelID: c.topics[nd.top].id, Evidence: c.evidence(t, i)})
	}
	t.idx = idx
	return out
}

func score(raw float64) float64 {
	return math.Round((1-math.Exp(-raw/scale))*1000) / 1000
}
