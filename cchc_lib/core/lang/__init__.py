"""The workbook's Vietnamese: every fixed display string (messages, report prose, form
headings, help texts) and the vocabulary it reads from exports (column titles, status
spellings, words that mark a total or a footer row), one module per stage.

The modules here are leaves: they import nothing from the workbook, so any module of any
stage can import them. Outside this package, Vietnamese text is written only in
:mod:`cchc_lib.core.vi` (labels of the data's codes), in the indicator registry
(:mod:`cchc_lib.core.indicator_registry`) and in data files; ``tests/test_architecture.py``
holds that."""

__all__: list[str] = []
