#!/usr/bin/env python3
"""Dev-time only: prints the expected ids that WordPieceTokenizerTest pastes as constants.

Run once with the HF `tokenizers` library on the tokenizer.json shipped in the MiniLM bundle:
    python3 tokenizer_ground_truth.py all-minilm-l6-v2-tokenizer.json > cases.txt
Padding is switched off (Strata pads itself); truncation stays as configured in the file (128),
except where a case names its own max length. The Java tests never run Python.
"""
import sys
import unicodedata
from tokenizers import Tokenizer, AddedToken

LONG = " ".join(["The quick brown fox jumps over the lazy dog near the riverbank at dawn."] * 14)

CASES = [
    ("Hello, world!", None),
    ("The café serves crème brûlée and naïve piñatas.", None),
    ("Ünïcödé ÀÉÎÕÜ façade", None),
    ("東京は日本の首都です。", None),
    ("我爱北京天安门 and Beijing", None),
    ("한국어 텍스트도 있습니다", None),
    ("Emoji test 😀🚀 ok 👍🏽", None),
    ("Supercalifragilisticexpialidocious antidisestablishmentarianism", None),
    ("x" * 101 + " short " + "y" * 100, None),
    ("Prices rose 3.75% to $1,234.56 in Q3-2024.", None),
    ("CamelCaseIdentifiers and snake_case_names in getHTTPResponseCode()", None),
    ("  leading and trailing   spaces\t\ttabs\nnewlines\r\n  ", None),
    ("", None),
    (" \t\n ", None),
    ("non\u00a0breaking\u2003em space\u3000ideographic\u202fnarrow", None),
    ("zero\u200bwidth\u200djoiner\u00adsoft\ufeffbom", None),
    ("control\u0000chars\u0007here\ufffd end", None),
    ("tab\u000bvertical\u000cformfeed\u0085nextline\u001cfile", None),
    ("Ελληνικά κείμενα ΣΊΣΥΦΟΣ", None),
    ("Русский текст, Ёлка и йогурт", None),
    ("İstanbul'da ışık ve ĞÜŞ", None),
    ("ﬁnancial ﬂow ﬀ", None),
    ("email me at someone@example.com or visit https://example.org/path?q=1&r=2#frag", None),
    ("He said: «bonjour» — and left… (quickly)!!! ¿Qué? ¡Sí!", None),
    ("[CLS] special [SEP] tokens [MASK] inside [UNK] text [PAD]", None),
    ("mixed [sep] case and [SEP][SEP] adjacent", None),
    ("Math: x² + y² = z², ∑ᵢ aᵢ ≥ 0, ½ ≈ 0.5 ± 1e-3", None),
    ("Arabic: مرحبا بالعالم and Hebrew: שָׁלוֹם", None),
    ("Hindi: नमस्ते दुनिया", None),
    ("Thai: สวัสดีครับ", None),
    ("0123456789 000000000000000000001 3.14159265358979", None),
    ("ÅNGSTRÖM Ångström angstrom Ǆemal", None),
    ("Japanese katakana カタカナ and hiragana ひらがな, kanji 漢字", None),
    ("fullwidth ＡＢＣ１２３ and halfwidth ｶﾀｶﾅ", None),
    ("𝔘𝔫𝔦𝔠𝔬𝔡𝔢 math letters and 𠀀𠀁 extension B", None),
    ("back`tick ~tilde^caret |pipe| <angle> {brace} \\slash $", None),
    ("don't won't it's o'clock rock'n'roll", None),
    ("e\u0301 combining acute, a\u0308 combining diaeresis", None),
    (LONG, None),
    (LONG, 16),
    ("A rather short sentence for the cap", 8),
]


def java_literal(text):
    out = []
    for ch in text:
        cp = ord(ch)
        cat = unicodedata.category(ch)
        if ch == '"' or ch == "\\":
            out.append("\\" + ch)
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ch == "\r":
            out.append("\\r")
        elif 0x20 <= cp < 0x7F:
            out.append(ch)
        elif cat[0] in "CZM" or cp > 0xFFFF or cp == 0xFFFD:
            for unit in ch.encode("utf-16-be").hex(" ", 2).split():
                out.append("\\u" + unit.upper())
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def main(path):
    tok = Tokenizer.from_file(path)
    tok.no_padding()
    default_max = tok.truncation["max_length"]
    for text, max_len in CASES:
        tok.enable_truncation(max_len or default_max)
        ids = tok.encode(text).ids
        text_expr = "LONG" if text == LONG else java_literal(text)
        print(f"new Case({text_expr}, {max_len or 0}, new int[] {{{', '.join(map(str, ids))}}}),")
    # Added tokens with lstrip / rstrip / single_word, added on top of the same file.
    tok.enable_truncation(default_max)
    tok.add_special_tokens([AddedToken("<lmark>", lstrip=True, normalized=False)])
    tok.add_special_tokens([AddedToken("<rmark>", rstrip=True, normalized=False)])
    tok.add_tokens([AddedToken("hashtag", single_word=True, normalized=True)])
    print("// added: <lmark> lstrip, <rmark> rstrip, hashtag single_word normalized")
    for text in ["left  <lmark>  right", "a <rmark>   b", "my HashTag and hashtags #hashtag x_hashtag"]:
        enc = tok.encode(text)
        print(f"new Case({java_literal(text)}, 0, new int[] {{{', '.join(map(str, enc.ids))}}}), // {enc.tokens}")
    print("// added ids:", tok.token_to_id("<lmark>"), tok.token_to_id("<rmark>"), tok.token_to_id("hashtag"))


if __name__ == "__main__":
    main(sys.argv[1])
