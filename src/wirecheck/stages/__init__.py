"""One module per stage of the pipeline."""
