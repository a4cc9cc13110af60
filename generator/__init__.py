"""baocao: draft the official reports (BÁO CÁO) of Vietnamese Party committees."""

__version__ = "0.1.0"
