"""Generic template machinery: a profile's `Layout` in, a docxtpl .docx template out."""
