package topic

import "fmt"

// automaton is an Aho-Corasick automaton over the letters a–z that finds
// every infix pattern ("*wahl") inside a folded word in one pass. Any other
// byte sends it back to the start.
type automaton struct {
	next [][26]int32 // while building: goto and failure transitions
	fail []int32     // while building
	out  [][]int32   // pattern ids ending in each state (incl. via failure links)

	rows     [][26]uint16 // after build: the complete transitions
	firstOut uint16       // after build: the states from here on have output
}

func newAutomaton() *automaton {
	return &automaton{next: make([][26]int32, 1), fail: []int32{0}, out: [][]int32{nil}}
}

func letter(b byte) int { return int(b) - 'a' }

// add inserts a pattern; patterns with bytes outside a–z are ignored.
func (a *automaton) add(key string, id int32) {
	for i := 0; i < len(key); i++ {
		if key[i] < 'a' || key[i] > 'z' {
			return
		}
	}
	s := int32(0)
	for i := 0; i < len(key); i++ {
		c := letter(key[i])
		if a.next[s][c] == 0 {
			a.next = append(a.next, [26]int32{})
			a.fail = append(a.fail, 0)
			a.out = append(a.out, nil)
			a.next[s][c] = int32(len(a.next) - 1)
		}
		s = a.next[s][c]
	}
	a.out[s] = append(a.out[s], id)
}

// build computes failure links breadth first, completes the transitions
// and renumbers the states (see renumber); call once after all adds.
func (a *automaton) build() {
	order := []int32{0} // the states breadth first
	for c := 0; c < 26; c++ {
		if s := a.next[0][c]; s != 0 {
			order = append(order, s)
		}
	}
	for i := 1; i < len(order); i++ {
		s := order[i]
		for c := 0; c < 26; c++ {
			t := a.next[s][c]
			if t == 0 {
				a.next[s][c] = a.next[a.fail[s]][c]
				continue
			}
			a.fail[t] = a.next[a.fail[s]][c]
			a.out[t] = append(a.out[t], a.out[a.fail[t]]...)
			order = append(order, t)
		}
	}
	a.renumber(order)
}

// renumber gives the states new numbers: first the root and the states
// without output breadth first, so that the shallow states scan visits
// most share cache lines, then the states with output, so that scan
// tells them by their number alone. The transitions become uint16 (half
// the table of int32) and the build tables are dropped.
func (a *automaton) renumber(order []int32) {
	if len(order) > 1<<16 {
		panic(fmt.Sprintf("topic: the infix patterns need more than %d automaton states (gazetteer.MaxTopicLetters bounds them)", 1<<16))
	}
	quiet := make([]int32, 0, len(order))
	var loud []int32
	for _, s := range order {
		if s != 0 && len(a.out[s]) > 0 {
			loud = append(loud, s)
		} else {
			quiet = append(quiet, s) // the root first; its output is never reported
		}
	}
	order = append(quiet, loud...)
	id := make([]uint16, len(order))
	for i, s := range order {
		id[s] = uint16(i)
	}
	a.rows = make([][26]uint16, len(order))
	out := make([][]int32, len(order))
	for i, s := range order {
		for c, t := range a.next[s] {
			a.rows[i][c] = id[t]
		}
		out[i] = a.out[s]
	}
	a.out, a.firstOut = out, uint16(len(quiet))
	a.next, a.fail = nil, nil
}

// scan appends the ids of all patterns occurring in key to dst.
func (a *automaton) scan(key []byte, dst []int32) []int32 {
	s := uint16(0)
	for _, b := range key {
		if b < 'a' || b > 'z' {
			s = 0
			continue
		}
		if s = a.rows[s][letter(b)]; s >= a.firstOut {
			dst = append(dst, a.out[s]...)
		}
	}
	return dst
}
