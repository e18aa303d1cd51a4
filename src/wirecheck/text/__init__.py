"""Pure text helpers with no pipeline knowledge."""
