"""diplomap: a local-first observatory of foreign policy.

Importing the package loads no model; spaCy loads lazily the first time text is extracted.
"""

__version__ = "0.2.0"
