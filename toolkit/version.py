"""The toolkit's version, in one place (the package metadata says the same once installed)."""

__version__ = "0.1.0"
