package gen

import (
	"math"
	"math/rand/v2"
	"strconv"
)

// life is one complaint's whole timeline in Unix seconds (0 = never happens).
type life struct {
	tracking     string
	sub          int64 // submitted (Tanggal Laporan)
	ver          int64 // verified by the regency's admin
	disp         int64 // disposed to the agency
	resp         int64 // the agency's first follow-up
	post         int64 // postponed (Tertunda) from here until closed
	closed       int64
	arch         int64 // archived (Diarsipkan) or declared Bukan Wewenang
	archBW       bool  // arch means Bukan Wewenang rather than Diarsipkan
	rated        int64
	rating       int
	updates      []int64 // other activity: progress notes, reporter reminders (sorted)
	agency       string  // as spelled in exports
	agencyCanon  string
	category     string
	title, body  string
	rtype        string
	channel      string
	area         string
	anon, conf   bool
	name, phone  string
	statusStyle  uint8
	kecIdx, desa int
}

// generator makes complaint i of a population of n submitted over [from, to], deterministically.
type generator struct {
	seed     uint64
	n        int
	from, to int64
	cum      []float64 // cumulative submission intensity per hour bucket
	pcg      rand.PCG
	r        *rand.Rand // the row's stream
	pcg2     rand.PCG
	r2       *rand.Rand // side streams: reporters, noise
	pool     int        // repeat-reporter pool size
	kecCum   []float64
	chanCum  []float64
	typeCum  []float64
	agCum    [12][]float64
	catCum   [][]float64
	buf      []byte
	out      []byte
	ctx      textCtx
	flat     bool // no seasons, no drifting agencies (FlatPopulation)
}

var hourWeight = [24]float64{0.08, 0.05, 0.03, 0.03, 0.05, 0.15, 0.35, 0.8, 2.2, 3, 3, 2.8, 1.8, 2.6, 2.6, 2.2, 1.4, 0.9, 0.8, 1, 1, 0.8, 0.5, 0.2}

func splitmix(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9
	x = (x ^ (x >> 27)) * 0x94d049bb133111eb
	return x ^ (x >> 31)
}

func cumulative(w []float64) []float64 {
	c := make([]float64, len(w))
	s := 0.0
	for i, x := range w {
		s += x
		c[i] = s
	}
	return c
}

func pick(r *rand.Rand, cum []float64) int {
	x := r.Float64() * cum[len(cum)-1]
	lo, hi := 0, len(cum)-1
	for lo < hi {
		m := (lo + hi) / 2
		if cum[m] > x {
			hi = m
		} else {
			lo = m + 1
		}
	}
	return lo
}

func pickS(r *rand.Rand, s []string) string { return s[r.IntN(len(s))] }

func newGenerator(seed int64, n int, from, to int64) *generator {
	return newGeneratorFlat(seed, n, from, to, false)
}

// newGeneratorFlat with flat set makes a world without seasons and without agencies that drift
// (FlatPopulation).
func newGeneratorFlat(seed int64, n int, from, to int64, flat bool) *generator {
	g := &generator{seed: uint64(seed), n: n, from: from, to: to, flat: flat}
	g.r = rand.New(&g.pcg)
	g.r2 = rand.New(&g.pcg2)
	if to < from {
		g.to = from
	}
	// Submission intensity per hour: office hours on working days, a mild rainy-season bump and
	// growth over the window (LAPOR! use grows).
	span := g.to - from
	buckets := int(span/3600) + 1
	g.cum = make([]float64, buckets)
	s := 0.0
	for k := 0; k < buckets; k++ {
		t := from + int64(k)*3600
		length := min(int64(3600), g.to-t)
		if length <= 0 {
			length = 1
		}
		d := localDay(t)
		h := int((t - dayStart(d)) / 3600)
		w := hourWeight[h]
		if !isWorking(d) {
			w *= 0.3
		}
		p := 0.0
		if span > 0 {
			p = float64(t-from) / float64(span)
		}
		if flat {
			w *= 0.85 + 0.3*p
		} else {
			w *= (0.85 + 0.3*p) * rainy[localMonth(t)-1]
		}
		s += w * float64(length) / 3600
		g.cum[k] = s
	}
	g.pool = max(8, n/30)
	kw := make([]float64, len(kecamatans))
	for i, k := range kecamatans {
		kw[i] = k.weight
	}
	g.kecCum = cumulative(kw)
	g.chanCum = cumulative(weights(channels))
	g.typeCum = cumulative(weights(reportTypes))
	for m := 0; m < 12; m++ {
		aw := make([]float64, len(agencies))
		for i, a := range agencies {
			f := a.season[m]
			if f == 0 || flat {
				f = 1
			}
			aw[i] = a.weight * f
		}
		g.agCum[m] = cumulative(aw)
	}
	g.catCum = make([][]float64, len(agencies))
	for i, a := range agencies {
		cw := make([]float64, len(a.cats))
		for j, c := range a.cats {
			cw[j] = c.w
		}
		g.catCum[i] = cumulative(cw)
	}
	return g
}

