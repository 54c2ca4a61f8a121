package gen

import (
	"archive/zip"
	"bufio"
	"compress/flate"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/xuri/excelize/v2"
)

// SheetName is the sheet generated workbooks hold.
const SheetName = "Laporan"

// MaxXLSXRows is the most data rows one sheet holds (Excel's 1,048,576 rows, less the header).
const MaxXLSXRows = excelize.TotalRows - 1

var isTimeCol = func() (m [NumCols]bool) {
	for _, c := range TimeCols {
		m[c] = true
	}
	return
}()

// writeXLSX streams rows into a one-sheet workbook: header in row 1, blank cells left out.
func writeXLSX(path string, excelDates bool, each func(yield func(*Row) error) error) (err error) {
	f := excelize.NewFile()
	defer func() {
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}()
	if err = f.SetSheetName("Sheet1", SheetName); err != nil {
		return err
	}
	// Say what the file is; the fixed creation time keeps the bytes reproducible.
	if err = f.SetDocProps(&excelize.DocProperties{
		Creator:     "rapor gen",
		Title:       "Laporan SP4N-LAPOR! (data sintetis)",
		Description: "Synthetic complaint export made by rapor gen; no real persons.",
		Created:     "2006-09-16T00:00:00Z",
		Modified:    "2006-09-16T00:00:00Z",
	}); err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(SheetName)
	if err != nil {
		return err
	}
	dateStyle := 0
	if excelDates {
		format := "yyyy-mm-dd hh:mm:ss"
		if dateStyle, err = f.NewStyle(&excelize.Style{CustomNumFmt: &format}); err != nil {
			return err
		}
	}
	widths := [NumCols]float64{12, 19, 40, 60, 24, 36, 30, 20, 16, 32, 19, 19, 19, 19, 19, 8, 8, 7, 24, 16}
	for c, w := range widths {
		if err = sw.SetColWidth(c+1, c+1, w); err != nil {
			return err
		}
	}
	cells := make([]any, NumCols)
	for c, h := range header {
		cells[c] = h
	}
	if err = sw.SetRow("A1", cells); err != nil {
		return err
	}
	n := 1
	err = each(func(r *Row) error {
		n++
		if n > excelize.TotalRows {
			return fmt.Errorf("more than %d data rows do not fit in a sheet", MaxXLSXRows)
		}
		for c, v := range r {
			switch {
			case v == "":
				cells[c] = nil
			case excelDates && isTimeCol[c]:
				if t, perr := ParseStamp(v); perr == nil {
					cells[c] = excelize.Cell{StyleID: dateStyle, Value: t}
				} else {
					cells[c] = v // not a generated timestamp (noise, bad rows): stays text
				}
			default:
				cells[c] = v
			}
		}
		cell, err := excelize.CoordinatesToCellName(1, n)
		if err != nil {
			return err
		}
		return sw.SetRow(cell, cells)
	})
	if err != nil {
		return fmt.Errorf("gen: writing %s: %w", path, err)
	}
	if err = sw.Flush(); err != nil {
		return err
	}
	return saveStreaming(f, path)
}

// saveStreaming saves f to path. excelize's SaveAs assembles the whole zip in memory first
// (hundreds of MB for a million rows); pointing its zip writer at the file streams it instead.
func saveStreaming(f *excelize.File, path string) error {
	out, err := os.Create(path)
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(out, 1<<20)
	if strings.EqualFold(filepath.Ext(path), ".xlsx") {
		f.Path = path // as SaveAs does: the same content types, so the same bytes
	}
	f.SetZipWriter(func(io.Writer) excelize.ZipWriter {
		zw := zip.NewWriter(bw)
		// Fast deflate: a million-row sheet compresses in a fraction of the default's time.
		zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) {
			return flate.NewWriter(w, flate.BestSpeed)
		})
		return zw
	})
	err = f.Write(io.Discard) // the zip goes to bw; the in-memory buffer stays empty
	if err == nil {
		err = bw.Flush()
	}
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("gen: writing %s: %w", path, err)
	}
	return nil
}
