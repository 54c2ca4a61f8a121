-- A batch of duration_windows rows computed in Go, registered as the Arrow view
-- rapor_duration_windows_in (windows.go) for this one statement.
INSERT INTO duration_windows BY NAME SELECT * FROM rapor_duration_windows_in
