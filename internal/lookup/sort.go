package lookup

import (
	"cmp"
	"encoding/binary"
	"math"
	"math/bits"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
)

// sortNames sorts names by key, equal keys by offset, where
// names[start[c]:start[c+1]] hold the entries whose keys begin with byte c.
// Sorting millions of entries by comparing their keys, which lie far apart
// in memory, waits on the memory most of the time; sortNames instead sorts
// each bucket by radix on windows of the keys' bytes kept next to the
// entries, so that most of its steps touch no key memory, and sorts buckets
// on up to sortCores cores, the largest first, with windows for those
// buckets only.
func sortNames(keys string, names []entry, start *[257]int) {
	var buckets []int
	for c := range 256 {
		if start[c+1]-start[c] > 1 {
			buckets = append(buckets, c)
		}
	}
	size := func(c int) int { return start[c+1] - start[c] }
	slices.SortFunc(buckets, func(a, b int) int { return cmp.Compare(size(b), size(a)) })
	var next atomic.Int32
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), sortCores, len(buckets)) {
		wg.Go(func() {
			s := sorter{keys: keys}
			for i := int(next.Add(1) - 1); i < len(buckets); i = int(next.Add(1) - 1) {
				c := buckets[i]
				s.bucket(names[start[c]:start[c+1]])
			}
		})
	}
	wg.Wait()
}

// sortCores bounds the cores sortNames takes from the tagger and the
// windows and buffers they hold at once.
const sortCores = 2

// sorter sorts buckets on one core.
type sorter struct {
	keys  string
	names []entry  // the bucket
	win   []uint64 // by position in names: see window
	// room for lsd
	bufWin   []uint64
	bufNames []entry
}

// bucket sorts names, whose keys begin with the same byte.
func (s *sorter) bucket(names []entry) {
	if cap(s.win) < len(names) { // the first bucket, the largest
		s.win = make([]uint64, len(names))
		n := min(len(names), bufSize)
		s.bufWin, s.bufNames = make([]uint64, n), make([]entry, n)
	}
	s.names, s.win = names, s.win[:len(names)]
	for i, e := range names {
		s.win[i] = window(s.keys, e, 1)
	}
	s.sort(0, len(names), 1, 0)
}

// window returns 7 bytes of e's key from byte depth on, zero after its end,
// and in the last byte how many of them the key has, 8 if it goes on.
// Windows compare like the keys from depth on as far as they reach; a key
// that ends comes before any byte, even a zero byte, by its count.
func window(keys string, e entry, depth int) uint64 {
	k := keys[int(e)+depth:]
	var w uint64
	if len(k) >= 8 { // one load
		w = uint64(k[0])<<56 | uint64(k[1])<<48 | uint64(k[2])<<40 | uint64(k[3])<<32 |
			uint64(k[4])<<24 | uint64(k[5])<<16 | uint64(k[6])<<8 | uint64(k[7])
	} else {
		var b [8]byte
		copy(b[:], k) // the last key's '\n' comes before the zeros
		w = binary.BigEndian.Uint64(b[:])
	}
	n := bits.LeadingZeros64(newlines(w)) / 8 // 8 if none
	return w&^(math.MaxUint64>>(8*n))&^0xff | uint64(n)
}

// newlines returns the top bit of each byte of w that is '\n'.
func newlines(w uint64) uint64 {
	const low7 = 0x7f7f7f7f7f7f7f7f
	x := w ^ 0x0a0a0a0a0a0a0a0a
	return ^((x&low7 + low7) | x | low7)
}

// The sizes up to which sort sorts by insertion, and by lsd rather than in
// place: measured at 1,000,000 entities.
const (
	smallSort = 48
	bufSize   = 1 << 16
)

