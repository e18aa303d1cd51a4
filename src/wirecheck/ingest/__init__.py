"""Readers: turn paths (files, folders) into RawDocuments, or Failures with a reason."""