// clone is a generator sharing g's read-only tables with its own random streams and buffers.
func (g *generator) clone() *generator {
	c := *g
	c.r = rand.New(&c.pcg)
	c.r2 = rand.New(&c.pcg2)
	c.buf, c.out = nil, nil
	c.ctx = textCtx{}
	return &c
}

func weights(ws []weighted) []float64 {
	out := make([]float64, len(ws))
	for i, w := range ws {
		out[i] = w.w
	}
	return out
}

// seedRow points the generator's row stream at row i.
func (g *generator) seedRow(i uint64) { seedPCG(&g.pcg, g.seed, saltRow, i) }

func seedPCG(p *rand.PCG, seed, salt, i uint64) {
	p.Seed(splitmix(seed^salt), splitmix(i^splitmix(seed+salt)))
}

const (
	saltRow      = 0x726f77
	saltReporter = 0x7265706f72746572
	saltNoise    = 0x6e6f697365
)

// submission returns the i-th submission instant: rows are sorted by submission because the
// quantile (i+u)/n grows with i.
func (g *generator) submission(i int) int64 {
	total := g.cum[len(g.cum)-1]
	x := (float64(i) + g.r.Float64()) / float64(g.n) * total
	lo, hi := 0, len(g.cum)-1
	for lo < hi {
		m := (lo + hi) / 2
		if g.cum[m] > x {
			hi = m
		} else {
			lo = m + 1
		}
	}
	prev := 0.0
	if lo > 0 {
		prev = g.cum[lo-1]
	}
	bstart := g.from + int64(lo)*3600
	blen := min(int64(3600), g.to-bstart)
	frac := 0.0
	if g.cum[lo] > prev {
		frac = (x - prev) / (g.cum[lo] - prev)
	}
	t := bstart + int64(frac*float64(blen))
	return min(max(t, g.from), g.to)
}

// officeSecond is a second of the local day at which staff act: mostly 08:00-16:00 WITA.
func (g *generator) officeSecond() int64 {
	x := g.r.Float64()
	switch {
	case x < 0.88:
		return 8*3600 + g.r.Int64N(8*3600)
	case x < 0.93:
		return 7*3600 + 1800 + g.r.Int64N(1800)
	case x < 0.97:
		return 16*3600 + g.r.Int64N(5400)
	default:
		return 19*3600 + g.r.Int64N(3*3600+1800)
	}
}

// afterWD is a staff action k working days after t (k = 0: later the same working day when
// there is office time left, else the next working day). The result is always after t.
func (g *generator) afterWD(t int64, k int) int64 {
	d := localDay(t)
	if k <= 0 {
		if isWorking(d) {
			end := dayStart(d) + 16*3600 + 1800
			if t < end-900 {
				return t + 120 + g.r.Int64N(end-t-120)
			}
		}
		k = 1
	}
	nd := addWorkingDays(d, k)
	// Now and then an officer works on the weekend or holiday just before.
	if g.r.Float64() < 0.015 && !isWorking(nd-1) && nd-1 > d {
		nd--
	}
	return dayStart(nd) + g.officeSecond()
}

