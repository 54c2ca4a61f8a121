package main

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/hsu-lapor/rapor/analyst/resultfmt"
	"github.com/hsu-lapor/rapor/internal/msg"
)

// notYetInCatalogue are commands whose help and flags still come from their own file in
// English (their owner moves them onto the catalogue: keys help_NAME and flag_*). None now.
var notYetInCatalogue = map[string]bool{}

// readmeCommands are the commands the README's "Use" section shows, e.g. "report compare".
func readmeCommands(t *testing.T) []string {
	b, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, use, _ := strings.Cut(string(b), "\n## Use\n")
	use, _, _ = strings.Cut(use, "\n## ")
	seen := map[string]bool{}
	var out []string
	for _, m := range regexp.MustCompile(`(?m)^rapor ([a-z]+)( compare)?\b`).FindAllStringSubmatch(use, -1) {
		name := m[1] + m[2]
		if !seen[name] {
			seen[name] = true
			out = append(out, name)
		}
	}
	if len(out) < 10 {
		t.Fatalf("the README's Use section shows %d commands: %v", len(out), out)
	}
	return out
}

// flagTexts are the flag descriptions of a usage text.
func flagTexts(help string) []string {
	var out []string
	for _, line := range strings.Split(help, "\n") {
		if strings.HasPrefix(line, "    \t") {
			out = append(out, strings.TrimSpace(line))
		} else if i := strings.Index(line, "\t"); strings.HasPrefix(line, "  -") && i > 0 {
			out = append(out, strings.TrimSpace(line[i:]))
		}
	}
	return out
}

// TestREADMECommandsHelp: every command the README shows has -h, in Bahasa Indonesia by
// default and in English with --lang en, every flag described in each language.
func TestREADMECommandsHelp(t *testing.T) {
	for _, name := range readmeCommands(t) {
		args := append(strings.Fields(name), "-h")
		code, _, id := cli(t, args...)
		if code != exitOK || !strings.Contains(id, "Pemakaian: rapor "+name) || !strings.Contains(id, "Opsi:") {
			t.Errorf("rapor %s -h: exit %d\n%s", name, code, id)
			continue
		}
		code, _, en := cli(t, append(args, "--lang", "en")...)
		if code != exitOK || !strings.Contains(en, "Usage: rapor "+name) || !strings.Contains(en, "Flags:") {
			t.Errorf("rapor %s -h --lang en: exit %d\n%s", name, code, en)
			continue
		}
		if notYetInCatalogue[name] {
			continue
		}
		if id == en {
			t.Errorf("rapor %s -h is the same in both languages", name)
		}
		fi, fe := flagTexts(id), flagTexts(en)
		if len(fi) != len(fe) || len(fi) < 4 {
			t.Errorf("rapor %s -h: %d flags in id, %d in en", name, len(fi), len(fe))
			continue
		}
		for i := range fi {
			if fi[i] == fe[i] {
				t.Errorf("rapor %s -h: flag text not translated: %q", name, fi[i])
			}
		}
	}
}

func TestDidYouMean(t *testing.T) {
	names := commandNames()
	for _, c := range []struct{ typed, want string }{
		{"reprot", "report"},
		{"ingset", "ingest"},
		{"biuld", "build"},
		{"bulid", "build"},
		{"confg", "config"},
		{"expor", "export"},
		{"popul", "population"},
		{"sq", "sql"},
		{"verison", "version"},
		{"xyzzy", ""},
		{"deploy", ""},
	} {
		if got := suggest(c.typed, names); got != c.want {
			t.Errorf("suggest(%q) = %q, want %q", c.typed, got, c.want)
		}
	}
	code, _, errs := cli(t, "--lang", "en", "reprot", "--month", "2025-10")
	if code != exitUsage || !strings.Contains(errs, `unknown command "reprot"`) || !strings.Contains(errs, "Did you mean: rapor report ?") {
		t.Errorf("exit %d: %s", code, errs)
	}
}

// The --format flag's text lists the formats there are, in both languages.
func TestResultFormatFlagListsFormats(t *testing.T) {
	id, en, ok := msg.Texts("flag_result_format")
	want := strings.Join(resultfmt.Formats, ", ")
	if !ok || !strings.Contains(id, want) || !strings.Contains(en, want) {
		t.Errorf("flag_result_format does not list %q:\n%s\n%s", want, id, en)
	}
}
