package gen

import (
	"math/rand/v2"
	"strconv"
	"strings"
)

// textCtx is what placeholders of one complaint expand to.
type textCtx struct {
	kec    *kecamatan
	desa   string
	jalan  string
	agency string
	topic  string // the chosen usulan or info topic, expanded
}

const (
	minBody = 80
	maxBody = 400
)

// part is a span of g.buf with its drop priority (0 = keep).
type part struct {
	start, end int
	drop       int
}

// text writes the complaint's title and body.
func (g *generator) text(l *life, ci int, reporterPhone string) {
	r := g.r
	cat := &categories[ci]
	kec := &kecamatans[l.kecIdx]
	g.ctx = textCtx{kec: kec, desa: kec.desa[l.desa], jalan: pickS(r, streets), agency: l.agencyCanon}

	// Title.
	b := g.buf[:0]
	first := r.IntN(len(cat.items))
	switch l.rtype {
	case "Aspirasi":
		b = g.expand(b, pickS(r, cat.usulan))
		g.ctx.topic = string(b)
		b = append(b[:0], "Usulan "...)
		b = append(b, g.ctx.topic...)
	case "Permintaan Informasi":
		b = g.expand(b, pickS(r, cat.info))
		g.ctx.topic = string(b)
		b = append(b[:0], "Mohon informasi "...)
		b = append(b, g.ctx.topic...)
	default:
		b = g.expand(b, pickAlt(r, cat.items[first].titles))
	}
	if r.Float64() < 0.03 {
		l.title = strings.ToUpper(string(b))
	} else {
		l.title = string(b)
	}

	// Body: parts in order, some droppable to keep within maxBody.
	var parts [12]part
	np := 0
	add := func(start, drop int) {
		parts[np] = part{start, len(b), drop}
		np++
	}
	b = b[:0]
	if r.Float64() < 0.5 {
		s := len(b)
		b = g.expand(b, pickS(r, openers))
		add(s, 1)
	}
	s := len(b)
	switch l.rtype {
	case "Aspirasi":
		b = g.expand(b, pickS(r, aspBodies))
		add(s, 0)
	case "Permintaan Informasi":
		b = g.expand(b, pickS(r, infoBodies))
		add(s, 0)
	default:
		b = g.expand(b, cat.items[first].body)
		add(s, 0)
		if n := len(cat.items); n > 1 && r.Float64() < 0.2 {
			s = len(b)
			b = g.expand(b, cat.items[(first+1+r.IntN(n-1))%n].body)
			add(s, 3)
		}
		if r.Float64() < 0.45 {
			s = len(b)
			b = g.expand(b, pickS(r, details))
			add(s, 2)
		}
	}
	// Personal data, as citizens write it.
	pPhone, pNIK, pMail := 0.22, 0.08, 0.06
	switch ci {
	case catAdminduk, catBansos, catJaminan:
		pNIK = 0.25
	}
	if r.Float64() < pNIK {
		s = len(b)
		switch r.IntN(3) {
		case 0:
			b = append(b, "NIK saya "...)
			b = appendNIK(b, r, kec)
			b = append(b, '.')
		case 1:
			b = append(b, "NIK: "...)
			b = appendNIK(b, r, kec)
		default:
			b = append(b, "Data saya: NIK "...)
			b = appendNIK(b, r, kec)
			b = append(b, ", alamat "...)
			b = append(b, g.ctx.desa...)
			b = append(b, '.')
		}
		add(s, 0)
	}
	if r.Float64() < pPhone {
		d := reporterPhone
		if d == "" || r.Float64() < 0.3 {
			d = phoneDigits(r)
		}
		s = len(b)
		switch r.IntN(3) {
		case 0:
			b = append(b, "Saya bisa dihubungi di "...)
			b = appendPhoneText(b, r, d)
			b = append(b, '.')
		case 1:
			b = append(b, "No. HP/WA: "...)
			b = appendPhoneText(b, r, d)
		default:
			b = append(b, "Kontak "...)
			b = appendPhoneText(b, r, d)
			b = append(b, " (WA)."...)
		}
		add(s, 0)
	}
	if r.Float64() < pMail {
		name := l.name
		if name == "" || name == "Anonim" {
			name = personName(r)
		}
		s = len(b)
		if r.IntN(2) == 0 {
			b = append(b, "Email: "...)
			b = appendEmail(b, r, name)
		} else {
			b = append(b, "Balasan bisa dikirim ke "...)
			b = appendEmail(b, r, name)
			b = append(b, '.')
		}
		add(s, 0)
	}
	if r.Float64() < 0.65 {
		s = len(b)
		b = append(b, pickS(r, closers)...)
		add(s, 4)
	}
	sep := byte(' ')
	if r.Float64() < 0.04 {
		sep = '\n'
	}
	length := func() int {
		n := 0
		for _, p := range parts[:np] {
			if p.end > p.start {
				n += p.end - p.start + 1
			}
		}
		return n - 1
	}
	// Too short: add details until long enough.
	for length() < minBody && np < len(parts) {
		s = len(b)
		if l.rtype == "Pengaduan" {
			b = g.expand(b, pickS(r, details))
		} else {
			b = g.expand(b, pickS(r, fillers))
		}
		add(s, 2)
	}
	// Too long: drop the least needed parts.
	for _, prio := range []int{1, 2, 3, 4} {
		for k := range parts[:np] {
			if length() > maxBody && parts[k].drop == prio {
				parts[k].end = parts[k].start
			}
		}
	}
	out := g.out[:0]
	for _, p := range parts[:np] {
		if p.end == p.start {
			continue
		}
		if len(out) > 0 {
			out = append(out, sep)
		}
		out = append(out, b[p.start:p.end]...)
	}
	l.body = string(out)
	g.buf, g.out = b, out
}