// afterCD is a staff action about cd calendar days after t, moved to a working day.
func (g *generator) afterCD(t int64, cd int) int64 {
	if cd <= 0 {
		return g.afterWD(t, 0)
	}
	d := localDay(t) + int64(cd)
	if !isWorking(d) && g.r.Float64() < 0.95 {
		d = addWorkingDays(d, 0)
	}
	return dayStart(d) + g.officeSecond()
}

// citizenAfter is a citizen's action (a reminder, a rating) some time after t, any hour.
func (g *generator) citizenAfter(t int64, meanDays float64) int64 {
	return t + 600 + int64(g.r.ExpFloat64()*meanDays*day)
}

func (g *generator) lognormal(median, sigma float64) float64 {
	return median * math.Exp(sigma*g.r.NormFloat64())
}

// make fills l with complaint i.
func (g *generator) make(i int, l *life) {
	g.seedRow(uint64(i))
	r := g.r
	*l = life{updates: l.updates[:0]}
	l.sub = g.submission(i)
	progress := 0.0
	if g.to > g.from {
		progress = float64(l.sub-g.from) / float64(g.to-g.from)
	}
	// Tracking ids grow with submission like LAPOR!'s national counter, with gaps for the
	// complaints of other regencies in between.
	gap := int64(min(400, max(1, 5_000_000/max(g.n, 1))))
	l.tracking = strconv.FormatInt(4_100_000+int64(i)*gap+r.Int64N(gap), 10)

	ai := pick(r, g.agCum[localMonth(l.sub)-1])
	a := &agencies[ai]
	ci := a.cats[pick(r, g.catCum[ai])].cat
	l.agencyCanon = a.name
	l.agency = agencyVariant(r, a.name)
	l.category = categories[ci].name
	l.channel = channels[pick(r, g.chanCum)].s
	l.rtype = reportTypes[pick(r, g.typeCum)].s
	l.anon = r.Float64() < 0.15
	l.conf = r.Float64() < 0.05
	l.statusStyle = uint8(r.IntN(256))

	// Reporter: anonymous, a one-off, or one of the regulars who complain again and again.
	var home = -1
	var reporterPhone string
	if l.anon {
		if r.Float64() < 0.7 {
			l.name = "Anonim"
		}
	} else if r.Float64() < 0.25 {
		k := int(float64(g.pool) * math.Pow(r.Float64(), 1.5))
		l.name, reporterPhone, l.phone, home = g.regular(k)
	} else {
		l.name = personName(r)
		reporterPhone = phoneDigits(r)
		l.phone = phoneColumn(r, reporterPhone)
	}
	if !l.anon && r.Float64() < 0.06 {
		l.phone = ""
	}
	if home >= 0 && r.Float64() < 0.75 {
		l.kecIdx = home
	} else {
		l.kecIdx = pick(r, g.kecCum)
	}
	kec := &kecamatans[l.kecIdx]
	l.desa = r.IntN(len(kec.desa))
	if r.Float64() < 0.45 {
		l.area = kec.desa[l.desa] + ", " + kec.name
	} else {
		l.area = kec.name
	}
	g.text(l, ci, reporterPhone)

	g.timeline(l, a, progress)
}

// regular returns reporter k of the pool: name, phone digits, phone as written in the column,
// home kecamatan. The same k gives the same person in every complaint and every cut.
func (g *generator) regular(k int) (name, digits, col string, home int) {
	seedPCG(&g.pcg2, g.seed, saltReporter, uint64(k))
	name = personName(g.r2)
	digits = phoneDigits(g.r2)
	col = phoneColumn(g.r2, digits)
	home = pick(g.r2, g.kecCum)
	return
}

