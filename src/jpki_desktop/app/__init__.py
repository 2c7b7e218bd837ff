"""The application layer: the use cases both front ends call, and nothing else orchestrates.

Qt-free and synchronous; no printing. Each use case takes explicit inputs (a card opener
`Callable[[], OpenCard]` or an already open card on the GUI's card thread, a clock or a date,
settings values, a `PinBuffer` or a function that reads one, a final-try confirmation) and
returns the core's own value objects. `cli/` parses arguments and prints; `ui/` holds widgets,
the card thread and rendering; both call only this package and the core's value/error types.

Where a use case goes:

- `card`: readers, card status (`read_status`), certificates read from the card;
- `pins`: PIN counters, the final-try guard, PIN change;
- `signing`: the one preflight→unlock sequence (`card_signer`), sign a file (CAdES), sign an
  XML form, build a package;
- `flow`: the GUI's home-use flow (check the form, sign the application, send it);
- `submission`: one `SubmissionService` per app context: submit, flush the outbox, history;
- `procedures`: the procedure catalogue and forms;
- `validity`: expiry, reminders (.ics), own-certificate check, life-event (attributes) check;
- `certificates`: certificate facts for display;
- `pdf`: sign a PDF on the card (profiles moj, pades-b-t), the privacy notice first;
- `verification`: verify a signature, a package or a PDF;
- `diagnosis`: what is wrong with the PC/SC service, the reader or the card;
- `monitor`, `agency`: watching readers, running the reference agency;
- `card_source`, `card_state`: where the GUI's card thread gets its card, and what it knows.
"""
