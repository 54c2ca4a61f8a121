package ingest

import (
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/hsu-lapor/rapor/store"
)

// PopulationRow is one area's inhabitants.
type PopulationRow struct {
	Area       string
	Population int64
	Year       int64 // 0: unknown
	Source     string
}

// ReadPopulation reads a CSV of inhabitants per area: columns kecamatan (or area) and
// penduduk (or population), optional tahun (year) and sumber (source); `,` or `;` separated.
func ReadPopulation(path string) ([]PopulationRow, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	text := strings.TrimPrefix(string(b), "\ufeff")
	r := csv.NewReader(strings.NewReader(text))
	r.Comma = rune(sniffSeparator([]byte(text)))
	r.FieldsPerRecord = -1
	header, err := r.Read()
	if err != nil {
		return nil, fmt.Errorf("%s: no header row", path)
	}
	col := map[string]int{}
	for i, h := range header {
		switch FoldHeader(h) {
		case "kecamatan", "area", "wilayah", "nama kecamatan":
			col["area"] = i
		case "penduduk", "population", "jumlah penduduk":
			col["population"] = i
		case "tahun", "year":
			col["year"] = i
		case "sumber", "source":
			col["source"] = i
		}
	}
	for _, need := range []string{"area", "population"} {
		if _, ok := col[need]; !ok {
			return nil, fmt.Errorf("%s: the header needs a kecamatan (area) and a penduduk (population) column; it has %q", path, header)
		}
	}
	get := func(rec []string, k string) string {
		i, ok := col[k]
		if !ok || i >= len(rec) {
			return ""
		}
		return strings.TrimSpace(rec[i])
	}
	var out []PopulationRow
	seen := map[string]int{}
	for line := 2; ; line++ {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		if blank(rec) {
			continue
		}
		row := PopulationRow{Area: strings.Join(strings.Fields(get(rec, "area")), " "), Source: get(rec, "source")}
		if row.Area == "" {
			return nil, fmt.Errorf("%s row %d column %s: empty area", path, line, header[col["area"]])
		}
		p := strings.NewReplacer(".", "", ",", "", " ", "").Replace(get(rec, "population"))
		if row.Population, err = strconv.ParseInt(p, 10, 64); err != nil || row.Population <= 0 {
			return nil, fmt.Errorf("%s row %d column %s: %q is not a number of inhabitants", path, line, header[col["population"]], get(rec, "population"))
		}
		if y := get(rec, "year"); y != "" {
			if row.Year, err = strconv.ParseInt(y, 10, 64); err != nil {
				return nil, fmt.Errorf("%s row %d column %s: %q is not a year", path, line, header[col["year"]], y)
			}
		}
		key := strings.ToLower(row.Area)
		if prev, dup := seen[key]; dup {
			return nil, fmt.Errorf("%s row %d: %s is already on row %d", path, line, row.Area, prev)
		}
		seen[key] = line
		out = append(out, row)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s: no rows", path)
	}
	return out, nil
}

// LoadPopulation replaces a regency's rows of area_population, in one transaction.
func LoadPopulation(ctx context.Context, db *store.DB, regency string, rows []PopulationRow) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	// loaded_at is written here, not by a column default (migration 0005).
	loaded := time.Now().UTC()
	if _, err := tx.ExecContext(ctx, `DELETE FROM area_population WHERE regency = ?`, regency); err != nil {
		return err
	}
	for _, r := range rows {
		var year any
		if r.Year != 0 {
			year = r.Year
		}
		var src any
		if r.Source != "" {
			src = r.Source
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO area_population (regency, area, population, year, source, loaded_at) VALUES (?, ?, ?, ?, ?, ?)`,
			regency, r.Area, r.Population, year, src, loaded); err != nil {
			return err
		}
	}
	return tx.Commit()
}