// sort sorts names[lo:hi], whose keys agree before depth and whose windows
// (from depth) agree before their byte b.
func (s *sorter) sort(lo, hi, depth, b int) {
	switch {
	case hi-lo <= smallSort:
		s.insertion(lo, hi)
	case b == 8:
		s.deeper(lo, hi, depth)
		return
	case hi-lo > bufSize:
		start := s.partition(lo, hi, b)
		for c := range 256 {
			if start[c+1]-start[c] > 1 {
				s.sort(start[c], start[c+1], depth, b+1)
			}
		}
		return
	default:
		s.lsd(lo, hi, b)
	}
	s.ties(lo, hi, depth)
}

// ties sorts the runs of equal windows in names[lo:hi].
func (s *sorter) ties(lo, hi, depth int) {
	for i := lo; i < hi; {
		j := i + 1
		for j < hi && s.win[j] == s.win[i] {
			j++
		}
		if j-i > 1 {
			s.deeper(i, j, depth)
		}
		i = j
	}
}

// deeper sorts names[lo:hi], whose windows are equal: by offset if the
// keys end in the window, else by the next window.
func (s *sorter) deeper(lo, hi, depth int) {
	if byte(s.win[lo]) < 8 {
		slices.Sort(s.names[lo:hi])
		return
	}
	depth += 7
	for i := lo; i < hi; i++ {
		s.win[i] = window(s.keys, s.names[i], depth)
	}
	s.sort(lo, hi, depth, 0)
}

// partition moves names[lo:hi] into buckets by byte b of their windows in
// place (American flag sort) and returns where each bucket starts.
func (s *sorter) partition(lo, hi, b int) (start [257]int) {
	shift := 56 - 8*b
	var count [256]int
	for _, w := range s.win[lo:hi] {
		count[byte(w>>shift)]++
	}
	start[0] = lo
	for c := range 256 {
		start[c+1] = start[c] + count[c]
	}
	if count[byte(s.win[lo]>>shift)] == hi-lo {
		return start // one bucket
	}
	next := start
	for c := range 256 {
		for i := next[c]; i < start[c+1]; i = next[c] {
			w, e := s.win[i], s.names[i]
			for d := int(byte(w >> shift)); d != c; d = int(byte(w >> shift)) {
				j := next[d]
				next[d]++
				w, s.win[j] = s.win[j], w
				e, s.names[j] = s.names[j], e
			}
			s.win[i], s.names[i] = w, e
			next[c]++
		}
	}
	return start
}

// lsd sorts names[lo:hi] by the bytes from b on of their windows, the last
// byte first, moving them between names and the buffers: faster than
// partition, which cannot move an entry before it has read where to.
func (s *sorter) lsd(lo, hi, b int) {
	var count [8][256]int
	for _, w := range s.win[lo:hi] {
		for k := b; k < 8; k++ {
			count[k][byte(w>>(56-8*k))]++
		}
	}
	n := hi - lo
	win, names := s.win[lo:hi], s.names[lo:hi]
	toWin, toNames := s.bufWin[:n], s.bufNames[:n]
	for k := 7; k >= b; k-- {
		shift := 56 - 8*k
		if count[k][byte(win[0]>>shift)] == n {
			continue // one bucket
		}
		var next [256]int
		for c := 1; c < 256; c++ {
			next[c] = next[c-1] + count[k][c-1]
		}
		for i, w := range win {
			d := byte(w >> shift)
			toWin[next[d]], toNames[next[d]] = w, names[i]
			next[d]++
		}
		win, toWin, names, toNames = toWin, win, toNames, names
	}
	if &win[0] != &s.win[lo] {
		copy(s.win[lo:hi], win)
		copy(s.names[lo:hi], names)
	}
}

// insertion sorts names[lo:hi] by window.
func (s *sorter) insertion(lo, hi int) {
	for i := lo + 1; i < hi; i++ {
		for j := i; j > lo && s.win[j] < s.win[j-1]; j-- {
			s.win[j], s.win[j-1] = s.win[j-1], s.win[j]
			s.names[j], s.names[j-1] = s.names[j-1], s.names[j]
		}
	}
}
