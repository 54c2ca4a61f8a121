package regency

import "testing"

func TestCanonicalAndTitle(t *testing.T) {
	for _, c := range []struct{ in, canon, id, en string }{
		{"Hulu Sungai Utara", "Hulu Sungai Utara", "Kabupaten Hulu Sungai Utara", "Hulu Sungai Utara Regency"},
		{"Kabupaten Hulu Sungai Utara", "Hulu Sungai Utara", "Kabupaten Hulu Sungai Utara", "Hulu Sungai Utara Regency"},
		{"Pemerintah Kabupaten Bandung", "Bandung", "Kabupaten Bandung", "Bandung Regency"},
		{"Kab. Bandung", "Bandung", "Kabupaten Bandung", "Bandung Regency"},
		{"Kab.Bandung", "Bandung", "Kabupaten Bandung", "Bandung Regency"},
		{"Pemerintah Kota Bandung", "Kota Bandung", "Kota Bandung", "Bandung City"},
		{"Pemkot Banjarmasin", "Kota Banjarmasin", "Kota Banjarmasin", "Banjarmasin City"},
		{"kota  banjar", "Kota banjar", "Kota banjar", "banjar City"},
		{"PEMERINTAH KOTA BANJAR", "Kota Banjar", "Kota Banjar", "Banjar City"},
		{"Kota Administrasi Jakarta Pusat", "Kota Jakarta Pusat", "Kota Jakarta Pusat", "Jakarta Pusat City"},
		{"Kotabaru", "Kotabaru", "Kabupaten Kotabaru", "Kotabaru Regency"},
		{"Kabupaten Kotabaru", "Kotabaru", "Kabupaten Kotabaru", "Kotabaru Regency"},
		{"Pemerintah Kabupaten Bandung (Admin)", "Bandung", "Kabupaten Bandung", "Bandung Regency"},
		{"Tulungagung Regency", "Tulungagung Regency", "Tulungagung Regency", "Tulungagung Regency"},
	} {
		if got := Canonical(c.in); got != c.canon {
			t.Errorf("Canonical(%q) = %q, want %q", c.in, got, c.canon)
		}
		if got := Title(c.in, false); got != c.id {
			t.Errorf("Title(%q) = %q, want %q", c.in, got, c.id)
		}
		if got := Title(c.in, true); got != c.en {
			t.Errorf("Title(%q, en) = %q, want %q", c.in, got, c.en)
		}
	}
}

func TestSame(t *testing.T) {
	for _, c := range []struct {
		a, b string
		same bool
	}{
		{"Bandung", "Kabupaten Bandung", true},
		{"Bandung", "Pemerintah Kabupaten Bandung", true},
		{"Bandung", "Kota Bandung", false}, // two governments
		{"Kabupaten Bandung", "Pemerintah Kota Bandung", false},
		{"Kota Bandung", "PEMERINTAH KOTA BANDUNG", true},
		{"Banjar", "Kota Banjar", false},
		{"Hulu Sungai Utara", "hulu  sungai utara", true},
	} {
		if got := Same(c.a, c.b); got != c.same {
			t.Errorf("Same(%q, %q) = %v", c.a, c.b, got)
		}
	}
}

func TestFromGovernment(t *testing.T) {
	for _, c := range []struct {
		in     string
		within bool
		want   string
		ok     bool
	}{
		{"Pemerintah Kabupaten Hulu Sungai Utara", false, "Hulu Sungai Utara", true},
		{"Pemerintah Kota Bandung", false, "Kota Bandung", true},
		{"Pemkab Tabalong", false, "Tabalong", true},
		{"Dinas Kesehatan", false, "", false},
		{"Dinas Kesehatan Kabupaten Bandung", false, "", false},
		{"Dinas Kesehatan Kabupaten Bandung", true, "Bandung", true},
		{"Kecamatan Kota Baru", true, "", false},
		{"Pemerintah Provinsi Jawa Barat", true, "", false},
		{"Kementerian Dalam Negeri", true, "", false},
		{"Pemerintah", false, "", false},
		{"Kabupaten", false, "", false},
	} {
		got, ok := FromGovernment(c.in, c.within)
		if got != c.want || ok != c.ok {
			t.Errorf("FromGovernment(%q, %v) = %q %v, want %q %v", c.in, c.within, got, ok, c.want, c.ok)
		}
	}
}
