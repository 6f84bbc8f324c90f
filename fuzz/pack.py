#!/usr/bin/env python3
"""Packs fuzz inputs into one file for tests/fuzz_replay.rs, and unpacks it again.

Format: repeated (little-endian u32 length, that many bytes), inputs in file-name order.

  pack.py pack OUT.bin [--max-bytes N] CORPUS_DIR [CRASH_DIR...]
      Inputs of CORPUS_DIR, smallest first, while their total stays under N bytes
      (default 180000), then every input of each CRASH_DIR; written sorted by file name.
  pack.py unpack IN.bin DIR
      Writes each input as DIR/<sha1 of its bytes> (libFuzzer's corpus naming).
"""
import hashlib
import os
import struct
import sys


def files(d):
    if not os.path.isdir(d):
        return []
    return sorted(
        os.path.join(d, f) for f in os.listdir(d)
        if os.path.isfile(os.path.join(d, f)) and not f.startswith('.')
    )


def pack(out, dirs, max_bytes):
    corpus, crash_dirs = dirs[0], dirs[1:]
    chosen = {}
    total = 0
    for path in sorted(files(corpus), key=lambda p: (os.path.getsize(p), p)):
        size = os.path.getsize(path)
        if total + size + 4 > max_bytes:
            break
        chosen[os.path.basename(path)] = open(path, 'rb').read()
        total += size + 4
    kept_corpus = len(chosen)
    for d in crash_dirs:
        for path in files(d):
            chosen['crash-' + os.path.basename(path)] = open(path, 'rb').read()
    os.makedirs(os.path.dirname(out) or '.', exist_ok=True)
    with open(out, 'wb') as f:
        for name in sorted(chosen):
            data = chosen[name]
            f.write(struct.pack('<I', len(data)))
            f.write(data)
    print(f"{out}: {len(chosen)} inputs ({kept_corpus} of {len(files(corpus))} corpus), "
          f"{os.path.getsize(out)} bytes")


def unpack(src, d):
    os.makedirs(d, exist_ok=True)
    if not os.path.exists(src):
        return
    data = open(src, 'rb').read()
    i = k = 0
    while i < len(data):
        (n,) = struct.unpack_from('<I', data, i)
        item = data[i + 4:i + 4 + n]
        i += 4 + n
        path = os.path.join(d, hashlib.sha1(item).hexdigest())
        if not os.path.exists(path):
            open(path, 'wb').write(item)
            k += 1
    print(f"{src}: {k} new inputs into {d}")


def main(argv):
    if len(argv) >= 3 and argv[0] == 'pack':
        out, rest = argv[1], argv[2:]
        max_bytes = 180000
        if rest[:1] == ['--max-bytes']:
            max_bytes, rest = int(rest[1]), rest[2:]
        pack(out, rest, max_bytes)
    elif len(argv) == 3 and argv[0] == 'unpack':
        unpack(argv[1], argv[2])
    else:
        sys.exit(__doc__)


if __name__ == '__main__':
    main(sys.argv[1:])
