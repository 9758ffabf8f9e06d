"""The documents the background worker makes, by the key each kept file names: the catalogue's
(sendplan.reports.catalogue), under the name the worker's tests and benchmarks know them by."""

from sendplan.reports.catalogue import DOCUMENTS, Document

__all__ = ["DOCUMENTS", "Document"]
