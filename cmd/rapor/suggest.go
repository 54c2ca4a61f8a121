package main

// suggest returns the candidate closest to a mistyped name (within two edits, or a unique
// prefix), or "" when none is close enough to be a guess worth offering.
func suggest(name string, candidates []string) string {
	best, bestD := "", 3
	prefix, prefixes := "", 0
	for _, c := range candidates {
		if d := distance(name, c); d < bestD {
			best, bestD = c, d
		}
		if len(name) >= 2 && len(c) > len(name) && c[:len(name)] == name {
			prefix, prefixes = c, prefixes+1
		}
	}
	if best == "" && prefixes == 1 {
		return prefix
	}
	return best
}

// distance is the optimal string alignment distance: insertions, deletions, substitutions and
// transpositions of adjacent letters ("reprot") each count one.
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	d := make([][]int, len(ra)+1)
	for i := range d {
		d[i] = make([]int, len(rb)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(ra); i++ {
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(ra)][len(rb)]
}
