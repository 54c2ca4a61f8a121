package msg

import (
	"regexp"
	"testing"
)

// Every report text has both languages, and no format verb is lost in translation.
func TestReportTexts(t *testing.T) {
	verbs := regexp.MustCompile(`%[-+ #0]*[0-9.]*[a-zA-Z%]`)
	for k, v := range reportTexts {
		if v.id == "" || v.en == "" {
			t.Errorf("%s: a language is empty", k)
		}
		if a, b := verbs.FindAllString(v.id, -1), verbs.FindAllString(v.en, -1); len(a) != len(b) {
			t.Errorf("%s: %v vs %v", k, a, b)
		}
		if got, ok := Raw(EN, k); !ok || got != v.en {
			t.Errorf("Raw(EN, %s) = %q, %v", k, got, ok)
		}
	}
}
