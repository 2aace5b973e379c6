package tagger

import (
	"sort"

	"github.com/schlagwort/schlagwort/internal/gazetteer"
)

// cueIndex finds, for a folded word, every kind whose cue stems it starts
// with, as a bit mask: one binary search plus a walk up the chain of stems
// that are prefixes of each other.
type cueIndex struct {
	stems  []string          // sorted, distinct
	parent []int             // index of the longest stem that is a proper prefix of stems[i], or -1
	masks  []uint64          // kinds of stems[i] and of all its prefix stems
	bit    map[string]uint64 // kind -> its bit; at most 63 kinds take part
}

// computed marks a cached mask as computed (bit 63 is never a kind).
const computed = 1 << 63

func newCueIndex(g *gazetteer.Gazetteer) *cueIndex {
	c := &cueIndex{bit: make(map[string]uint64)}
	own := make(map[string]uint64)
	kinds := make([]string, 0, len(g.Kinds))
	for k := range g.Kinds {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	for i, k := range kinds {
		if i == 63 {
			break
		}
		c.bit[k] = 1 << i
		for _, stem := range g.Kinds[k] {
			own[stem] |= 1 << i
		}
	}
	for stem := range own {
		c.stems = append(c.stems, stem)
	}
	sort.Strings(c.stems)
	c.parent = make([]int, len(c.stems))
	c.masks = make([]uint64, len(c.stems))
	for i, stem := range c.stems {
		c.parent[i] = c.longestPrefix(stem[:len(stem)-1], i-1)
		c.masks[i] = own[stem]
		if p := c.parent[i]; p >= 0 {
			c.masks[i] |= c.masks[p]
		}
	}
	return c
}

// longestPrefix returns the index of the longest stem that is a prefix of
// key, looking at stems[:hi+1] only, or -1.
func (c *cueIndex) longestPrefix(key string, hi int) int {
	j := sort.Search(hi+1, func(i int) bool { return c.stems[i] > key }) - 1
	for j >= 0 && !(len(key) >= len(c.stems[j]) && key[:len(c.stems[j])] == c.stems[j]) {
		j = c.parent[j]
	}
	return j
}

// mask returns the kinds whose cues the folded word key starts with.
func (c *cueIndex) mask(key []byte) uint64 {
	j := c.longestPrefix(string(key), len(c.stems)-1)
	if j < 0 {
		return 0
	}
	return c.masks[j]
}