// expand appends tpl with its placeholders filled in.
func (g *generator) expand(b []byte, tpl string) []byte {
	r := g.r
	c := &g.ctx
	for {
		i := strings.IndexByte(tpl, '{')
		if i < 0 {
			return append(b, tpl...)
		}
		b = append(b, tpl[:i]...)
		j := strings.IndexByte(tpl[i:], '}') + i
		switch tpl[i+1 : j] {
		case "place":
			switch r.IntN(4) {
			case 0:
				b = append(append(append(b, c.desa...), ", Kecamatan "...), c.kec.name...)
			case 1:
				b = append(b, c.desa...)
			case 2:
				b = append(append(b, "Kecamatan "...), c.kec.name...)
			default:
				b = append(append(append(b, c.jalan...), ", "...), c.desa...)
			}
		case "desa":
			b = append(b, c.desa...)
		case "kec":
			b = append(b, c.kec.name...)
		case "jalan":
			b = append(b, c.jalan...)
		case "n":
			b = strconv.AppendInt(b, int64(2+r.IntN(14)), 10)
		case "m":
			b = strconv.AppendInt(b, int64(50+10*r.IntN(86)), 10)
		case "dur":
			b = append(b, pickS(r, durations)...)
		case "rt":
			n := 1 + r.IntN(12)
			b = append(b, "RT "...)
			b = append(b, byte('0'+n/10), byte('0'+n%10))
		case "pasar":
			b = append(b, c.kec.pasar...)
		case "sekolah":
			switch r.IntN(3) {
			case 0:
				b = append(b, "SDN "...)
			case 1:
				b = append(b, "SMPN "...)
			default:
				b = append(b, "SDN "...)
			}
			b = strconv.AppendInt(b, int64(1+r.IntN(9)), 10)
			b = append(append(b, ' '), c.kec.name...)
		case "pkm":
			b = append(b, "Puskesmas "...)
			switch c.kec.name {
			case "Sungai Pandan":
				b = append(b, "Alabio"...)
			case "Amuntai Tengah":
				b = append(b, "Amuntai"...)
			default:
				b = append(b, c.kec.name...)
			}
		case "hari":
			b = append(b, pickS(r, hari)...)
		case "agency":
			b = append(b, c.agency...)
		case "usulan", "info":
			b = append(b, c.topic...)
		default:
			b = append(b, tpl[i:j+1]...)
		}
		tpl = tpl[j+1:]
	}
}

// pickAlt picks one of the "|"-separated alternatives of s.
func pickAlt(r *rand.Rand, s string) string {
	k := r.IntN(strings.Count(s, "|") + 1)
	for ; k > 0; k-- {
		s = s[strings.IndexByte(s, '|')+1:]
	}
	if i := strings.IndexByte(s, '|'); i >= 0 {
		s = s[:i]
	}
	return s
}
