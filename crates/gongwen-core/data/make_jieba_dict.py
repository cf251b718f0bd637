#!/usr/bin/env python3
"""Writes jieba-dict.lzma, the form of jieba-dict.txt compiled into the core.

Run it after changing jieba-dict.txt (python3 data/make_jieba_dict.py from
crates/gongwen-core); the test segment::tests::compact_dictionary_expands_to_the_plain_text
fails until then. The plain text stays the source of truth: this form only
makes the worker's wasm smaller. 1.70 MB gzip for the plain text; 1.00 MB for
this file, which gzip cannot shrink further.

The form, before LZMA ("alone" format, preset 9 extreme): the entry count and
the length of the words' part (two little-endian u32); the words' part in
GB18030 -- per entry, the number of leading characters it shares with the
previous word (as one character: '0' plus the number, at most 79), the rest
of its word and a newline; then each entry's frequency as an unsigned LEB128
varint. Sorted words share long prefixes, GB18030 writes a Chinese character
in two bytes where UTF-8 takes three, and numbers apart from words compress
better than numbers between them. segment.rs (for_each_packed_entry) reads it.
"""

import lzma
import struct
from pathlib import Path

HERE = Path(__file__).resolve().parent


def compact(text: str) -> bytes:
    words, frequencies, count, previous = [], bytearray(), 0, ""
    for number, line in enumerate(text.split("\n"), start=1):
        if not line:
            continue
        fields = line.split(" ")
        if len(fields) != 2:
            raise SystemExit(f"jieba-dict.txt line {number}: expected `word frequency`")
        word, frequency = fields[0], int(fields[1])
        shared = 0
        while shared < min(len(word), len(previous), 79) and word[shared] == previous[shared]:
            shared += 1
        words.append(chr(ord("0") + shared) + word[shared:] + "\n")
        while True:
            low, frequency = frequency & 0x7F, frequency >> 7
            frequencies.append(low | (0x80 if frequency else 0))
            if not frequency:
                break
        previous, count = word, count + 1
    encoded = "".join(words).encode("gb18030")
    return struct.pack("<II", count, len(encoded)) + encoded + bytes(frequencies)


def main() -> None:
    text = (HERE / "jieba-dict.txt").read_text(encoding="utf-8")
    data = lzma.compress(compact(text), format=lzma.FORMAT_ALONE, preset=9 | lzma.PRESET_EXTREME)
    (HERE / "jieba-dict.lzma").write_bytes(data)
    print(f"wrote jieba-dict.lzma ({len(data)} bytes)")


if __name__ == "__main__":
    main()
