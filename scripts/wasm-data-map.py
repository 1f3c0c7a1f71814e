#!/usr/bin/env python3
"""Attributes a WASM module's data section: text, (pointer, length) slices, other words.

usage: scripts/wasm-data-map.py module.wasm [--tables N] [--runs N]

Reads the active data segments; a 4-byte-aligned pair (p, n) with p inside the data
and p + n inside it, n < 65536, is counted as a string slice (8 bytes) when the n bytes
at p are valid UTF-8; other aligned words whose value points into the data are counted
as pointers (vtables, tables of references). The rest is split into text (runs of
printable UTF-8 of 4+ bytes) and other bytes. Each part is gzipped alone (level 9) as a
rough idea of its weight in the gzipped module. With --tables, prints the N largest
runs of consecutive slices with the first strings they point at; with --runs, the N
largest runs of other bytes (tables of numbers: float formatting, Unicode, scores) in hex.

Used for issue 19, P6 (the form module's data section): build the form module as in
BENCHMARKS.md, run wasm-bindgen, then this script on `kyoten_wasm_bg.wasm`.
"""
import sys, struct, gzip

def leb(b, i):
    r = s = 0
    while True:
        x = b[i]; i += 1
        r |= (x & 0x7f) << s; s += 7
        if x < 0x80: return r, i

def segments(w):
    i = 8; out = []
    while i < len(w):
        sid = w[i]; i += 1
        size, i = leb(w, i); end = i + size
        if sid == 11:
            n, j = leb(w, i)
            for _ in range(n):
                flag, j = leb(w, j)
                assert flag == 0, flag
                assert w[j] == 0x41; j += 1
                # signed leb for i32.const
                r = s = 0
                while True:
                    x = w[j]; j += 1; r |= (x & 0x7f) << s; s += 7
                    if x < 0x80:
                        if x & 0x40: r -= 1 << s
                        break
                assert w[j] == 0x0b; j += 1
                ln, j = leb(w, j)
                out.append((r, w[j:j+ln])); j += ln
        i = end
    return out

def main():
    nrun = int(sys.argv[sys.argv.index('--runs') + 1]) if '--runs' in sys.argv else 0
    w = open(sys.argv[1], 'rb').read()
    ntab = int(sys.argv[sys.argv.index('--tables') + 1]) if '--tables' in sys.argv else 0
    segs = segments(w)
    lo = min(a for a, _ in segs); hi = max(a + len(d) for a, d in segs)
    mem = bytearray(hi - lo)
    for a, d in segs: mem[a - lo:a - lo + len(d)] = d
    kind = bytearray(len(mem))  # 0 other, 1 slice, 2 pointer, 3 text
    def utf8(p, n):
        try: bytes(mem[p - lo:p - lo + n]).decode('utf-8'); return True
        except UnicodeDecodeError: return False
    slices = []  # (addr, p, n)
    i = (4 - lo % 4) % 4
    while i + 8 <= len(mem):
        p, n = struct.unpack_from('<II', mem, i)
        if (n == 0 and (p == 1 or lo <= p <= hi)) or (lo <= p < hi and p + n <= hi and n < 65536 and utf8(p, n)):
            kind[i:i+8] = b'\x01' * 8; slices.append((lo + i, p, n)); i += 8; continue
        if lo <= p < hi and p != 0:
            kind[i:i+4] = b'\x02' * 4
        i += 4
    # text runs among the rest
    i = 0
    while i < len(mem):
        if kind[i] == 0:
            j = i
            while j < len(mem) and kind[j] == 0 and (mem[j] >= 0x20 or mem[j] in (9, 10)): j += 1
            if j - i >= 4:
                s = bytes(mem[i:j])
                # trim to valid utf-8
                while s:
                    try: s.decode('utf-8'); break
                    except UnicodeDecodeError as e: s = s[:e.start]
                if len(s) >= 4:
                    kind[i:i+len(s)] = b'\x03' * len(s); i += len(s); continue
            i = max(j, i + 1)
        else: i += 1
    names = {0: 'other', 1: 'slices (ptr+len)', 2: 'other pointer words', 3: 'text'}
    total = len(mem)
    print(f"data: {total} bytes from {lo:#x} to {hi:#x}; whole data gzip -9: {len(gzip.compress(bytes(mem), 9))}")
    for k in (3, 1, 2, 0):
        part = bytes(mem[i] for i in range(len(mem)) if kind[i] == k)
        print(f"{names[k]:22} {len(part):8} raw {len(gzip.compress(part, 9)):8} gzipped alone")
    print(f"slices: {len(slices)}")
    if ntab:
        runs = []; cur = []
        for s in slices:
            if cur and s[0] != cur[-1][0] + 8 and s[0] > cur[-1][0] + 16:
                runs.append(cur); cur = []
            cur.append(s)
        if cur: runs.append(cur)
        runs.sort(key=lambda r: -len(r))
        for r in runs[:ntab]:
            sample = [bytes(mem[p-lo:p-lo+min(n,24)]).decode('utf-8', 'replace') for _, p, n in r[:6]]
            print(f"{r[0][0]:#8x} {len(r):5} slices  {sample}")
    if nrun:
        runs = []; i = 0
        while i < len(mem):
            if kind[i] == 0:
                j = i
                while j < len(mem) and kind[j] == 0: j += 1
                runs.append((j - i, i)); i = j
            else: i += 1
        runs.sort(reverse=True)
        for n, i in runs[:nrun]:
            print(f"{lo + i:#8x} {n:6} other bytes  {bytes(mem[i:i + 32]).hex()}")

main()
