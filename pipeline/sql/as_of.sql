-- The data cut-off of the current build: build_info.as_of (one row; none before the first build).
SELECT as_of FROM build_info
