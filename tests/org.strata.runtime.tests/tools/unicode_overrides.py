#!/usr/bin/env python3
"""Dev-time only: regenerates the HF_OVERRIDES table in BertCharClasses.java.

Hugging Face `tokenizers` classifies characters with the old `unicode_categories` crate, so for a few
hundred code points (mostly scripts and marks added to Unicode since) its notion of control, punctuation
and non-spacing mark differs from the JDK's. This script asks HF, code point by code point, and prints the
ranges where it disagrees with what the JDK says (as dumped by UnicodeClassDump.java):

    javac -cp <runtime bundle classes> -d /tmp/dump UnicodeClassDump.java
    java -cp <runtime bundle classes>:/tmp/dump UnicodeClassDump /tmp/jdk.txt
    python3 unicode_overrides.py /tmp/jdk.txt
Run the dump on the newest JDK you support; code points that JDK does not know yet are ordinary in both.
"""
import sys
from tokenizers.normalizers import BertNormalizer
from tokenizers.pre_tokenizers import BertPreTokenizer

CLEAN = BertNormalizer(clean_text=True, handle_chinese_chars=False, strip_accents=False, lowercase=False)
STRIP = BertNormalizer(clean_text=False, handle_chinese_chars=False, strip_accents=True, lowercase=False)
PRE = BertPreTokenizer()


def hf_classes(cp):
    s = "x" + chr(cp) + "y"
    bits = 0
    if cp != 0xFFFD and CLEAN.normalize_str(s) == "xy":  # U+FFFD is dropped too, but by name
        bits |= 1
    if len(PRE.pre_tokenize_str(s)) == 3:
        bits |= 2
    if STRIP.normalize_str(s) == "xy":
        bits |= 4
    return bits


def main(dump):
    overrides = []
    for line in open(dump):
        hexcp, jdk = line.split()
        cp, jdk = int(hexcp, 16), int(jdk)
        hf = hf_classes(cp)
        if hf != jdk:
            if overrides and overrides[-1][1] == cp - 1 and overrides[-1][2] == hf:
                overrides[-1][1] = cp
            else:
                overrides.append([cp, cp, hf])
    print(f"// {len(overrides)} ranges: first, last, HF classes")
    row = []
    for first, last, bits in overrides:
        row.append(f"0x{first:X}, 0x{last:X}, {bits}")
        if len(row) == 4:
            print("            " + ", ".join(row) + ",")
            row = []
    if row:
        print("            " + ", ".join(row) + ",")


if __name__ == "__main__":
    main(sys.argv[1])
