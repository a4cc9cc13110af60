"""``baocao import``: turn an existing report .docx into report.yaml and areas/*.yaml."""
