"""Exit codes of `jpki` (documented in README.md). Stable: scripts depend on them."""

OK = 0
ERROR = 1  # unexpected error
USAGE = 2  # bad command line
NO_SERVICE = 3  # PC/SC service not reachable, or no reader
NO_CARD = 4  # no card, card removed, reader busy
NOT_JPKI = 5  # the card has no JPKI application
PIN_INCORRECT = 6  # wrong password; the message gives the tries left (read from the card)
PIN_BLOCKED = 7  # password blocked
PIN_REFUSED = 8  # refused before the card signed: format, final try not confirmed, wrong applicant
INVALID = 9  # a verification or check said "not valid"
UNCHECKED = 10  # a check could not be completed (e.g. revocation responder down)
