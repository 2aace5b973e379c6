package tagger

import (
	"sort"

	"github.com/schlagwort/schlagwort/internal/gazetteer"
)

// cueIndex finds, for a folded word, every kind whose cue stems it starts
// with, as a bit mask, by walking a byte trie of the stems. The trie is one
// dense table: a row per node, a column per byte that occurs in some stem.
type cueIndex struct {
	column [256]uint16       // byte -> its column, 0 for a byte in no stem
	width  int               // columns per row, column 0 unused
	next   []int32           // next[n*width+column]: child of node n, 0 for none (the root is node 0)
	masks  []uint64          // by node: kinds of the stem ending there
	bit    map[string]uint64 // kind -> its bit; at most 63 kinds take part
}

// computed marks a cached mask as computed (bit 63 is never a kind).
const computed = 1 << 63

func newCueIndex(g *gazetteer.Gazetteer) *cueIndex {
	c := &cueIndex{bit: make(map[string]uint64)}
	kinds := make([]string, 0, len(g.Kinds))
	for k := range g.Kinds {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	if len(kinds) > 63 {
		kinds = kinds[:63]
	}
	c.width = 1
	for _, k := range kinds {
		for _, stem := range g.Kinds[k] {
			for i := 0; i < len(stem); i++ {
				if c.column[stem[i]] == 0 {
					c.column[stem[i]] = uint16(c.width)
					c.width++
				}
			}
		}
	}
	c.next = make([]int32, c.width)
	c.masks = []uint64{0}
	for i, k := range kinds {
		c.bit[k] = 1 << i
		for _, stem := range g.Kinds[k] {
			c.add(stem, 1<<i)
		}
	}
	return c
}

func (c *cueIndex) add(stem string, bit uint64) {
	n := int32(0)
	for i := 0; i < len(stem); i++ {
		at := int(n)*c.width + int(c.column[stem[i]])
		if c.next[at] == 0 {
			c.next[at] = int32(len(c.masks))
			c.masks = append(c.masks, 0)
			c.next = append(c.next, make([]int32, c.width)...)
		}
		n = c.next[at]
	}
	c.masks[n] |= bit
}

// mask returns the kinds whose cue stems the folded word key starts with.
func (c *cueIndex) mask(key []byte) uint64 {
	m, n := uint64(0), int32(0)
	for _, b := range key {
		col := c.column[b]
		if col == 0 {
			break
		}
		if n = c.next[int(n)*c.width+int(col)]; n == 0 {
			break
		}
		m |= c.masks[n]
	}
	return m
}