func (g *generator) timeline(l *life, a *agency, progress float64) {
	r := g.r
	// The regency's admin verifies within a few working days, and slightly faster over time.
	vwd := 0
	switch x := r.Float64(); {
	case x < 0.42:
	case x < 0.72:
		vwd = 1
	case x < 0.85:
		vwd = 2
	case x < 0.92:
		vwd = 3
	default:
		vwd = 4 + r.IntN(6)
	}
	if r.Float64() < 0.15*(1-progress) {
		vwd += 2
	}
	switch x := r.Float64(); {
	case x < 0.012: // never verified
		return
	case x < 0.05: // archived by the admin: spam, duplicate, incomplete
		l.arch = g.afterWD(l.sub, vwd)
		return
	case x < 0.065: // verified, then not the regency's authority
		l.ver = g.afterWD(l.sub, vwd)
		l.arch = g.afterWD(l.ver, r.IntN(3))
		l.archBW = true
		return
	case x < 0.08: // verified, never disposed
		l.ver = g.afterWD(l.sub, vwd)
		return
	}
	l.ver = g.afterWD(l.sub, vwd)
	switch x := r.Float64(); {
	case x < 0.55:
		l.disp = l.ver
	case x < 0.85:
		l.disp = g.afterWD(l.ver, 0)
	default:
		l.disp = g.afterWD(l.ver, 1+r.IntN(2))
	}

	// The agency: its diligence, drifting over the window by its trend.
	f := math.Exp(a.trend * (2*progress - 1))
	if g.flat {
		f = 1
	}
	pNever := min(0.9, a.pNever*f)
	switch x := r.Float64(); {
	case x < 0.02: // the agency says it is not its authority
		l.arch = g.afterWD(l.disp, 1+r.IntN(4))
		l.archBW = true
		return
	case x < 0.02+pNever: // never answered; the reporter may remind
		t := l.disp
		for range r.IntN(3) {
			t = g.citizenAfter(t+7*day, 20)
			l.updates = append(l.updates, t)
		}
		return
	}
	wd := int(g.lognormal(a.respMedian*f, 0.75))
	if r.Float64() < 0.06 {
		wd = wd*3 + 5 // forgotten, picked up much later
	}
	l.resp = g.afterWD(l.disp, wd)

	if r.Float64() < min(0.9, a.pNoClose*f) { // answered, never closed
		if r.Float64() < 0.3 {
			l.post = g.afterCD(l.resp, 3+r.IntN(30))
		}
		t := l.resp
		for range r.IntN(4) {
			t = g.afterCD(t, 5+r.IntN(35))
			l.updates = append(l.updates, t)
		}
		return
	}
	if l.rtype == "Permintaan Informasi" || r.Float64() < 0.2 {
		l.closed = l.resp + 300 + r.Int64N(3*3600) // answered and closed at once
	} else {
		l.closed = g.afterCD(l.resp, int(g.lognormal(a.closeMed*f, 0.8)))
	}
	if l.closed-l.resp > 5*day {
		if r.Float64() < 0.05 {
			l.post = l.resp + (l.closed-l.resp)/3
		}
		for range r.IntN(3) {
			l.updates = append(l.updates, l.resp+1+r.Int64N(l.closed-l.resp-1))
		}
		sortInt64(l.updates)
	}
	if r.Float64() < 0.45 {
		l.rated = g.citizenAfter(l.closed, 1.5)
		days := float64(l.closed-l.disp) / day
		v := a.rating + 0.8*r.NormFloat64() - max(0, days-30)/60
		l.rating = int(min(5, max(1, math.Round(v))))
	}
}

func sortInt64(s []int64) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j] < s[j-1]; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}

// agencyVariant spells a small share of agency names as real exports do: different case,
// doubled inner spaces, a trailing space.
func agencyVariant(r *rand.Rand, name string) string {
	if r.Float64() >= 0.02 {
		return name
	}
	switch r.IntN(4) {
	case 0:
		return upper(name)
	case 1:
		return doubleSpace(name, r.IntN(8))
	case 2:
		return name + " "
	default:
		return lowerAfterFirst(name)
	}
}
