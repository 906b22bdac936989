"""Generator package for the request-triage seed corpus (``corpora/requests/seed.jsonl``).

``common`` holds slot fillers and template expansion, ``registers`` the wrappers that turn a
request body into an online form, a letter, a lawyer's letter, an e-mail, a terse line or a
numbered list, and one ``lbl_*`` module per label holds that label's hand-written phrase pieces
and a ``generate(rng, filler, n)`` function.  ``corpora/tools/make_requests.py`` drives them.
"""

LABEL_MODULES = (
    "lbl_ordinary",
    "lbl_petition",
    "lbl_consultation",
    "lbl_needs_creation",
    "lbl_publication",
    "lbl_special_procedure",
    "lbl_not_gov_info",
    "lbl_confirm",
    "lbl_correction",
)
