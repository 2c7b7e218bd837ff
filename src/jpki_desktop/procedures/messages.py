"""Validation messages: one code per problem, text in Japanese and English.

Issues carry the code and its parameters; the text is made here so the CLI and the GUI say the
same thing.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # code: (ja, en)
    "required": ("入力してください。", "This item is required."),
    "too-short": ("{min}文字以上で入力してください。", "Enter at least {min} characters."),
    "too-long": (
        "{max}文字以内で入力してください（現在{length}文字）。",
        "Enter at most {max} characters (now {length}).",
    ),
    "pattern": ("入力形式が正しくありません。", "The format is not valid."),
    "invalid-character": (
        "使用できない文字（制御文字など）が含まれています。",
        "Contains characters that cannot be used (control characters).",
    ),
    "not-an-option": ("選択肢から選んでください。", "Choose one of the options."),
    "invalid-date": (
        "日付は YYYY-MM-DD の形式で入力してください。",
        "Enter the date as YYYY-MM-DD.",
    ),
    "date-too-early": ("{min}以降の日付を入力してください。", "Enter a date on or after {min}."),
    "date-too-late": ("{max}以前の日付を入力してください。", "Enter a date on or before {max}."),
    "not-an-integer": ("半角数字で入力してください。", "Enter a whole number."),
    "too-small": ("{min}以上の値を入力してください。", "Enter a value of at least {min}."),
    "too-large": ("{max}以下の値を入力してください。", "Enter a value of at most {max}."),
    "invalid-postal-code": (
        "郵便番号は 123-4567 の形式で入力してください。",
        "Enter the postal code as 123-4567.",
    ),
    "invalid-phone": (
        "電話番号は数字とハイフンで入力してください。",
        "Enter the phone number with digits and hyphens.",
    ),
    "invalid-email": (
        "メールアドレスの形式が正しくありません。",
        "The e-mail address is not valid.",
    ),
    "invalid-boolean": ("はい・いいえで選んでください。", "Choose yes or no."),
    "unknown-field": ("この手続にない項目です。", "This item does not belong to the procedure."),
    "attachments-not-allowed": (
        "この手続には添付書類を付けられません。",
        "This procedure takes no attachments.",
    ),
    "too-few-attachments": (
        "添付書類を{min}件以上付けてください。",
        "Attach at least {min} file(s).",
    ),
    "too-many-attachments": ("添付書類は{max}件までです。", "Attach at most {max} files."),
    "attachment-missing": ("ファイル {name} が見つかりません。", "File {name} was not found."),
    "attachment-empty": ("ファイル {name} は空です。", "File {name} is empty."),
    "attachment-too-large": (
        "ファイル {name} が大きすぎます（上限 {max} バイト）。",
        "File {name} is too large (limit {max} bytes).",
    ),
    "attachment-type": (
        "ファイル {name} の種類は使えません（使用可能: {allowed}）。",
        "File {name} has a type that is not accepted (accepted: {allowed}).",
    ),
    "attachment-duplicate": (
        "同じ名前のファイル {name} が複数あります。",
        "Two files are named {name}.",
    ),
}


def message(code: str, params: dict[str, object] | None = None, lang: str = "ja") -> str:
    ja, en = MESSAGES.get(code, (code, code))
    text = en if lang.startswith("en") else ja
    try:
        return text.format(**(params or {}))
    except (KeyError, IndexError):
        return text
